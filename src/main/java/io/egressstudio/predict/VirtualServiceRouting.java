package io.egressstudio.predict;

import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.Protocol;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.Specs;
import io.egressstudio.model.Outcome;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import java.util.List;
import java.util.Map;

/**
 * The route stage at any proxy: which of a VirtualService's http, tls or tcp routes applies, and the registered
 * cluster it names. A sidecar falls back to the default route when nothing matches; a gateway has no default route,
 * so there a miss is NO_ROUTE. Weighted routes are followed along their first destination.
 */
final class VirtualServiceRouting {
    private VirtualServiceRouting() {
    }

    /**
     * Where {@code vs} sends a request arriving on {@code port}. {@code defaultService}/{@code defaultPort} are the
     * sidecar's default route (null at a gateway, where there is none).
     */
    static Target route(Trace t, MeshIndex index, Rules.Vs vs, String gatewayRef, Protocol protocol, int port,
                                String path, String sni, String proxyNamespace, Map<String, String> labels,
                                MeshService defaultService, ServicePort defaultPort, boolean atGateway) {
        t.use(vs.key());
        Destination destination = null;
        String matched;
        boolean hasHttp = !Specs.orEmpty(vs.spec().getHttp()).isEmpty();
        boolean hasTls = !Specs.orEmpty(vs.spec().getTls()).isEmpty();
        boolean hasTcp = !Specs.orEmpty(vs.spec().getTcp()).isEmpty();
        if (protocol.isHttp()) {
            HTTPRoute http = RouteMatches.http(vs, gatewayRef, port, path);
            if (http == null && hasHttp) {
                throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " has http routes for this host but none matches port "
                        + port + " and path " + path + ": the proxy answers 404 with flag NR.");
            }
            if (http == null && atGateway) {
                throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " is bound to the gateway but has no http routes "
                        + (hasTls ? "(its tls routes never apply to a server that terminates TLS) " : "")
                        + "for this request: the gateway answers 404 with flag NR. Fix: use http routes.");
            }
            if (http != null) {
                if (http.getRedirect() != null) {
                    throw t.end(Outcome.OK, "Route: " + vs.key() + " answers with a redirect (301) to "
                            + (http.getRedirect().getAuthority() == null ? "" : http.getRedirect().getAuthority())
                            + (http.getRedirect().getUri() == null ? "" : http.getRedirect().getUri()) + ".");
                }
                if (http.getDirectResponse() != null) {
                    throw t.end(Outcome.OK, "Route: " + vs.key() + " answers directly with status "
                            + http.getDirectResponse().getStatus() + ".");
                }
                if (Specs.orEmpty(http.getRoute()).isEmpty()) {
                    // only a Gateway API route converts so (Istio refuses such a VirtualService): istiod gives every
                    // refused backend no destination, and the request gets 500 NC
                    throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " matches the request but has no usable "
                            + "destination (istiod refused its backends): the proxy answers 500 with flag NC.");
                }
                destination = firstDestination(Specs.orEmpty(http.getRoute()).stream()
                        .map(HTTPRouteDestination::getDestination).toList());
            }
            matched = "http";
        } else if (sni != null && (protocol.isTls() || atGateway)) {
            TLSRoute tls = RouteMatches.tls(vs, gatewayRef, port, sni);
            if (tls == null && atGateway) {
                throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " has no tls route for SNI " + sni + " on port " + port
                        + (hasHttp ? " (its http routes have no effect on a PASSTHROUGH server)" : "")
                        + ": the gateway closes the connection. Fix: add a tls route with sniHosts.");
            }
            if (tls != null) {
                destination = firstDestination(Specs.orEmpty(tls.getRoute()).stream().map(RouteDestination::getDestination)
                        .toList());
            }
            matched = "tls";
        } else {
            TCPRoute tcp = RouteMatches.tcp(vs, gatewayRef, port);
            if (tcp != null) {
                destination = firstDestination(Specs.orEmpty(tcp.getRoute()).stream().map(RouteDestination::getDestination)
                        .toList());
            } else if (atGateway) {
                throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " has no tcp route for port " + port
                        + ": the gateway closes the connection.");
            }
            matched = "tcp";
        }
        if (destination == null) {
            t.say("Route: " + vs.key() + " has no " + matched + " route for this request; the default route applies.");
            return new Target(defaultService, defaultPort, null);
        }
        String host = Hosts.fqdn(destination.getHost(), vs.namespace());
        int destinationPort = destination.getPort() != null && destination.getPort().getNumber() != null
                ? destination.getPort().getNumber().intValue() : -1;
        MeshService service = atGateway ? index.lookupServiceForGateway(proxyNamespace, host)
                : index.lookupService(proxyNamespace, labels, host).service();
        if (service == null) {
            throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " sends the request to " + host + ", which is not in the "
                    + "registry visible from " + proxyNamespace + ": there is no cluster for it and the proxy answers 503 "
                    + "with flag NC (cluster not found). Fix: register " + host + " with a ServiceEntry exported to "
                    + proxyNamespace + ".");
        }
        if (destinationPort < 0) {
            destinationPort = service.ports().size() == 1 ? service.ports().get(0).number() : port;
        }
        ServicePort servicePort = Target.portOf(service, destinationPort);
        if (servicePort == null) {
            throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " sends the request to " + host + ":" + destinationPort
                    + ", but " + service.key() + " declares no port " + destinationPort + ": 503 NC (cluster not found).");
        }
        t.use(service.key());
        t.say("Route: " + vs.key() + " (" + matched + " route" + (gatewayRef.equals("mesh") ? ", bound to mesh" : ", bound to "
                + gatewayRef) + ") sends the request to " + host + ":" + destinationPort
                + (destination.getSubset() != null ? " subset " + destination.getSubset() : "") + ".");
        return new Target(service, servicePort, destination.getSubset());
    }

    private static Destination firstDestination(List<Destination> destinations) {
        return destinations.isEmpty() ? null : destinations.get(0);
    }
}
