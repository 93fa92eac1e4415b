package io.egressstudio.design;

import static io.egressstudio.design.ImportJson.boundToMesh;
import static io.egressstudio.design.ImportJson.firstDestination;

import io.egressstudio.generate.ResourceNames;
import io.egressstudio.mesh.AccessRulesImport;
import io.egressstudio.mesh.Ambient;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.EgressServerTls;
import io.egressstudio.model.GatewayApi;
import io.egressstudio.model.Mesh;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The egress gateways an import draws, each with who may leave through it (the AuthorizationPolicies on it, as
 * access rules): a Gateway that a VirtualService bound to {@code mesh} sends external hosts to (Istio's API); the
 * Gateway that istiod deployed {@code NAME-istio} for, which a route with a ServiceEntry parent sends to (the Gateway
 * API); and the waypoints that ServiceEntries of an ambient mesh are bound to.
 */
final class ImportedEgressGateways {
    private final ImportedObjects objects;
    private final ImportedGatewayApi gatewayApi;
    private final MeshView view;
    private final ImportIds ids;
    private final List<String> notes;
    private final List<Mesh> meshes;
    private final List<EgressGateway> gateways = new ArrayList<>();

    /** Reads them for the meshes the import made; {@code notes} gets what the user should know. */
    ImportedEgressGateways(ImportedObjects objects, MeshView view, ImportIds ids, List<String> notes, List<Mesh> meshes) {
        this.objects = objects;
        this.gatewayApi = new ImportedGatewayApi(objects);
        this.view = view;
        this.ids = ids;
        this.notes = notes;
        this.meshes = meshes;
        fromRoutes();
        waypoints();
    }

    List<EgressGateway> all() {
        return gateways;
    }

    /** The route from the mesh to a gateway configured by the Gateway API, for a ServiceEntry, if there is one. */
    Optional<ImportedGatewayApi.MeshRoute> meshRouteOf(ImportedObject se) {
        return se == null ? Optional.empty() : gatewayApi.meshRouteOf(se.namespace(), se.name());
    }

    /** The port on which a route on a Gateway API gateway sends a host on, or -1. */
    int portFromGateway(EgressGateway gateway, String host) {
        return gatewayApi.portFromGateway(gateway.namespace(), gateway.name(), host);
    }

    private Optional<Mesh> meshOwning(String namespace) {
        return meshes.stream().filter(m -> m.owns(namespace)).findFirst();
    }

    /** The egress gateways that VirtualServices bound to {@code mesh} send external hosts to. */
    private void fromRoutes() {
        Set<String> seen = new LinkedHashSet<>();
        for (ImportedObject vs : objects.ofKind("VirtualService")) {
            if (!boundToMesh(vs)) {
                continue;
            }
            String host = firstDestination(vs.spec()).path("host").asText();
            Optional<ImportedObject> gateway = egressGatewayFor(host);
            if (gateway.isEmpty() || !seen.add(host)) {
                continue;
            }
            String[] parts = host.split("\\.");
            Map<String, String> selector = new LinkedHashMap<>();
            gateway.get().spec().path("selector").properties()
                    .forEach(f -> selector.put(f.getKey(), f.getValue().asText()));
            addEgressGateway(gateway.get(), parts[0], parts[1], selector, GatewayApi.ISTIO);
        }
        // configured by the Gateway API: a route from a ServiceEntry to the Service istiod deployed for a Gateway
        for (ImportedGatewayApi.MeshRoute route : gatewayApi.meshRoutes()) {
            Optional<ImportedObject> gateway = gatewayApi.gatewayDeploying(route.backendNamespace(), route.backendName());
            if (gateway.isPresent() && seen.add(route.backendHost())) {
                addEgressGateway(gateway.get(), gateway.get().name(), route.backendNamespace(), null,
                        GatewayApi.GATEWAY_API);
            }
        }
    }

    private void addEgressGateway(ImportedObject gateway, String name, String namespace, Map<String, String> selector,
                                  GatewayApi api) {
        Optional<Mesh> mesh = meshOwning(namespace);
        if (mesh.isEmpty()) {
            notes.add("egress gateway " + namespace + "/" + name + " belongs to no imported mesh: left out");
            return;
        }
        // a Gateway API listener that terminates Istio's mutual TLS says how mesh traffic arrives
        EgressServerTls serverTls = api == GatewayApi.GATEWAY_API && gatewayApi.terminatesIstioMutual(gateway)
                ? EgressServerTls.ISTIO_MUTUAL : null;
        EgressGateway drawn = new EgressGateway(ids.id(gateway, mesh.get().id() + "-" + name), mesh.get().id(), name,
                namespace, selector, serverTls, List.of(), api);
        // who may leave through it: the AuthorizationPolicies selecting its pods, as access rules
        AccessRulesImport.Result access = AccessRulesImport.of(view, namespace, drawn.podLabels());
        notes.addAll(access.notes());
        gateways.add(new EgressGateway(drawn.id(), drawn.mesh(), name, namespace, drawn.selector(), serverTls,
                access.rules(), api));
    }

    /**
     * The waypoints that ServiceEntries are bound to, as the egress gateways of ambient meshes (Gateway API), with the
     * access rules of the policies attached to them.
     */
    private void waypoints() {
        for (Ambient.Waypoint w : view.ambient().waypoints().values()) {
            boolean used = view.ambient().bindings().values().stream().anyMatch(b -> w.equals(b.waypoint()));
            Optional<Mesh> mesh = meshOwning(w.namespace()).or(() -> Optional.ofNullable(view.controlPlaneOf(w.namespace()))
                    .flatMap(cp -> meshes.stream().filter(m -> m.namespace().equals(cp.namespace())).findFirst()));
            if (!used || mesh.isEmpty() || !mesh.get().ambient()) {
                if (used) {
                    notes.add(w.key() + ": a waypoint of no imported ambient mesh: left out");
                }
                continue;
            }
            ImportedObject gateway = objects.ofKind("Gateway").stream().filter(g -> g.namespace().equals(w.namespace())
                    && g.name().equals(w.name())).findFirst().orElse(null);
            AccessRulesImport.Result access = AccessRulesImport.ofWaypoint(view, w.namespace(), w.name());
            notes.addAll(access.notes());
            gateways.add(new EgressGateway(ids.id(gateway, mesh.get().id() + "-" + w.name()), mesh.get().id(), w.name(),
                    w.namespace(), Map.of(), null, access.rules(), GatewayApi.GATEWAY_API));
        }
    }

    /** The drawn waypoint a ServiceEntry is bound to, if any. */
    Optional<EgressGateway> waypointOf(ImportedObject se) {
        Ambient.Binding b = se == null ? null : view.ambient().bindings().get("ServiceEntry/" + se.namespace() + "/"
                + se.name());
        if (b == null || !b.bound()) {
            return Optional.empty();
        }
        return gateways.stream().filter(g -> g.usesGatewayApi() && g.name().equals(b.waypoint().name())
                && b.waypoint().namespace().equals(g.namespace())).findFirst();
    }

    /** A Gateway named like the service {@code name.namespace.svc.cluster.local} in that namespace. */
    private Optional<ImportedObject> egressGatewayFor(String host) {
        String[] parts = host.split("\\.");
        if (parts.length != 5 || !host.endsWith("." + ResourceNames.CLUSTER_DOMAIN)) {
            return Optional.empty();
        }
        return objects.ofKind("Gateway").stream()
                .filter(g -> g.namespace().equals(parts[1]) && g.name().equals(parts[0])).findFirst();
    }

    /** The gateway whose proxy is the Service {@code host} ({@code name.namespace.svc.cluster.local}). */
    Optional<EgressGateway> ofHost(String host) {
        String[] parts = host.split("\\.");
        if (parts.length != 5) {
            return Optional.empty();
        }
        return gateways.stream().filter(g -> g.proxyName().equals(parts[0]) && parts[1].equals(g.namespace()))
                .findFirst();
    }
}
