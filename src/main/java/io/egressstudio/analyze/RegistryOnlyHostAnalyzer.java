package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0013: under REGISTRY_ONLY only registered hosts can be reached; a VirtualService that routes to a host no
 * Service or ServiceEntry registers (for the rule's namespace) sends the request nowhere (503 NC, or BlackHoleCluster).
 */
final class RegistryOnlyHostAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "virtualservice.UnregisteredDestination";
    }

    @Override
    public String description() {
        return "a route to an unregistered host in a REGISTRY_ONLY mesh";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.UNREGISTERED_HOST_REGISTRY_ONLY);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        for (ControlPlane cp : view.controlPlanes()) {
            if (!cp.registryOnly()) {
                continue;
            }
            MeshIndex index = view.index(cp);
            for (Rules.Vs vs : index.virtualServices()) {
                for (Routes.Dest d : Routes.destinations(vs)) {
                    if (index.lookupServiceForGateway(vs.namespace(), d.host()) == null
                            && (!d.gatewayBound(vs) || index.lookupServiceForGateway(cp.namespace(), d.host()) == null)) {
                        report.accept(Finding.of(Messages.UNREGISTERED_HOST_REGISTRY_ONLY, vs.key(), d.path(),
                                "Mesh " + cp.name() + " is REGISTRY_ONLY and no Service or ServiceEntry visible here "
                                        + "registers " + d.host() + ": requests routed there fail (503 NC).",
                                "Create a ServiceEntry for " + d.host() + " (resolution DNS) exported to " + vs.namespace()
                                        + ", or fix the host."));
                    }
                }
            }
        }
    }
}
