package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.predict.TrafficPredictor;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0008: a DestinationRule that makes sidecars send plaintext (tls.mode DISABLE, or no tls while auto mTLS is off)
 * to workloads whose sidecars accept STRICT mTLS only: 503 (UC) until the rule sends ISTIO_MUTUAL.
 */
final class PlaintextToStrictAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "destinationrule.PlaintextToStrict";
    }

    @Override
    public String description() {
        return "plaintext sent by rule to a STRICT mTLS server";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.PLAINTEXT_TO_STRICT);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        MeshIndex index = view.index(cp);
        for (Rules.Dr dr : index.destinationRules()) {
            if (dr.implied()) {
                continue;
            }
            for (MeshService s : covered(view, index, dr)) {
                List<WorkloadInfo> pods = view.workloadsSelectedBy(s);
                for (ServicePort p : s.ports()) {
                    String[] where = new String[1];
                    ClientTLSSettings tls = TrafficPredictor.tlsFor(dr, null, p.number(), where);
                    boolean plain = tls != null && tls.getMode() != null ? tls.getMode().name().equals("DISABLE")
                            : !cp.autoMtls();
                    if (!plain) {
                        continue;
                    }
                    for (WorkloadInfo pod : pods) {
                        ControlPlane owner = view.controlPlaneOf(pod.namespace());
                        if (!pod.sidecar() || owner == null
                                || !view.index(owner).mtlsMode(pod, p.endpointPort()).mode().equals("STRICT")) {
                            continue;
                        }
                        String field = where[0] == null ? "spec.trafficPolicy.tls" : where[0] + ".mode";
                        report.accept(Finding.of(Messages.PLAINTEXT_TO_STRICT, dr.key(), field,
                                "Sidecars that use this rule send plaintext to " + s.host() + ":" + p.number()
                                        + (tls == null ? " (no tls and auto mTLS is off)" : " (tls.mode DISABLE)")
                                        + ", but " + pod.id() + " accepts STRICT mTLS only: 503 with flag UC.",
                                "Set tls.mode: ISTIO_MUTUAL in this rule, or relax the server's PeerAuthentication."));
                        break;
                    }
                }
            }
        }
    }

    private static List<MeshService> covered(MeshView view, MeshIndex index, Rules.Dr dr) {
        List<MeshService> out = new ArrayList<>();
        if (!Hosts.isWildcard(dr.host())) {
            MeshService s = view.kubernetesService(dr.host());
            if (s != null) {
                out.add(s);
            }
            return out;
        }
        for (MeshService s : index.services()) {
            if (s.kind() == MeshService.Kind.KUBERNETES && Hosts.matches(dr.host(), s.host())) {
                out.add(s);
            }
        }
        return out;
    }
}
