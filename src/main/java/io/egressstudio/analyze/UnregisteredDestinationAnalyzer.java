package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0013: a VirtualService that routes to a host no Service or ServiceEntry registers (for the rule's namespace) sends
 * the request nowhere: the proxy has no cluster for it (503 NC). The outbound policy does not matter: ALLOW_ANY's
 * PassthroughCluster serves requests no route matches, not a route's destination (as the predictor says).
 */
final class UnregisteredDestinationAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "virtualservice.UnregisteredDestination";
    }

    @Override
    public String description() {
        return "a route to an unregistered host (503 NC, whatever the outbound policy)";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.UNREGISTERED_DESTINATION_HOST);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        MeshIndex index = view.index(cp);
        for (Rules.Vs vs : index.virtualServices()) {
            for (Routes.Dest d : Routes.destinations(vs)) {
                if (index.lookupServiceForGateway(vs.namespace(), d.host()) == null
                        && (!d.gatewayBound(vs) || index.lookupServiceForGateway(cp.namespace(), d.host()) == null)) {
                    report.accept(Finding.of(Messages.UNREGISTERED_DESTINATION_HOST, vs.key(), d.path(),
                            "No Service or ServiceEntry visible here registers " + d.host() + ": the proxy has no "
                                    + "cluster for it and requests routed there fail (503 NC)"
                                    + (cp.registryOnly() ? "." : "; ALLOW_ANY's PassthroughCluster does not apply "
                                    + "to a route's destination."),
                            "Create a ServiceEntry for " + d.host() + " (resolution DNS) exported to " + vs.namespace()
                                    + ", or fix the host."));
                }
            }
        }
    }
}
