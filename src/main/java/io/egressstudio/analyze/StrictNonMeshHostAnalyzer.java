package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.WorkloadInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ES0009: with {@code dataPlane.mtls}, Maistra's DestinationRule {@code default} ({@code *.local}, ISTIO_MUTUAL)
 * also matches cluster hosts outside the mesh; calls to them fail until a more specific rule disables mTLS.
 */
final class StrictNonMeshHostAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "serviceentry.StrictMeshNonMeshLocalHost";
    }

    @Override
    public String description() {
        return "a STRICT mesh's *.local ISTIO_MUTUAL default applied to a host without a sidecar";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.STRICT_TO_NON_MESH_LOCAL);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        if (!cp.mtls()) {
            return;
        }
        MeshIndex index = view.index(cp);
        for (MeshService s : index.services()) {
            if (s.kind() != MeshService.Kind.SERVICE_ENTRY || !Hosts.matches("*.local", s.host()) || hasSidecar(view, s)) {
                continue;
            }
            Rules.Dr dr = index.lookupDestinationRule(s.namespace(), Map.of(), s).rule();
            if (dr == null || !dr.implied()) {
                continue;
            }
            report.accept(Finding.of(Messages.STRICT_TO_NON_MESH_LOCAL, s.key(), "spec.hosts",
                    s.host() + " has no sidecar, but in mesh " + cp.name() + " it matches " + dr.key()
                            + " (*.local, ISTIO_MUTUAL), which Maistra creates for dataPlane.mtls: sidecars originate "
                            + "Istio mTLS to it and the calls fail with 503 UF,URX.",
                    "Add a DestinationRule for " + s.host() + " with tls.mode DISABLE (or SIMPLE for a TLS server) in "
                            + s.namespace() + "."));
        }
    }

    private static boolean hasSidecar(MeshView view, MeshService s) {
        MeshService kube = view.kubernetesService(s.host());
        if (kube == null) {
            return false;
        }
        List<WorkloadInfo> pods = view.workloadsSelectedBy(kube);
        if (pods.isEmpty()) {
            return view.controlPlaneOf(kube.namespace()) != null;
        }
        return pods.stream().anyMatch(WorkloadInfo::sidecar);
    }
}
