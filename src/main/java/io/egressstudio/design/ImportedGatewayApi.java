package io.egressstudio.design;

import static io.egressstudio.design.ImportJson.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.mesh.KubernetesGateways;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes Gateway API objects of an import that make an egress gateway (decision 0032): a route whose parent
 * is a ServiceEntry sends the mesh's requests for its hosts to a Service that istiod deployed for a Gateway of class
 * {@code istio} ({@code NAME-istio}), and a route attached to that Gateway sends them on to the external host.
 */
final class ImportedGatewayApi {
    private static final String GROUP = "gateway.networking.k8s.io";
    private static final String ISTIO_GROUP = "networking.istio.io";
    private static final String GATEWAY_CLASS = "istio";
    private static final List<String> ROUTE_KINDS = List.of("HTTPRoute", "TLSRoute", "TCPRoute");

    /**
     * A mesh route: its parent ServiceEntry (and the parent's port, 0 when it names none), and the Service of its
     * first backend with the port it sends to.
     */
    record MeshRoute(ImportedObject route, String serviceEntryNamespace, String serviceEntryName, int parentPort,
                     String backendNamespace, String backendName, int backendPort) {
        /** The backend Service's cluster host name. */
        String backendHost() {
            return backendName + "." + backendNamespace + "." + ResourceNames.CLUSTER_DOMAIN;
        }
    }

    private final ImportedObjects objects;

    ImportedGatewayApi(ImportedObjects objects) {
        this.objects = objects;
    }

    /** Every route with a ServiceEntry parent and a Service backend, once per such parent. */
    List<MeshRoute> meshRoutes() {
        List<MeshRoute> out = new ArrayList<>();
        for (ImportedObject route : routes()) {
            JsonNode backend = firstBackend(route);
            if (!backend.path("kind").asText("Service").equals("Service") || !backend.path("group").asText("").isEmpty()
                    || !backend.hasNonNull("name")) {
                continue;
            }
            for (JsonNode parent : route.spec().path("parentRefs")) {
                if (parent.path("kind").asText().equals("ServiceEntry")
                        && parent.path("group").asText().equals(ISTIO_GROUP)) {
                    out.add(new MeshRoute(route, parent.path("namespace").asText(route.namespace()),
                            parent.path("name").asText(), parent.path("port").asInt(0),
                            backend.path("namespace").asText(route.namespace()), backend.path("name").asText(),
                            backend.path("port").asInt(0)));
                }
            }
        }
        return out;
    }

    /** The mesh route of a ServiceEntry, if one sends its requests on. */
    Optional<MeshRoute> meshRouteOf(String serviceEntryNamespace, String serviceEntryName) {
        return meshRoutes().stream().filter(r -> r.serviceEntryNamespace().equals(serviceEntryNamespace)
                && r.serviceEntryName().equals(serviceEntryName)).findFirst();
    }

    /** The Gateway of class istio whose deployed Service ({@code NAME-istio}) is {@code namespace/service}. */
    Optional<ImportedObject> gatewayDeploying(String namespace, String service) {
        return objects.ofKind("Gateway").stream()
                .filter(g -> isGatewayApi(g) && g.namespace().equals(namespace)
                        && GATEWAY_CLASS.equals(g.spec().path("gatewayClassName").asText())
                        && service.equals(g.name() + "-" + GATEWAY_CLASS))
                .findFirst();
    }

    /**
     * The port on which a route attached to the Gateway sends {@code host} on (its Hostname or ServiceEntry
     * backend), or -1 when no attached route names the host.
     */
    int portFromGateway(String gatewayNamespace, String gatewayName, String host) {
        for (ImportedObject route : routes()) {
            boolean attached = false;
            for (JsonNode parent : route.spec().path("parentRefs")) {
                attached |= parent.path("kind").asText("Gateway").equals("Gateway")
                        && parent.path("group").asText(GROUP).equals(GROUP)
                        && parent.path("name").asText().equals(gatewayName)
                        && parent.path("namespace").asText(route.namespace()).equals(gatewayNamespace);
            }
            List<String> hostnames = strings(route.spec().path("hostnames"));
            JsonNode backend = firstBackend(route);
            if (attached && (hostnames.isEmpty() || hostnames.contains(host))
                    && (backend.path("name").asText().equals(host) || hostnames.contains(host))) {
                return backend.path("port").asInt(-1);
            }
        }
        return -1;
    }

    /** Whether one of a Gateway's listeners terminates Istio's mutual TLS (istiod's tls-terminate-mode option). */
    boolean terminatesIstioMutual(ImportedObject gateway) {
        for (JsonNode listener : gateway.spec().path("listeners")) {
            if ("ISTIO_MUTUAL".equals(listener.path("tls").path("options").path(KubernetesGateways.TERMINATE_MODE_OPTION).asText())) {
                return true;
            }
        }
        return false;
    }

    private List<ImportedObject> routes() {
        return objects.all().stream().filter(o -> ROUTE_KINDS.contains(o.kind()) && isGatewayApi(o)).toList();
    }

    private static JsonNode firstBackend(ImportedObject route) {
        return route.spec().path("rules").path(0).path("backendRefs").path(0);
    }

    private static boolean isGatewayApi(ImportedObject o) {
        return o.tree().path("apiVersion").asText().startsWith(GROUP + "/");
    }
}
