package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.fabric8.openshift.api.model.Route;
import java.util.List;
import java.util.function.Consumer;

/** ES0010: the OpenShift router picks a passthrough Route by SNI only; TLS originated without sni cannot reach it. */
final class PassthroughRouteSniAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "destinationrule.PassthroughRouteSni";
    }

    @Override
    public String description() {
        return "TLS origination towards a passthrough Route needs sni";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.MISSING_SNI_PASSTHROUGH_ROUTE);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        for (Rules.Dr dr : view.index(cp).destinationRules()) {
            for (TlsSettings s : TlsSettings.of(dr)) {
                if (!s.originates() || s.tls().getSni() != null) {
                    continue;
                }
                for (Route route : view.routesFor(dr.host())) {
                    if (route.getSpec().getTls() != null
                            && "passthrough".equalsIgnoreCase(route.getSpec().getTls().getTermination())) {
                        report.accept(Finding.of(Messages.MISSING_SNI_PASSTHROUGH_ROUTE, dr.key(), s.path() + ".sni",
                                "TLS to " + dr.host() + " goes through passthrough Route " + MeshView.key(route)
                                        + ", which the router selects by SNI, but the rule sets no sni: the handshake "
                                        + "fails (503 UF).",
                                "Set sni: " + dr.host() + "."));
                        break;
                    }
                }
            }
        }
    }
}
