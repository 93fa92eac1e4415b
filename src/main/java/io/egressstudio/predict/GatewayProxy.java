package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Protocol;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.Specs;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gateway proxy (an egress gateway, or another mesh's ingress gateway behind a Route), in pilot's order: the Gateway
 * server on the port whose hosts list the SNI or Host (its listener), what that server does with TLS
 * ({@link GatewayServerTls}), a VirtualService bound to the Gateway (its route; a gateway has no default route), and
 * the cluster it then sends to.
 */
final class GatewayProxy {
    private final MeshView view;
    private final GatewayServerTls serverTls;
    private final ClusterSender sender;
    private final Authorization authorization;

    GatewayProxy(MeshView view, ClusterSender sender) {
        this.view = view;
        this.serverTls = new GatewayServerTls(view);
        this.sender = sender;
        this.authorization = new Authorization(view);
    }

    /** A server of a Gateway resource; {@code index} is its position in spec.servers, for the explanation. */
    private record Candidate(Rules.Gw gw, Server server, int index) {
    }

    Outcome at(Trace t, WorkloadInfo gateway, ServicePort servicePort, Wire wire, int depth) {
        ControlPlane cp = view.controlPlaneOf(gateway.namespace());
        MeshIndex index = view.index(cp);
        String id = gateway.id();
        Candidate chosen = serverFor(t, index, gateway, servicePort, wire);
        Rules.Gw gw = chosen.gw();
        Server server = chosen.server();
        t.use(gw.key());
        Protocol protocol = Protocol.of(server.getPort().getProtocol());
        ServerTLSSettings tls = server.getTls();
        String tlsMode = tls == null || tls.getMode() == null ? (protocol.isTls() ? "SIMPLE" : "NONE") : tls.getMode().name();
        String serverPath = "spec.servers[" + chosen.index() + "]";
        t.say("Gateway proxy " + id + ": " + gw.key() + " " + serverPath + " accepts port " + server.getPort().getNumber()
                + " protocol " + protocol + (protocol.isTls() ? " tls.mode " + tlsMode : "") + " for "
                + Specs.orEmpty(server.getHosts()) + ".");
        GatewayServerTls.Accepted accepted = serverTls.accept(t, gateway, cp, protocol, tls, tlsMode, wire);
        Wire inner = accepted.inner();
        Protocol routing = accepted.routing();
        // Envoy's RBAC filter runs in the server's filter chain, before the router picks a route
        authorization.enforce(t, "gateway proxy " + id, gateway, tlsMode.equals("ISTIO_MUTUAL"), routing.isHttp(), wire,
                servicePort.endpointPort());
        String host = routing == Protocol.TLS ? wire.sni() : wire.host();
        List<Rules.Vs> bound = index.gatewayVirtualServices(gw.ref(), gateway.namespace(), host);
        if (bound.isEmpty()) {
            List<Rules.Vs> any = index.virtualServicesBoundTo(gw.ref());
            throw t.end(Outcome.NO_ROUTE, "Gateway proxy " + id + ": no VirtualService bound to " + gw.ref() + " has host "
                    + host + (any.isEmpty() ? "" : " (bound ones: " + any.stream().map(Rules.Vs::key).toList() + ")")
                    + ": the gateway answers 404 with flag NR. Fix: a VirtualService with gateways [" + gw.ref()
                    + "] and hosts [" + host + "].");
        }
        Rules.Vs vs = bound.get(0);
        Target target = VirtualServiceRouting.route(t, index, vs, gw.ref(), routing,
                server.getPort().getNumber().intValue(), wire.path(), routing == Protocol.TLS ? wire.sni() : null,
                gateway.namespace(), gateway.labels(), null, null, true);
        if (target.service() == null) {
            throw t.end(Outcome.NO_ROUTE, "Gateway proxy " + id + ": " + vs.key() + " has no route for this request: 404 NR.");
        }
        return sender.send(t, index, id, gateway.namespace(), gateway, target, inner, true, cp, depth + 1);
    }

    /** The listener: a server on the port (service port or target port) whose hosts match the SNI, or the Host. */
    private Candidate serverFor(Trace t, MeshIndex index, WorkloadInfo gateway, ServicePort servicePort, Wire wire) {
        String id = gateway.id();
        List<Rules.Gw> selecting = index.gatewaysSelecting(gateway.labels());
        List<Candidate> onPort = new ArrayList<>();
        for (Rules.Gw gw : selecting) {
            List<Server> servers = Specs.orEmpty(gw.spec().getServers());
            for (int i = 0; i < servers.size(); i++) {
                Server s = servers.get(i);
                if (s.getPort() != null && s.getPort().getNumber() != null) {
                    int n = s.getPort().getNumber().intValue();
                    if (n == servicePort.number() || n == servicePort.endpointPort()) {
                        onPort.add(new Candidate(gw, s, i));
                    }
                }
            }
        }
        if (onPort.isEmpty()) {
            throw t.end(Outcome.NO_ROUTE, "Gateway proxy " + id + ": no Gateway resource selecting it has a server on port "
                    + servicePort.number() + "/" + servicePort.endpointPort() + ", so it has no listener there; the caller "
                    + "sees the connection refused (503 UF,URX from a proxy). Fix: a Gateway server on that port.");
        }
        // Envoy picks the filter chain by SNI when TLS arrives, else the virtual host by the Host header.
        Candidate chosen = firstListing(onPort, wire.outerTls() ? wire.sni() : wire.host());
        String o = wire.outerMode();
        if (chosen == null) {
            Candidate any = onPort.get(0);
            t.use(any.gw().key());
            throw t.end(wire.outerTls() ? (o.equals("ISTIO_MUTUAL") ? Outcome.MTLS_FAILURE : Outcome.TLS_FAILURE)
                    : Outcome.NO_ROUTE, "Gateway proxy " + id + ": no server on port "
                    + servicePort.endpointPort() + " lists " + (wire.outerTls() ? "SNI " + (wire.sni() == null ? "(none sent)"
                    : wire.sni()) + "; the handshake finds no filter chain and fails (503 UF)" : "host " + wire.host()
                    + "; the gateway answers 404 NR") + ". Fix: add the host to the Gateway server's hosts"
                    + (wire.outerTls() ? " and send it as SNI." : "."));
        }
        return chosen;
    }

    /** The first server whose hosts (namespace prefix dropped, made fully qualified) match the name, or null. */
    private static Candidate firstListing(List<Candidate> onPort, String matchHost) {
        if (matchHost == null) {
            // No SNI: only a server listing "*" matches, since Istio gives it a filter chain without server names.
            return onPort.stream().filter(c -> Specs.orEmpty(c.server().getHosts()).stream()
                    .anyMatch(h -> Hosts.stripNamespace(h).equals("*"))).findFirst().orElse(null);
        }
        String wanted = matchHost.toLowerCase(Locale.ROOT);
        for (Candidate c : onPort) {
            for (String h : Specs.orEmpty(c.server().getHosts())) {
                if (Hosts.matches(Hosts.fqdn(Hosts.stripNamespace(h), c.gw().namespace()), wanted)) {
                    return c;
                }
            }
        }
        return null;
    }
}
