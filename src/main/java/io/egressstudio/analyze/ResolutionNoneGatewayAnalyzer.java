package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import java.util.List;
import java.util.function.Consumer;

/** ES0004: a gateway forwarding to a ServiceEntry with resolution NONE sends the request to itself. */
final class ResolutionNoneGatewayAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "serviceentry.ResolutionNoneThroughGateway";
    }

    @Override
    public String description() {
        return "hosts routed through an egress gateway need resolution DNS";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.RESOLUTION_NONE_VIA_EGRESS);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        MeshIndex index = view.index(cp);
        for (Rules.Vs vs : index.virtualServices()) {
            if (vs.gateways().stream().allMatch("mesh"::equals)) {
                continue;
            }
            for (Routes.Dest d : Routes.destinations(vs)) {
                if (!d.gatewayBound(vs)) {
                    continue;
                }
                MeshService s = index.lookupServiceForGateway(cp.namespace(), d.host());
                if (s != null && s.kind() == MeshService.Kind.SERVICE_ENTRY && "NONE".equals(s.resolution())) {
                    report.accept(Finding.of(Messages.RESOLUTION_NONE_VIA_EGRESS, s.key(), "spec.resolution",
                            vs.key() + " routes " + s.host() + " through a gateway, but the ServiceEntry has resolution "
                                    + "NONE: the gateway forwards to the original destination, itself, and loops.",
                            "Set resolution: DNS on the ServiceEntry."));
                }
            }
        }
    }
}
