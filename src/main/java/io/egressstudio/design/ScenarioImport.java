package io.egressstudio.design;

import static io.egressstudio.design.ImportJson.boundToMesh;
import static io.egressstudio.design.ImportJson.enumOr;
import static io.egressstudio.design.ImportJson.firstDestination;
import static io.egressstudio.design.ImportJson.firstMatchPort;
import static io.egressstudio.design.ImportJson.protocol;
import static io.egressstudio.design.ImportJson.strings;
import static io.egressstudio.design.ImportJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.AccessRulesImport;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.DataPlane;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Federation;
import io.egressstudio.model.GatewayTlsMode;
import io.egressstudio.model.IstioApiVersion;
import io.egressstudio.model.Link;
import io.egressstudio.model.Location;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.MeshIngress;
import io.egressstudio.model.Names;
import io.egressstudio.model.Origination;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.PortProtocol;
import io.egressstudio.model.PortRewrite;
import io.egressstudio.model.Resolution;
import io.egressstudio.model.RouteTermination;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import io.egressstudio.model.Server;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.ServicePort;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scenario from resources, best effort, by general rules (docs/decisions/0007-import.md): meshes from control planes
 * and their members, workloads from injected Deployments, external services from ServiceEntries, links from which
 * workload can reach which ServiceEntry, egress routing from VirtualServices bound to {@code mesh} and to an egress
 * gateway, TLS from the DestinationRules that apply. What cannot be known (certificates, the server behind an external
 * host) is said in the notes. The result always passes {@link ScenarioValidator}: an element that would not is left
 * out, with a note.
 *
 * <p>Pure: it reads resources already fetched (by {@code cluster.Importer}) or read from files. The TLS and its
 * certificates ({@link ImportedTls}), the egress gateways and waypoints ({@link ImportedEgressGateways}), the
 * federations ({@link ImportedFederations}), the validation ({@link ImportValidity}) and the layout
 * ({@link ImportLayout}) are rules of their own.
 */
public final class ScenarioImport {

    /** The scenario and what the user should know about how it was made. */
    public record Result(Scenario scenario, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private final ImportedObjects objects;
    private final List<String> notes = new ArrayList<>();
    private final ImportIds ids = new ImportIds();
    private final List<Mesh> meshes = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final Map<String, Workload> workloadByName = new LinkedHashMap<>();
    /** Read once the meshes are (a gateway belongs to one). */
    private ImportedEgressGateways gateways;
    private final List<ExternalService> services = new ArrayList<>();
    private final Map<String, ImportedObject> serviceEntryOf = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, ImportedObject> deploymentOf = new LinkedHashMap<>();
    private final ImportedTls tls;
    private final MeshView view;

    private ScenarioImport(ResourceSet resources) {
        objects = new ImportedObjects(resources);
        view = MeshView.of(resources);
        tls = new ImportedTls(objects, ids, notes, deploymentOf);
    }

    /** @param name the scenario's name; null to take the scenario label the objects carry, or "imported" */
    public static Result reconstruct(ResourceSet resources, String name) {
        return new ScenarioImport(resources).run(name);
    }

    private Result run(String name) {
        meshes();
        workloads();
        serviceEntries();
        gateways = new ImportedEgressGateways(objects, view, ids, notes, meshes);
        links();
        ImportedFederations federated = new ImportedFederations(objects, ids, meshes, workloadByName);
        List<Federation> federations = federated.federations();
        federated.addFederatedServices(federations, workloads, services, links);
        IstioApiVersion api = istioApi();
        String scenarioName = name != null ? name : scenarioName();
        Scenario scenario = new Scenario(scenarioName, "Imported: " + scenarioName,
                "Read from a cluster by egress-studio import; see the notes in the import output.", api,
                meshes, workloads, gateways.all(), services, links, federations, tls.certificates(), List.of(),
                Map.of());
        scenario = ImportValidity.valid(scenario, notes);
        return new Result(scenario.withLayout(ImportLayout.of(scenario)), notes);
    }

    // ---- meshes

    private void meshes() {
        maistraMeshes();
        for (ControlPlane cp : view.controlPlanes()) {
            if (cp.flavour().memberRoll()) {
                continue;
            }
            ImportedObject defining = objects.all().stream()
                    .filter(o -> cp.key().equals(o.kind() + "/" + (o.namespace() == null ? "" : o.namespace()) + "/"
                            + o.name())).findFirst().orElse(null);
            // a mesh config ConfigMap names the revision (istio, istio-REV); the mesh is named for its revision
            String name = cp.flavour() == MeshFlavour.OSSM_3 ? cp.name() : cp.revision();
            String version = cp.flavour().knows(cp.version()) ? cp.version() : null;
            if (cp.version() != null && version == null) {
                notes.add(cp.key() + ": version " + cp.version() + " is not one Egress Studio knows for "
                        + cp.flavour().title() + "; the mesh uses " + cp.flavour().defaultVersion());
            }
            if (cp.origin() != null && cp.origin().startsWith("assumed")) {
                notes.add("No control plane in the input: the mesh is upstream Istio with its defaults in "
                        + cp.namespace() + ".");
            }
            // a mesh whose pods ztunnel captures runs in ambient mode: its members are those pods' namespaces too
            List<String> ambient = view.workloads().stream().filter(w -> view.controlPlaneOf(w.namespace()) == cp
                    && view.ambientEnrolment(w).ambient()).map(WorkloadInfo::namespace).distinct().sorted().toList();
            List<String> members = new ArrayList<>(view.injectedNamespaces(cp));
            ambient.stream().filter(ns -> !members.contains(ns)).forEach(members::add);
            meshes.add(new Mesh(ids.id(defining, name), name, cp.namespace(), version,
                    cp.registryOnly() ? OutboundPolicy.REGISTRY_ONLY : OutboundPolicy.ALLOW_ANY,
                    view.strictMeshWide(cp), cp.autoMtls(), members, cp.trustDomain(),
                    gatewayIn(cp, MeshView.INGRESS_GATEWAY), gatewayIn(cp, MeshView.EGRESS_GATEWAY), cp.flavour(),
                    ambient.isEmpty() ? null : DataPlane.AMBIENT));
        }
    }

    private boolean gatewayIn(ControlPlane cp, String name) {
        WorkloadInfo w = view.workload(cp.namespace(), name);
        return w != null && w.gateway();
    }

    private void maistraMeshes() {
        for (ImportedObject smcp : objects.ofKind("ServiceMeshControlPlane")) {
            JsonNode spec = smcp.spec();
            List<String> members = new ArrayList<>();
            for (ImportedObject roll : objects.ofKind("ServiceMeshMemberRoll")) {
                if (roll.namespace().equals(smcp.namespace())) {
                    roll.spec().path("members").forEach(m -> members.add(m.asText()));
                }
            }
            for (ImportedObject member : objects.ofKind("ServiceMeshMember")) {
                JsonNode ref = member.spec().path("controlPlaneRef");
                if (smcp.namespace().equals(ref.path("namespace").asText())
                        && smcp.name().equals(ref.path("name").asText(smcp.name()))
                        && !members.contains(member.namespace())) {
                    members.add(member.namespace());
                }
            }
            String policy = spec.path("proxy").path("networking").path("trafficControl").path("outbound")
                    .path("policy").asText("ALLOW_ANY");
            JsonNode dataPlane = spec.path("security").path("dataPlane");
            meshes.add(new Mesh(ids.id(smcp, smcp.name()), smcp.name(), smcp.namespace(),
                    text(spec.path("version")),
                    "REGISTRY_ONLY".equals(policy) ? OutboundPolicy.REGISTRY_ONLY : OutboundPolicy.ALLOW_ANY,
                    dataPlane.path("mtls").asBoolean(false), dataPlane.path("automtls").asBoolean(false),
                    members, text(spec.path("security").path("trust").path("domain")),
                    spec.path("gateways").path("ingress").path("enabled").asBoolean(true),
                    spec.path("gateways").path("egress").path("enabled").asBoolean(true)));
        }
    }

    private Optional<Mesh> meshOwning(String namespace) {
        return meshes.stream().filter(m -> m.owns(namespace)).findFirst();
    }

    private boolean controlPlaneNamespace(String namespace) {
        return meshes.stream().anyMatch(m -> m.namespace().equals(namespace));
    }

    // ---- workloads

    private void workloads() {
        for (ImportedObject deployment : objects.ofKind("Deployment")) {
            JsonNode inject = deployment.tree().path("spec").path("template").path("metadata").path("annotations")
                    .path(MeshView.INJECT);
            ControlPlane cp = view.controlPlaneOf(deployment.namespace());
            WorkloadInfo seen = view.workload(deployment.namespace(), deployment.name());
            // Maistra's workloads ask for a sidecar by annotation; the others are injected by labels
            boolean labelled = cp != null && !cp.flavour().memberRoll() && seen != null && !seen.gateway();
            if (inject.isMissingNode() && !labelled || controlPlaneNamespace(deployment.namespace())) {
                continue;
            }
            // in an ambient mesh a workload drawn "with a sidecar" is one ztunnel captures
            boolean sidecar = labelled ? seen.sidecar() || view.ambientEnrolment(seen).ambient()
                    : "true".equals(inject.asText());
            List<Integer> ports = new ArrayList<>();
            for (ImportedObject service : objects.ofKind("Service")) {
                if (service.namespace().equals(deployment.namespace()) && service.name().equals(deployment.name())) {
                    service.spec().path("ports").forEach(p -> ports.add(p.path("port").asInt()));
                }
            }
            String account = text(deployment.tree().path("spec").path("template").path("spec")
                    .path("serviceAccountName"));
            // who may call it: the AuthorizationPolicies its sidecar enforces, as access rules
            AccessRulesImport.Result access = AccessRulesImport.of(view, deployment.namespace(),
                    Map.of("app", deployment.name()));
            notes.addAll(access.notes());
            Workload workload = new Workload(ids.id(deployment, deployment.name()), deployment.namespace(),
                    deployment.name(), ports, sidecar, account, access.rules());
            workloads.add(workload);
            deploymentOf.put(workload.id(), deployment);
            workloadByName.put(deployment.namespace() + "/" + deployment.name(), workload);
        }
    }

    // ---- external services

    private void serviceEntries() {
        for (ImportedObject se : objects.ofKind("ServiceEntry")) {
            JsonNode spec = se.spec();
            List<String> hosts = strings(spec.path("hosts"));
            if (hosts.isEmpty()) {
                continue;
            }
            List<ServicePort> ports = new ArrayList<>();
            for (JsonNode port : spec.path("ports")) {
                ports.add(new ServicePort(port.path("number").asInt(), text(port.path("name")),
                        protocol(port.path("protocol").asText("TCP")),
                        port.hasNonNull("targetPort") ? port.get("targetPort").asInt() : null));
            }
            Location location = "MESH_INTERNAL".equals(spec.path("location").asText()) ? Location.MESH_INTERNAL
                    : Location.MESH_EXTERNAL;
            Resolution resolution = enumOr(Resolution.class, spec.path("resolution").asText(), Resolution.NONE);
            String id = ids.id(se, se.name());
            ExternalService service = new ExternalService(id, se.name(), se.namespace(), hosts, ports, location,
                    resolution, strings(spec.path("addresses")), strings(spec.path("exportTo")), true,
                    server(se, hosts.get(0), ports));
            services.add(service);
            serviceEntryOf.put(id, se);
        }
    }

    /** The server behind a host: the annotation, another mesh's ingress, a workload in the cluster, or a guess. */
    private Server server(ImportedObject se, String host, List<ServicePort> ports) {
        String hint = se.annotation(MeshView.SERVER_ANNOTATION);
        if (hint != null) {
            ServerKind kind = enumOr(ServerKind.class, hint.toUpperCase(Locale.ROOT), null);
            if (kind != null) {
                return new Server(kind, null, null, null, null, null);
            }
        }
        Optional<MeshIngress> ingress = ingress(host);
        if (ingress.isPresent()) {
            return new Server(ServerKind.MESH_INGRESS, null, null, null, null, ingress.get());
        }
        String[] labels = host.split("\\.");
        if (host.endsWith("." + ResourceNames.CLUSTER_DOMAIN) && labels.length == 5) {
            Workload workload = workloadByName.get(labels[1] + "/" + labels[0]);
            if (workload != null) {
                return new Server(ServerKind.PLAINTEXT, null, null, null, workload.id(), null);
            }
        }
        boolean tls = ports.stream().anyMatch(p -> p.protocol() == PortProtocol.HTTPS || p.protocol() == PortProtocol.TLS);
        notes.add("ServiceEntry " + se.namespace() + "/" + se.name() + ": the server behind " + host + " is not "
                + "known; assumed " + (tls ? "TLS" : "plaintext") + " from its ports (annotate the ServiceEntry with "
                + MeshView.SERVER_ANNOTATION + " to say)");
        return new Server(tls ? ServerKind.TLS : ServerKind.PLAINTEXT, null, null, null, null, null);
    }

    /** A Route for the host in a control-plane namespace, a Gateway serving it, and a VirtualService to a backend. */
    private Optional<MeshIngress> ingress(String host) {
        for (ImportedObject route : objects.ofKind("Route")) {
            if (!host.equals(route.spec().path("host").asText())) {
                continue;
            }
            Optional<Mesh> mesh = meshes.stream().filter(m -> m.namespace().equals(route.namespace())).findFirst();
            if (mesh.isEmpty()) {
                continue;
            }
            for (ImportedObject gateway : objects.ofKind("Gateway")) {
                if (!"ingressgateway".equals(gateway.spec().path("selector").path("istio").asText())) {
                    continue;
                }
                for (JsonNode server : gateway.spec().path("servers")) {
                    if (!strings(server.path("hosts")).contains(host)) {
                        continue;
                    }
                    Optional<ImportedObject> vs = boundVirtualService(host, gateway);
                    if (vs.isEmpty()) {
                        continue;
                    }
                    JsonNode destination = firstDestination(vs.get().spec());
                    String[] backend = destination.path("host").asText().split("\\.");
                    if (backend.length < 2) {
                        continue;
                    }
                    GatewayTlsMode mode = server.has("tls")
                            ? enumOr(GatewayTlsMode.class, server.path("tls").path("mode").asText(), GatewayTlsMode.SIMPLE)
                            : GatewayTlsMode.NONE;
                    String termination = route.spec().path("tls").path("termination").asText("");
                    RouteTermination routeTermination = termination.isEmpty() ? RouteTermination.NONE
                            : enumOr(RouteTermination.class, termination.toUpperCase(Locale.ROOT),
                            RouteTermination.PASSTHROUGH);
                    String prefix = vs.get().spec().path("http").path(0).path("match").path(0).path("uri")
                            .path("prefix").asText("/");
                    return Optional.of(new MeshIngress(mesh.get().id(), route.name(), routeTermination,
                            gateway.name(), gateway.namespace(), server.path("port").path("number").asInt(),
                            mode, text(server.path("tls").path("credentialName")), null, backend[1], backend[0],
                            destination.path("port").path("number").asInt(80), prefix));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ImportedObject> boundVirtualService(String host, ImportedObject gateway) {
        for (ImportedObject vs : objects.ofKind("VirtualService")) {
            if (!strings(vs.spec().path("hosts")).contains(host)) {
                continue;
            }
            for (String ref : strings(vs.spec().path("gateways"))) {
                String qualified = ref.contains("/") ? ref : vs.namespace() + "/" + ref;
                if (qualified.equals(gateway.namespace() + "/" + gateway.name())) {
                    return Optional.of(vs);
                }
            }
        }
        return Optional.empty();
    }

    // ---- links

    private void links() {
        for (ExternalService service : services) {
            ImportedObject se = serviceEntryOf.get(service.id());
            String host = service.primaryHost();
            for (Workload workload : workloads) {
                if (!workload.sidecar() || meshOwning(workload.namespace()).isEmpty()
                        || workload.id().equals(service.server().workload())
                        || (service.server().ingress() != null
                        && workload.namespace().equals(service.server().ingress().backendNamespace()))
                        || !visible(se, workload.namespace())) {
                    continue;
                }
                links.add(link(workload, service, host));
            }
        }
    }

    /** Whether a ServiceEntry is visible from a namespace (its exportTo). */
    private static boolean visible(ImportedObject se, String namespace) {
        List<String> exportTo = strings(se.spec().path("exportTo"));
        if (exportTo.isEmpty() || exportTo.contains("*")) {
            return true;
        }
        return exportTo.contains(namespace) || (exportTo.contains(".") && namespace.equals(se.namespace()));
    }

    private Link link(Workload workload, ExternalService service, String host) {
        ServicePort first = service.ports().isEmpty() ? null : service.ports().get(0);
        int port = first == null ? 80 : first.number();
        Optional<ImportedObject> route = objects.ofKind("VirtualService").stream()
                .filter(vs -> vs.namespace().equals(workload.namespace()) && boundToMesh(vs)
                        && strings(vs.spec().path("hosts")).contains(host)).findFirst();
        if (route.isPresent() && firstMatchPort(route.get().spec()) > 0) {
            port = firstMatchPort(route.get().spec());
        }
        // a Gateway API route with the ServiceEntry as parent, to a gateway istiod deployed
        Optional<ImportedGatewayApi.MeshRoute> meshRoute = route.isPresent() ? Optional.empty()
                : gateways.meshRouteOf(serviceEntryOf.get(service.id()));
        if (meshRoute.isPresent() && meshRoute.get().parentPort() > 0) {
            port = meshRoute.get().parentPort();
        }
        int linkPort = port;
        ServicePort declared = service.ports().stream().filter(p -> p.number() == linkPort).findFirst().orElse(first);
        AppProtocol app = declared == null ? AppProtocol.HTTP : switch (declared.protocol()) {
            case HTTPS, TLS -> AppProtocol.HTTPS;
            case TCP -> AppProtocol.TCP;
            default -> AppProtocol.HTTP;
        };
        String via = null;
        Origination sidecarTls;
        Origination egressTls = null;
        PortRewrite rewrite = PortRewrite.NONE;
        Integer targetPort = null;
        JsonNode destination = route.map(r -> firstDestination(r.spec()))
                .orElse(MissingNode.getInstance());
        Optional<EgressGateway> gateway = gateways.ofHost(meshRoute.map(ImportedGatewayApi.MeshRoute::backendHost)
                .orElse(destination.path("host").asText()));
        Optional<EgressGateway> waypoint = meshOwning(workload.namespace()).filter(Mesh::ambient)
                .flatMap(m -> gateways.waypointOf(serviceEntryOf.get(service.id())));
        if (waypoint.isPresent()) {
            // ztunnel sends the pod's bytes to the entry's waypoint, which originates TLS by its DestinationRule
            via = waypoint.get().id();
            sidecarTls = null;
            if (declared != null && declared.targetPort() != null && declared.targetPort() != port) {
                rewrite = PortRewrite.TARGET_PORT;
                targetPort = declared.targetPort();
            }
            egressTls = tls.rule(waypoint.get().namespace(), host, port, null).orElse(null);
        } else if (gateway.isPresent()) {
            via = gateway.get().id();
            int out;
            if (gateway.get().usesGatewayApi()) {
                // the sidecar's TLS to the gateway is the DestinationRule for its Service, on the backend's port
                sidecarTls = meshRoute.flatMap(r -> tls.rule(workload.namespace(), r.backendHost(), r.backendPort(),
                        null)).orElse(null);
                out = gateways.portFromGateway(gateway.get(), host);
            } else {
                sidecarTls = tls.gatewaySubsetTls(workload.namespace(), destination);
                Optional<ImportedObject> fromGateway = objects.ofKind("VirtualService").stream()
                        .filter(vs -> vs.namespace().equals(gateway.get().namespace())
                                && strings(vs.spec().path("hosts")).contains(host)
                                && strings(vs.spec().path("gateways")).contains(gateway.get().name())).findFirst();
                out = fromGateway.map(vs -> firstDestination(vs.spec()).path("port").path("number").asInt(-1))
                        .orElse(-1);
            }
            if (out > 0 && out != port) {
                rewrite = PortRewrite.VIRTUAL_SERVICE;
                targetPort = out;
            }
            egressTls = tls.rule(gateway.get().namespace(), host, out > 0 ? out : port, null).orElse(null);
        } else {
            int out = destination.path("port").path("number").asInt(-1);
            if (out > 0 && out != port) {
                rewrite = PortRewrite.VIRTUAL_SERVICE;
                targetPort = out;
            } else if (declared != null && declared.targetPort() != null && declared.targetPort() != port) {
                rewrite = PortRewrite.TARGET_PORT;
                targetPort = declared.targetPort();
            }
            sidecarTls = tls.rule(workload.namespace(), host, port, workload)
                    .or(() -> tls.rule(service.namespace(), host, linkPort, workload)).orElse(null);
        }
        // A request through another mesh's ingress must match its VirtualService's prefix to reach the backend.
        String path = service.server().ingress() != null ? service.server().ingress().pathPrefix() : null;
        return new Link(ids.unique(workload.id() + "-to-" + service.id()), workload.id(), service.id(), app, port,
                path, via, sidecarTls, egressTls, rewrite, targetPort);
    }

    // ---- the rest

    private IstioApiVersion istioApi() {
        boolean any = false;
        for (ImportedObject node : objects.all()) {
            String apiVersion = node.tree().path("apiVersion").asText();
            if (apiVersion.startsWith("networking.istio.io/")) {
                any = true;
                if (!apiVersion.endsWith("/v1alpha3")) {
                    return IstioApiVersion.V1BETA1;
                }
            }
        }
        return any ? IstioApiVersion.V1ALPHA3 : IstioApiVersion.V1BETA1;
    }

    private String scenarioName() {
        Set<String> labels = new LinkedHashSet<>();
        for (ImportedObject node : objects.all()) {
            String label = node.label(ResourceNames.SCENARIO_LABEL);
            if (label != null) {
                labels.add(label);
            }
        }
        if (labels.size() == 1 && Names.isDns1123Subdomain(labels.iterator().next())) {
            return labels.iterator().next();
        }
        return "imported";
    }

}
