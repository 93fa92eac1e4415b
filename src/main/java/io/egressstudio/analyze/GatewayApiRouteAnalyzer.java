package io.egressstudio.analyze;

import io.egressstudio.mesh.KubernetesGateways;
import io.egressstudio.mesh.MeshView;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0042: a Gateway API route (HTTPRoute, TLSRoute, TCPRoute) that istiod attaches nowhere (its parent Gateway or
 * ServiceEntry does not exist) or to no listener of its Gateway (sectionName, port, protocol, allowed namespaces,
 * hostnames), or a backendRef istiod refuses. Offline there is no route {@code status} to read: the same checks are
 * made on the spec, as istiod makes them (decision 0032).
 */
final class GatewayApiRouteAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "gatewayapi.RouteAttachment";
    }

    @Override
    public String description() {
        return "Gateway API routes that attach nowhere, and backends istiod refuses";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.GATEWAY_API_ROUTE_NOT_ATTACHED);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        for (KubernetesGateways.RouteProblem p : view.routeProblems()) {
            report.accept(Finding.of(Messages.GATEWAY_API_ROUTE_NOT_ATTACHED, p.route(), p.field(),
                    p.route() + ": " + p.problem() + ": " + p.consequence() + ".", p.fix() != null ? p.fix()
                            : "Point the parentRef at the Gateway's listener (sectionName, port) or at an existing "
                            + "ServiceEntry, and name external hosts as backends of kind Hostname (group "
                            + "networking.istio.io)."));
        }
    }
}
