package io.egressstudio.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.CredentialDelivery;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.FederatedService;
import io.egressstudio.model.Federation;
import io.egressstudio.model.GatewayTlsMode;
import io.egressstudio.model.IstioApiVersion;
import io.egressstudio.model.Link;
import io.egressstudio.model.Location;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshIngress;
import io.egressstudio.model.Names;
import io.egressstudio.model.Origination;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.PortProtocol;
import io.egressstudio.model.PortRewrite;
import io.egressstudio.model.Position;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Resolution;
import io.egressstudio.model.RouteTermination;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import io.egressstudio.model.SecretLayout;
import io.egressstudio.model.SecretPlacement;
import io.egressstudio.model.Server;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.ServicePort;
import io.egressstudio.model.TlsMode;
import io.egressstudio.model.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
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
 */
public final class ScenarioImport {
    private static final String MESH_GATEWAY = "mesh";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The scenario and what the user should know about how it was made. */
    public record Result(Scenario scenario, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private final List<Node> objects = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final List<Mesh> meshes = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final Map<String, Workload> workloadByName = new LinkedHashMap<>();
    private final List<EgressGateway> gateways = new ArrayList<>();
    private final List<ExternalService> services = new ArrayList<>();
    private final Map<String, Node> serviceEntryOf = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Federation> federations = new ArrayList<>();
    private final Map<String, CertificateSpec> certificates = new LinkedHashMap<>();
    private final Map<String, Node> deploymentOf = new LinkedHashMap<>();

    /** One object as a JSON tree, with the fields rules read most. */
    private record Node(String kind, String namespace, String name, JsonNode tree) {
        JsonNode spec() {
            return tree.path("spec");
        }

        String annotation(String key) {
            JsonNode value = tree.path("metadata").path("annotations").path(key);
            return value.isTextual() ? value.asText() : null;
        }

        String label(String key) {
            JsonNode value = tree.path("metadata").path("labels").path(key);
            return value.isTextual() ? value.asText() : null;
        }
    }

    private ScenarioImport(ResourceSet resources) {
        for (ResourceSet.Entry entry : resources.entries()) {
            HasMetadata r = entry.resource();
            objects.add(new Node(r.getKind(), r.getMetadata().getNamespace(), r.getMetadata().getName(),
                    ObjectTrees.tree(r)));
        }
    }

    /** @param name the scenario's name; null to take the scenario label the objects carry, or "imported" */
    public static Result reconstruct(ResourceSet resources, String name) {
        return new ScenarioImport(resources).run(name);
    }

    private Result run(String name) {
        meshes();
        workloads();
        serviceEntries();
        egressGateways();
        links();
        federations();
        federatedLinks();
        IstioApiVersion api = istioApi();
        String scenarioName = name != null ? name : scenarioName();
        Scenario scenario = new Scenario(scenarioName, "Imported: " + scenarioName,
                "Read from a cluster by egress-studio import; see the notes in the import output.", api,
                meshes, workloads, gateways, services, links, federations, List.copyOf(certificates.values()), List.of(),
                Map.of());
        scenario = valid(scenario);
        return new Result(scenario.withLayout(layout(scenario)), notes);
    }

    private List<Node> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    // ---- ids

    private String id(Node node, String fallback) {
        String preferred = node == null ? null : node.annotation(ResourceNames.ELEMENT_ANNOTATION);
        return uniqueId(preferred != null && !ids.contains(preferred) ? preferred : fallback);
    }

    private String uniqueId(String wanted) {
        String base = label(wanted);
        String id = base;
        for (int i = 2; ids.contains(id); i++) {
            String suffix = "-" + i;
            id = label(base.substring(0, Math.min(base.length(), 63 - suffix.length())) + suffix);
        }
        ids.add(id);
        return id;
    }

    /** A DNS-1123 label made from any text. */
    static String label(String text) {
        String s = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-+", "-").replaceAll("^-+", "");
        if (s.length() > 63) {
            s = s.substring(0, 63);
        }
        s = s.replaceAll("-+$", "");
        return s.isEmpty() ? "element" : s;
    }

    // ---- meshes

    private void meshes() {
        for (Node smcp : ofKind("ServiceMeshControlPlane")) {
            JsonNode spec = smcp.spec();
            List<String> members = new ArrayList<>();
            for (Node roll : ofKind("ServiceMeshMemberRoll")) {
                if (roll.namespace().equals(smcp.namespace())) {
                    roll.spec().path("members").forEach(m -> members.add(m.asText()));
                }
            }
            for (Node member : ofKind("ServiceMeshMember")) {
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
            meshes.add(new Mesh(id(smcp, smcp.name()), smcp.name(), smcp.namespace(),
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
        for (Node deployment : ofKind("Deployment")) {
            JsonNode inject = deployment.tree().path("spec").path("template").path("metadata").path("annotations")
                    .path(MeshView.INJECT);
            if (inject.isMissingNode() || controlPlaneNamespace(deployment.namespace())) {
                continue;
            }
            List<Integer> ports = new ArrayList<>();
            for (Node service : ofKind("Service")) {
                if (service.namespace().equals(deployment.namespace()) && service.name().equals(deployment.name())) {
                    service.spec().path("ports").forEach(p -> ports.add(p.path("port").asInt()));
                }
            }
            String account = text(deployment.tree().path("spec").path("template").path("spec")
                    .path("serviceAccountName"));
            Workload workload = new Workload(id(deployment, deployment.name()), deployment.namespace(),
                    deployment.name(), ports, "true".equals(inject.asText()), account);
            workloads.add(workload);
            deploymentOf.put(workload.id(), deployment);
            workloadByName.put(deployment.namespace() + "/" + deployment.name(), workload);
        }
    }

    // ---- external services

    private void serviceEntries() {
        for (Node se : ofKind("ServiceEntry")) {
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
            String id = id(se, se.name());
            ExternalService service = new ExternalService(id, se.name(), se.namespace(), hosts, ports, location,
                    resolution, strings(spec.path("addresses")), strings(spec.path("exportTo")), true,
                    server(se, hosts.get(0), ports));
            services.add(service);
            serviceEntryOf.put(id, se);
        }
    }

    /** The server behind a host: the annotation, another mesh's ingress, a workload in the cluster, or a guess. */
    private Server server(Node se, String host, List<ServicePort> ports) {
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
        for (Node route : ofKind("Route")) {
            if (!host.equals(route.spec().path("host").asText())) {
                continue;
            }
            Optional<Mesh> mesh = meshes.stream().filter(m -> m.namespace().equals(route.namespace())).findFirst();
            if (mesh.isEmpty()) {
                continue;
            }
            for (Node gateway : ofKind("Gateway")) {
                if (!"ingressgateway".equals(gateway.spec().path("selector").path("istio").asText())) {
                    continue;
                }
                for (JsonNode server : gateway.spec().path("servers")) {
                    if (!strings(server.path("hosts")).contains(host)) {
                        continue;
                    }
                    Optional<Node> vs = boundVirtualService(host, gateway);
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

    private Optional<Node> boundVirtualService(String host, Node gateway) {
        for (Node vs : ofKind("VirtualService")) {
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

    // ---- egress gateways

    /** The egress gateways that VirtualServices bound to {@code mesh} send external hosts to. */
    private void egressGateways() {
        Set<String> seen = new LinkedHashSet<>();
        for (Node vs : ofKind("VirtualService")) {
            if (!boundToMesh(vs)) {
                continue;
            }
            String host = firstDestination(vs.spec()).path("host").asText();
            Optional<Node> gateway = egressGatewayFor(host);
            if (gateway.isEmpty() || !seen.add(host)) {
                continue;
            }
            String[] parts = host.split("\\.");
            Optional<Mesh> mesh = meshOwning(parts[1]);
            if (mesh.isEmpty()) {
                notes.add("egress gateway " + host + " belongs to no imported mesh: left out");
                continue;
            }
            Map<String, String> selector = new LinkedHashMap<>();
            gateway.get().spec().path("selector").properties()
                    .forEach(f -> selector.put(f.getKey(), f.getValue().asText()));
            gateways.add(new EgressGateway(id(gateway.get(), mesh.get().id() + "-" + parts[0]), mesh.get().id(),
                    parts[0], parts[1].equals(mesh.get().namespace()) ? parts[1] : parts[1], selector));
        }
    }

    /** A Gateway named like the service {@code name.namespace.svc.cluster.local} in that namespace. */
    private Optional<Node> egressGatewayFor(String host) {
        String[] parts = host.split("\\.");
        if (parts.length != 5 || !host.endsWith("." + ResourceNames.CLUSTER_DOMAIN)) {
            return Optional.empty();
        }
        return ofKind("Gateway").stream()
                .filter(g -> g.namespace().equals(parts[1]) && g.name().equals(parts[0])).findFirst();
    }

    private Optional<EgressGateway> egressGatewayOf(String host) {
        String[] parts = host.split("\\.");
        if (parts.length != 5) {
            return Optional.empty();
        }
        return gateways.stream().filter(g -> g.name().equals(parts[0]) && parts[1].equals(g.namespace())).findFirst();
    }

    private static boolean boundToMesh(Node vs) {
        List<String> refs = strings(vs.spec().path("gateways"));
        return refs.isEmpty() || refs.contains(MESH_GATEWAY);
    }

    private static JsonNode firstDestination(JsonNode spec) {
        for (String section : List.of("http", "tls", "tcp")) {
            JsonNode destination = spec.path(section).path(0).path("route").path(0).path("destination");
            if (!destination.isMissingNode()) {
                return destination;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static int firstMatchPort(JsonNode spec) {
        for (String section : List.of("http", "tls", "tcp")) {
            JsonNode port = spec.path(section).path(0).path("match").path(0).path("port");
            if (port.isNumber()) {
                return port.asInt();
            }
        }
        return -1;
    }

    // ---- links

    private void links() {
        for (ExternalService service : services) {
            Node se = serviceEntryOf.get(service.id());
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
    private static boolean visible(Node se, String namespace) {
        List<String> exportTo = strings(se.spec().path("exportTo"));
        if (exportTo.isEmpty() || exportTo.contains("*")) {
            return true;
        }
        return exportTo.contains(namespace) || (exportTo.contains(".") && namespace.equals(se.namespace()));
    }

    private Link link(Workload workload, ExternalService service, String host) {
        ServicePort first = service.ports().isEmpty() ? null : service.ports().get(0);
        int port = first == null ? 80 : first.number();
        Optional<Node> route = ofKind("VirtualService").stream()
                .filter(vs -> vs.namespace().equals(workload.namespace()) && boundToMesh(vs)
                        && strings(vs.spec().path("hosts")).contains(host)).findFirst();
        if (route.isPresent() && firstMatchPort(route.get().spec()) > 0) {
            port = firstMatchPort(route.get().spec());
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
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        Optional<EgressGateway> gateway = egressGatewayOf(destination.path("host").asText());
        if (gateway.isPresent()) {
            via = gateway.get().id();
            sidecarTls = gatewaySubsetTls(workload.namespace(), destination);
            Optional<Node> fromGateway = ofKind("VirtualService").stream()
                    .filter(vs -> vs.namespace().equals(gateway.get().namespace())
                            && strings(vs.spec().path("hosts")).contains(host)
                            && strings(vs.spec().path("gateways")).contains(gateway.get().name())).findFirst();
            int out = fromGateway.map(vs -> firstDestination(vs.spec()).path("port").path("number").asInt(-1)).orElse(-1);
            if (out > 0 && out != port) {
                rewrite = PortRewrite.VIRTUAL_SERVICE;
                targetPort = out;
            }
            egressTls = rule(gateway.get().namespace(), host, out > 0 ? out : port, null).orElse(null);
        } else {
            int out = destination.path("port").path("number").asInt(-1);
            if (out > 0 && out != port) {
                rewrite = PortRewrite.VIRTUAL_SERVICE;
                targetPort = out;
            } else if (declared != null && declared.targetPort() != null && declared.targetPort() != port) {
                rewrite = PortRewrite.TARGET_PORT;
                targetPort = declared.targetPort();
            }
            sidecarTls = rule(workload.namespace(), host, port, workload)
                    .or(() -> rule(service.namespace(), host, linkPort, workload)).orElse(null);
        }
        // A request through another mesh's ingress must match its VirtualService's prefix to reach the backend.
        String path = service.server().ingress() != null ? service.server().ingress().pathPrefix() : null;
        return new Link(uniqueId(workload.id() + "-to-" + service.id()), workload.id(), service.id(), app, port,
                path, via, sidecarTls, egressTls, rewrite, targetPort);
    }

    /**
     * The TLS a DestinationRule for {@code host} in {@code namespace} sets on {@code port} (or for all ports).
     *
     * @param client the workload whose sidecar originates it, or null at a gateway
     */
    private Optional<Origination> rule(String namespace, String host, int port, Workload client) {
        for (Node dr : ofKind("DestinationRule")) {
            if (!dr.namespace().equals(namespace) || !host.equals(dr.spec().path("host").asText())) {
                continue;
            }
            JsonNode policy = dr.spec().path("trafficPolicy");
            JsonNode tls = policy.path("tls");
            for (JsonNode level : policy.path("portLevelSettings")) {
                if (level.path("port").path("number").asInt() == port && level.has("tls")) {
                    tls = level.path("tls");
                }
            }
            if (tls.isMissingNode()) {
                continue;
            }
            return Optional.of(origination(dr, tls, client));
        }
        return Optional.empty();
    }

    private Optional<Origination> subsetTls(Node dr, String subset) {
        for (JsonNode s : dr.spec().path("subsets")) {
            if (subset.equals(s.path("name").asText())) {
                for (JsonNode level : s.path("trafficPolicy").path("portLevelSettings")) {
                    if (level.has("tls")) {
                        return Optional.of(origination(dr, level.path("tls"), null));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Origination gatewaySubsetTls(String namespace, JsonNode destination) {
        String gatewayHost = destination.path("host").asText();
        String subset = destination.path("subset").asText("");
        for (Node dr : ofKind("DestinationRule")) {
            if (dr.namespace().equals(namespace) && gatewayHost.equals(dr.spec().path("host").asText())) {
                Optional<Origination> tls = subsetTls(dr, subset);
                if (tls.isPresent()) {
                    return tls.get();
                }
            }
        }
        return null;
    }

    /**
     * A DestinationRule's tls block as an origination. A sidecar that reads certificate files ({@code NAME.crt},
     * {@code NAME.key}, {@code CA.crt} under the mount path, as the generator writes them) gets certificate specs
     * named after the files, so that the scenario says which certificate it presents and which CA it trusts; the
     * mounted Secret comes from the workload's {@code sidecar.istio.io/userVolume} annotations.
     */
    private Origination origination(Node dr, JsonNode tls, Workload client) {
        TlsMode mode = enumOr(TlsMode.class, tls.path("mode").asText(), TlsMode.DISABLE);
        String credential = text(tls.path("credentialName"));
        String mountPath = null;
        String ca = null;
        String clientCertificate = null;
        CredentialDelivery delivery = CredentialDelivery.CREDENTIAL_NAME;
        if (credential == null && client != null && (tls.has("clientCertificate") || tls.has("caCertificates"))) {
            delivery = CredentialDelivery.FILE_MOUNT;
            String caFile = text(tls.path("caCertificates"));
            String certFile = text(tls.path("clientCertificate"));
            String any = certFile != null ? certFile : caFile;
            mountPath = any.contains("/") ? any.substring(0, any.lastIndexOf('/')) : null;
            credential = mountPath == null ? null : mountedSecret(client, mountPath);
            ca = caFile == null ? null : certificate(baseName(caFile), CertificateKind.CA, null, null);
            if (certFile != null && ca != null) {
                clientCertificate = certificate(baseName(certFile), CertificateKind.CLIENT, ca, credential == null
                        ? null : new SecretPlacement(credential, client.namespace(), SecretLayout.FILES, false));
            }
            notes.add("DestinationRule " + dr.namespace() + "/" + dr.name() + " reads certificate files: the scenario "
                    + "names certificates after them (" + String.join(", ", java.util.stream.Stream.of(ca,
                    clientCertificate).filter(java.util.Objects::nonNull).toList()) + "), but their subjects and "
                    + "key material are not imported");
        }
        return new Origination(dr.name(), mode, text(tls.path("sni")), strings(tls.path("subjectAltNames")), ca,
                clientCertificate, credential, delivery, mountPath, tls.path("insecureSkipVerify").asBoolean(false));
    }

    private static String baseName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A certificate spec known only by name: its id, and for a client certificate its issuer and Secret. */
    private String certificate(String name, CertificateKind kind, String issuer, SecretPlacement placement) {
        String id = label(name);
        CertificateSpec existing = certificates.get(id);
        if (existing == null) {
            if (ids.contains(id)) {
                return null;
            }
            ids.add(id);
            certificates.put(id, new CertificateSpec(id, kind, name, List.of(), List.of(), issuer, null, null,
                    placement == null ? List.of() : List.of(placement)));
        } else if (placement != null && !existing.secrets().contains(placement)) {
            List<SecretPlacement> secrets = new ArrayList<>(existing.secrets());
            secrets.add(placement);
            certificates.put(id, new CertificateSpec(existing.id(), existing.kind(), existing.commonName(),
                    existing.dnsNames(), existing.ipAddresses(), existing.issuer(), existing.keyType(),
                    existing.validityDays(), secrets));
        }
        return id;
    }

    /** The Secret a workload's sidecar mounts at {@code mountPath} (Maistra's userVolume annotations). */
    private String mountedSecret(Workload client, String mountPath) {
        Node deployment = deploymentOf.get(client.id());
        if (deployment == null) {
            return null;
        }
        JsonNode annotations = deployment.tree().path("spec").path("template").path("metadata").path("annotations");
        try {
            JsonNode mounts = JSON.readTree(annotations.path(ResourceNames.USER_VOLUME_MOUNT_ANNOTATION)
                    .asText("[]"));
            JsonNode volumes = JSON.readTree(annotations.path(ResourceNames.USER_VOLUME_ANNOTATION)
                    .asText("[]"));
            for (JsonNode mount : mounts) {
                if (!mountPath.equals(mount.path("mountPath").asText())) {
                    continue;
                }
                for (JsonNode volume : volumes) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return text(volume.path("secret").path("secretName"));
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            notes.add("Deployment " + deployment.namespace() + "/" + deployment.name() + ": its userVolume "
                    + "annotations are not JSON");
        }
        return null;
    }

    // ---- federations

    private void federations() {
        Set<String> done = new HashSet<>();
        for (Node peer : ofKind("ServiceMeshPeer")) {
            Optional<Mesh> local = meshes.stream().filter(m -> m.namespace().equals(peer.namespace())).findFirst();
            Optional<Mesh> remote = meshes.stream().filter(m -> m.name().equals(peer.name())).findFirst();
            if (local.isEmpty() || remote.isEmpty() || local.get() == remote.get()) {
                continue;
            }
            List<String> pair = new ArrayList<>(List.of(local.get().id(), remote.get().id()));
            pair.sort(String::compareTo);
            if (!done.add(String.join("/", pair))) {
                continue;
            }
            List<FederatedService> shared = new ArrayList<>();
            for (Mesh exporter : List.of(local.get(), remote.get())) {
                Mesh importer = exporter == local.get() ? remote.get() : local.get();
                for (Node set : ofKind("ExportedServiceSet")) {
                    if (!set.namespace().equals(exporter.namespace()) || !set.name().equals(importer.name())) {
                        continue;
                    }
                    for (JsonNode rule : set.spec().path("exportRules")) {
                        JsonNode selector = rule.path("nameSelector");
                        JsonNode alias = selector.path("alias");
                        String aliasNamespace = text(alias.path("namespace"));
                        String aliasName = text(alias.path("name"));
                        shared.add(new FederatedService(exporter.id(), selector.path("namespace").asText(),
                                selector.path("name").asText(), aliasNamespace, aliasName,
                                importedAsLocal(importer, exporter, aliasNamespace, aliasName)));
                    }
                }
            }
            List<String> addresses = strings(peer.spec().path("remote").path("addresses"));
            String defaultAddress = ResourceNames.fqdn("ingress-" + local.get().name(), remote.get().namespace());
            String discovery = addresses.isEmpty() || addresses.get(0).equals(defaultAddress) ? null : addresses.get(0);
            federations.add(new Federation(uniqueId(pair.get(0) + "-" + pair.get(1)), pair, shared, discovery));
        }
    }

    /**
     * A service a mesh imports from its peer is an external service of the importing mesh (not registered by a
     * ServiceEntry: the federation makes its host known), reached by every injected workload in that mesh.
     */
    private void federatedLinks() {
        for (Federation federation : federations) {
            for (FederatedService shared : federation.services()) {
                Mesh exporter = meshes.stream().filter(m -> m.id().equals(shared.exportedBy())).findFirst().orElseThrow();
                String importerId = federation.meshes().stream().filter(id -> !id.equals(exporter.id())).findFirst()
                        .orElseThrow();
                Mesh importer = meshes.stream().filter(m -> m.id().equals(importerId)).findFirst().orElseThrow();
                String host = shared.importAsLocal()
                        ? ResourceNames.fqdn(shared.aliasName(), shared.aliasNamespace())
                        : ResourceNames.importedHost(shared.aliasName(), shared.aliasNamespace(), exporter);
                List<ServicePort> ports = new ArrayList<>();
                for (Node service : ofKind("Service")) {
                    if (service.namespace().equals(shared.namespace()) && service.name().equals(shared.name())) {
                        service.spec().path("ports").forEach(p -> ports.add(new ServicePort(p.path("port").asInt(),
                                text(p.path("name")), PortProtocol.HTTP, null)));
                    }
                }
                Workload backend = workloadByName.get(shared.namespace() + "/" + shared.name());
                String namespace = importer.members().isEmpty() ? importer.namespace() : importer.members().get(0);
                ExternalService service = new ExternalService(uniqueId("imported-" + shared.aliasName()),
                        shared.aliasName(), namespace, List.of(host), ports, Location.MESH_INTERNAL, Resolution.DNS,
                        List.of(), List.of(), false, new Server(ServerKind.PLAINTEXT, null, null, null,
                        backend == null ? null : backend.id(), null));
                services.add(service);
                int port = ports.isEmpty() ? 80 : ports.get(0).number();
                for (Workload workload : workloads) {
                    if (workload.sidecar() && importer.owns(workload.namespace())) {
                        links.add(new Link(uniqueId(workload.id() + "-to-" + service.id()), workload.id(),
                                service.id(), AppProtocol.HTTP, port, null, null, null, null, PortRewrite.NONE, null));
                    }
                }
            }
        }
    }

    private boolean importedAsLocal(Mesh importer, Mesh exporter, String namespace, String name) {
        for (Node set : ofKind("ImportedServiceSet")) {
            if (!set.namespace().equals(importer.namespace()) || !set.name().equals(exporter.name())) {
                continue;
            }
            for (JsonNode rule : set.spec().path("importRules")) {
                JsonNode selector = rule.path("nameSelector");
                if ((namespace == null || namespace.equals(selector.path("namespace").asText()))
                        && (name == null || name.equals(selector.path("name").asText()))) {
                    return rule.path("importAsLocal").asBoolean(false);
                }
            }
        }
        return false;
    }

    // ---- the rest

    private IstioApiVersion istioApi() {
        boolean any = false;
        for (Node node : objects) {
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
        for (Node node : objects) {
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

    /** Leaves out whatever the validator objects to, element by element, saying so. */
    private Scenario valid(Scenario scenario) {
        for (int round = 0; round < 10; round++) {
            List<Problem> problems = ScenarioValidator.validate(scenario);
            if (problems.isEmpty()) {
                return scenario;
            }
            Set<String> drop = new HashSet<>();
            for (Problem problem : problems) {
                String collection = problem.path().replaceAll("\\[.*", "");
                java.util.regex.Matcher index = java.util.regex.Pattern.compile("^\\w+\\[(\\d+)]").matcher(problem.path());
                if (index.find()) {
                    drop.add(collection + "#" + index.group(1));
                    notes.add("left out " + collection + "[" + index.group(1) + "]: " + problem.message());
                }
            }
            if (drop.isEmpty()) {
                break;
            }
            scenario = new Scenario(scenario.name(), scenario.title(), scenario.description(), scenario.istioApi(),
                    keep(scenario.meshes(), "meshes", drop), keep(scenario.workloads(), "workloads", drop),
                    keep(scenario.egressGateways(), "egressGateways", drop),
                    keep(scenario.externalServices(), "externalServices", drop), keep(scenario.links(), "links", drop),
                    keep(scenario.federations(), "federations", drop), keep(scenario.certificates(), "certificates", drop),
                    List.of(), Map.of());
        }
        List<Problem> problems = ScenarioValidator.validate(scenario);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("import produced an invalid scenario: " + problems);
        }
        return scenario;
    }

    private static <T> List<T> keep(List<T> items, String collection, Set<String> drop) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!drop.contains(collection + "#" + i)) {
                out.add(items.get(i));
            }
        }
        return out;
    }

    /** Meshes in a row on top; below, columns left to right: workloads, egress gateways, external services. */
    private static Map<String, Position> layout(Scenario scenario) {
        Map<String, Position> layout = new LinkedHashMap<>();
        List<String> meshIds = scenario.meshes().stream().map(Mesh::id).toList();
        for (int i = 0; i < meshIds.size(); i++) {
            layout.put(meshIds.get(i), new Position(40 + 320.0 * i, 40));
        }
        column(layout, scenario.workloads().stream().map(Workload::id).toList(), 80, 160);
        column(layout, scenario.egressGateways().stream().map(EgressGateway::id).toList(), 360, 160);
        column(layout, scenario.externalServices().stream().map(ExternalService::id).toList(), 640, 160);
        return layout;
    }

    private static void column(Map<String, Position> layout, List<String> ids, double x, double y) {
        for (int i = 0; i < ids.size(); i++) {
            layout.put(ids.get(i), new Position(x, y + 120.0 * i));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static PortProtocol protocol(String text) {
        return enumOr(PortProtocol.class, text.toUpperCase(Locale.ROOT), PortProtocol.TCP);
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E otherwise) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return otherwise;
        }
    }
}
