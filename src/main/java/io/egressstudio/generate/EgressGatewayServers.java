package io.egressstudio.generate;

import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.EgressServerTls;
import io.egressstudio.model.Link;
import io.egressstudio.model.Origination;
import io.egressstudio.model.TlsMode;
import io.fabric8.istio.api.api.networking.v1alpha3.Port;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1beta1.GatewayBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the servers every link needs on each egress gateway, so that links sharing a gateway share one Gateway
 * resource (named after the gateway, in its namespace) with one server per port and kind.
 */
final class EgressGatewayServers {
    /** A server; {@code tcp} only for a Gateway API gateway (Istio's API passes TCP through a TLS server). */
    private record ServerKey(int port, boolean passthrough, boolean mutual, boolean tcp) {
    }

    private record GatewayKey(String namespace, EgressGateway gateway) {
    }

    private final Map<GatewayKey, Map<ServerKey, Set<String>>> servers = new LinkedHashMap<>();
    private final Map<GatewayKey, String> firstElement = new LinkedHashMap<>();
    /** Per gateway, the namespaces of the ServiceEntries its links reach (a waypoint must admit them). */
    private final Map<GatewayKey, Set<String>> serviceNamespaces = new LinkedHashMap<>();

    /**
     * Whether the gateway's server for an HTTP link's traffic is ISTIO_MUTUAL: the gateway's own {@code serverTls}
     * when set, otherwise (as before the field existed) when the link's sidecar originates ISTIO_MUTUAL.
     */
    static boolean mutualFromSidecars(EgressGateway gateway, Link link) {
        if (gateway.serverTls() != null) {
            return gateway.serverTls() == EgressServerTls.ISTIO_MUTUAL;
        }
        return link.sidecarTls() != null && link.sidecarTls().mode() == TlsMode.ISTIO_MUTUAL;
    }

    /**
     * The TLS the sidecar originates to the gateway: the link's own sidecarTls, except that a gateway whose server is
     * ISTIO_MUTUAL supplies what the link leaves out: ISTIO_MUTUAL itself when the link has no sidecarTls, and the
     * destination host as SNI, as Istio's egress TLS origination task configures the gateway's subset (the gateway's
     * server is chosen by that SNI).
     */
    static Origination sidecarToGateway(EgressGateway gateway, Link link, String host) {
        Origination own = link.sidecarTls();
        if (gateway.serverTls() != EgressServerTls.ISTIO_MUTUAL) {
            return own;
        }
        if (own == null) {
            return new Origination(null, TlsMode.ISTIO_MUTUAL, host, null, null, null, null, null, null, false);
        }
        if (own.mode() == TlsMode.ISTIO_MUTUAL && own.sni() == null) {
            return new Origination(own.ruleName(), own.mode(), host, own.subjectAltNames(), own.caCertificate(),
                    own.clientCertificate(), own.credentialName(), own.delivery(), own.mountPath(),
                    own.insecureSkipVerify());
        }
        return own;
    }

    void add(EgressGateway gateway, String namespace, String host, int port, boolean passthrough, boolean mutual,
             boolean tcp, String serviceNamespace) {
        GatewayKey key = new GatewayKey(namespace, gateway);
        serviceNamespaces.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(serviceNamespace);
        firstElement.putIfAbsent(key, gateway.id());
        servers.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(new ServerKey(port, passthrough, mutual, tcp && gateway.usesGatewayApi()),
                        k -> new LinkedHashSet<>())
                .add(host);
    }

    void emit(GenerationContext context) {
        servers.forEach((key, byServer) -> {
            if (key.gateway().usesGatewayApi() && GatewayApiEgress.isWaypoint(context, key.gateway())) {
                boolean elsewhere = serviceNamespaces.get(key).stream().anyMatch(ns -> !ns.equals(key.namespace()));
                context.add(GatewayApiEgress.waypoint(context, key.gateway(), key.namespace(), firstElement.get(key),
                        elsewhere), firstElement.get(key));
                return;
            }
            if (key.gateway().usesGatewayApi()) {
                List<GatewayApiEgress.Listener> listeners = new ArrayList<>();
                byServer.forEach((server, hosts) -> hosts.forEach(host -> listeners.add(new GatewayApiEgress.Listener(
                        host, server.port(), server.passthrough(), server.mutual(), server.tcp()))));
                context.add(GatewayApiEgress.gateway(context, key.gateway(), key.namespace(), firstElement.get(key),
                        listeners), firstElement.get(key));
                return;
            }
            List<Server> list = new ArrayList<>();
            byServer.forEach((server, hosts) -> list.add(server(server, List.copyOf(hosts))));
            context.addIstio(new GatewayBuilder()
                    .withMetadata(context.meta(key.gateway().name(), key.namespace(), firstElement.get(key)))
                    .withNewSpec().withSelector(key.gateway().selector()).withServers(list).endSpec()
                    .build(), firstElement.get(key));
        });
    }

    private static Server server(ServerKey key, List<String> hosts) {
        Port port = new Port();
        port.setNumber((long) key.port());
        Server server = new Server();
        server.setHosts(hosts);
        server.setPort(port);
        if (key.passthrough()) {
            port.setName("tls-" + key.port());
            port.setProtocol("TLS");
            ServerTLSSettings tls = new ServerTLSSettings();
            tls.setMode(ServerTLSSettingsTLSmode.PASSTHROUGH);
            server.setTls(tls);
        } else if (key.mutual()) {
            port.setName("https-" + key.port());
            port.setProtocol("HTTPS");
            ServerTLSSettings tls = new ServerTLSSettings();
            tls.setMode(ServerTLSSettingsTLSmode.ISTIO_MUTUAL);
            server.setTls(tls);
        } else {
            port.setName("http-" + key.port());
            port.setProtocol("HTTP");
        }
        return server;
    }
}
