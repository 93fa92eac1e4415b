package io.egressstudio.generate;

import io.egressstudio.mesh.Ambient;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Origination;
import io.egressstudio.model.Workload;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A link through an egress gateway configured with the Kubernetes Gateway API, as Istio's egress-gateway task does it:
 * a route whose parent is the external service's ServiceEntry sends mesh traffic for its host to the gateway's
 * Service ({@code NAME-istio}, which istiod deploys), and a route attached to the gateway's listener for that host
 * sends it on to the host itself (backend kind {@code Hostname}). TLS to the gateway and TLS origination at the gateway
 * are DestinationRules, as with Istio's API; mesh mTLS to the gateway is a listener that terminates ISTIO_MUTUAL.
 * How istiod reads these: decision 0032.
 */
final class GatewayApiEgress {
    static final String GROUP = "gateway.networking.k8s.io";
    private static final String ISTIO_GROUP = "networking.istio.io";
    private static final String TERMINATE_MODE = "gateway.istio.io/tls-terminate-mode";

    private GatewayApiEgress() {
    }

    /** A listener's name: the host and port it takes, as a section name (DNS label characters). */
    static String listenerName(String host, int port) {
        return host.toLowerCase(Locale.ROOT).replace("*", "wildcard").replaceAll("[^a-z0-9-]", "-") + "-" + port;
    }

    /** The route kind for what the application sends: HTTP is routed by request, TLS by SNI, TCP by port. */
    static String routeKind(Link link) {
        return link.app() == AppProtocol.HTTP ? "HTTPRoute" : link.app() == AppProtocol.HTTPS ? "TLSRoute" : "TCPRoute";
    }

    private static String apiVersion(String kind) {
        return GROUP + (kind.equals("HTTPRoute") || kind.equals("Gateway") ? "/v1" : "/v1alpha2");
    }

    /**
     * The link's rules: the mesh leg in the client's namespace, the TLS to the gateway where the sidecar originates
     * it, and the gateway leg in the gateway's namespace.
     */
    static void link(GenerationContext context, Link link, Workload client, ExternalService service,
                     EgressGateway gateway, String gatewayNamespace, String gatewayHost, int gatewayPort,
                     Origination toGatewayTls) {
        String host = service.primaryHost();
        String kind = routeKind(link);
        Map<String, Object> toService = Ordered.map("group", ISTIO_GROUP, "kind", "ServiceEntry",
                "name", service.name(), "namespace", service.namespace(), "port", link.port());
        Map<String, Object> gatewayService = new LinkedHashMap<>();
        gatewayService.put("name", gateway.proxyName());
        if (!gatewayNamespace.equals(service.namespace())) {
            gatewayService.put("namespace", gatewayNamespace);
        }
        gatewayService.put("port", gatewayPort);
        // beside its ServiceEntry, one for every client: a route has no exportTo, every sidecar that sees the
        // ServiceEntry applies it, and two for one host in two namespaces would conflict
        context.add(route(context, kind, ResourceNames.meshToEgressRoute(service), service.namespace(), link.id(),
                toService, List.of(), gatewayService), link.id());

        if (toGatewayTls != null && link.app() == AppProtocol.HTTP) {
            Map<String, Object> tls = new LinkedHashMap<>();
            tls.put("mode", toGatewayTls.mode().name());
            if (toGatewayTls.sni() != null) {
                tls.put("sni", toGatewayTls.sni());
            }
            if (!toGatewayTls.subjectAltNames().isEmpty()) {
                tls.put("subjectAltNames", toGatewayTls.subjectAltNames());
            }
            context.addIstio(new io.fabric8.istio.api.networking.v1beta1.DestinationRuleBuilder()
                    .withMetadata(context.meta(ResourceNames.egressSubsetRule(link, service), client.namespace(), link.id()))
                    .withNewSpec().withHost(gatewayHost).withExportTo(".")
                    .withTrafficPolicy(portTls(gatewayPort, toGatewayTls)).endSpec()
                    .build(), link.id(), ClientTlsFactory.sources("spec.trafficPolicy.portLevelSettings[0].tls",
                    "sidecarTls"));
        }

        Map<String, Object> listener = Ordered.map("name", gateway.name(), "sectionName",
                listenerName(host, gatewayPort));
        Map<String, Object> toHost = Ordered.map("group", ISTIO_GROUP, "kind", "Hostname", "name", host,
                "port", link.destinationPort());
        context.add(route(context, kind, ResourceNames.egressToExternalRoute(service), gatewayNamespace, link.id(),
                listener, kind.equals("TCPRoute") ? List.of() : List.of(host), toHost), link.id());
    }

    private static io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy portTls(int port, Origination tls) {
        var settings = new io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings();
        settings.setMode(io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode.valueOf(tls.mode().name()));
        settings.setSni(tls.sni());
        settings.setSubjectAltNames(tls.subjectAltNames());
        var portPolicy = new io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy();
        portPolicy.setPort(new io.fabric8.istio.api.api.networking.v1alpha3.PortSelector((long) port));
        portPolicy.setTls(settings);
        var policy = new io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy();
        policy.setPortLevelSettings(List.of(portPolicy));
        return policy;
    }

    private static GenericKubernetesResource route(GenerationContext context, String kind, String name, String namespace,
                                                   String elementId, Map<String, Object> parent, List<String> hostnames,
                                                   Map<String, Object> backend) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("parentRefs", List.of(parent));
        if (!hostnames.isEmpty()) {
            spec.put("hostnames", hostnames);
        }
        spec.put("rules", List.of(Ordered.map("backendRefs", List.of(backend))));
        return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion(kind)).withKind(kind)
                .withMetadata(context.meta(name, namespace, elementId)).addToAdditionalProperties("spec", spec).build();
    }

    /** One server of the gateway, as the listener istiod reads: a host on a port, plain, mesh mTLS or passed through. */
    record Listener(String host, int port, boolean passthrough, boolean mutual, boolean tcp) {
    }

    /** Whether a gateway is a waypoint: the egress gateway of a mesh in ambient mode (decision 0033). */
    static boolean isWaypoint(GenerationContext context, EgressGateway gateway) {
        return context.element(gateway.mesh(), Mesh.class).ambient();
    }

    /**
     * The labels that bind a ServiceEntry to the waypoint of the first link that reaches it through one:
     * {@code istio.io/use-waypoint}, and {@code istio.io/use-waypoint-namespace} when the waypoint is elsewhere. None
     * when no link to it goes through a waypoint.
     */
    static Map<String, String> useWaypointLabels(GenerationContext context, ExternalService service) {
        for (Link link : context.linksTo(service.id())) {
            if (link.via() == null) {
                continue;
            }
            EgressGateway gateway = context.element(link.via(), EgressGateway.class);
            if (isWaypoint(context, gateway)) {
                String namespace = ResourceNames.egressGatewayNamespace(gateway, context.element(gateway.mesh(), Mesh.class));
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put(Ambient.USE_WAYPOINT, gateway.name());
                if (!namespace.equals(service.namespace())) {
                    labels.put(Ambient.USE_WAYPOINT_NAMESPACE, namespace);
                }
                return labels;
            }
        }
        return Map.of();
    }

    /**
     * The waypoint that is a mesh's egress gateway in ambient mode, as {@code istioctl waypoint apply --for service}
     * writes it: a Gateway of class {@code istio-waypoint} with the HBONE listener on 15008, for service traffic, its
     * listener admitting the ServiceEntries' namespaces (all of them when one is elsewhere).
     */
    static GenericKubernetesResource waypoint(GenerationContext context, EgressGateway gateway, String namespace,
                                              String elementId, boolean otherNamespaces) {
        Map<String, Object> listener = new LinkedHashMap<>(Ordered.map("name", "mesh", "port", 15008, "protocol",
                "HBONE"));
        if (otherNamespaces) {
            listener.put("allowedRoutes", Ordered.map("namespaces", Ordered.map("from", "All")));
        }
        io.fabric8.kubernetes.api.model.ObjectMeta meta = context.meta(gateway.name(), namespace, elementId);
        meta.getLabels().put(Ambient.WAYPOINT_FOR, "service");
        return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion("Gateway")).withKind("Gateway")
                .withMetadata(meta)
                .addToAdditionalProperties("spec", Ordered.map("gatewayClassName", Ambient.WAYPOINT_CLASS,
                        "listeners", List.of(listener))).build();
    }

    /** The Gateway of class istio with a listener per host and port its links need. */
    static GenericKubernetesResource gateway(GenerationContext context, EgressGateway gateway, String namespace,
                                             String elementId, List<Listener> listeners) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Listener l : listeners) {
            Map<String, Object> listener = new LinkedHashMap<>();
            listener.put("name", listenerName(l.host(), l.port()));
            if (!l.tcp()) {
                listener.put("hostname", l.host());
            }
            listener.put("port", l.port());
            if (l.tcp()) {
                listener.put("protocol", "TCP");
            } else if (l.passthrough()) {
                listener.put("protocol", "TLS");
                listener.put("tls", Ordered.map("mode", "Passthrough"));
            } else if (l.mutual()) {
                listener.put("protocol", "HTTPS");
                listener.put("tls", Ordered.map("mode", "Terminate", "options", Ordered.map(TERMINATE_MODE,
                        "ISTIO_MUTUAL")));
            } else {
                listener.put("protocol", "HTTP");
            }
            listener.put("allowedRoutes", Ordered.map("namespaces", Ordered.map("from", "Same")));
            out.add(listener);
        }
        return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion("Gateway")).withKind("Gateway")
                .withMetadata(context.meta(gateway.name(), namespace, elementId))
                .addToAdditionalProperties("spec", Ordered.map("gatewayClassName", "istio", "listeners", out)).build();
    }
}
