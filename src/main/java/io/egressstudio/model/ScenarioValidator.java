package io.egressstudio.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks what the types alone cannot: required fields, unique ids, references that resolve to the right kind of
 * element, Kubernetes names, ports. Returns every problem found, each at its field path.
 */
public final class ScenarioValidator {
    /** A century: far beyond any sensible certificate, and within what X.509 dates can say (year 9999). */
    public static final int MAX_VALIDITY_DAYS = 36_500;
    private static final String URL_PATH_CHARACTERS = "-._~!$&'()*+,;=:@/?";
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Element> byId = new HashMap<>();
    private final Scenario scenario;

    private ScenarioValidator(Scenario scenario) {
        this.scenario = scenario;
    }

    public static List<Problem> validate(Scenario scenario) {
        ScenarioValidator validator = new ScenarioValidator(scenario);
        validator.run();
        return List.copyOf(validator.problems);
    }

    private void run() {
        required(scenario.name(), "name");
        if (scenario.name() != null) {
            dnsSubdomain(scenario.name(), "name");
        }
        collectIds();
        each("meshes", scenario.meshes(), this::mesh);
        each("workloads", scenario.workloads(), this::workload);
        each("egressGateways", scenario.egressGateways(), this::egressGateway);
        each("externalServices", scenario.externalServices(), this::externalService);
        each("links", scenario.links(), this::link);
        each("federations", scenario.federations(), this::federation);
        each("certificates", scenario.certificates(), this::certificate);
        Set<String> addedBySteps = idsAddedBySteps();
        scenario.layout().keySet().forEach(id -> {
            if (!byId.containsKey(id) && !addedBySteps.contains(id)) {
                problems.add(new Problem("layout." + id, "layout names '" + id + "', which is not an element id"));
            }
        });
    }

    /** Layout may also place an element that only a step adds (a {@code value} with an {@code id}). */
    private Set<String> idsAddedBySteps() {
        Set<String> ids = new HashSet<>();
        for (Step step : scenario.steps()) {
            for (Change change : step.changes()) {
                if (change.add() != null && change.value() instanceof Map<?, ?> element
                        && element.get("id") instanceof String id) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private void collectIds() {
        List<? extends Element> elements = scenario.elements();
        Map<Class<?>, Integer> indexByType = new HashMap<>();
        for (Element element : elements) {
            int index = indexByType.merge(element.getClass(), 1, Integer::sum) - 1;
            String path = ElementCollection.of(element).fieldName() + "[" + index + "].id";
            if (element.id() == null || element.id().isBlank()) {
                problems.add(new Problem(path, "missing required field 'id'"));
                continue;
            }
            if (!Names.isDns1123Label(element.id())) {
                problems.add(new Problem(path, "id '" + element.id()
                        + "' must be lowercase letters, digits or '-', starting and ending with a letter or digit"));
            }
            Element previous = byId.putIfAbsent(element.id(), element);
            if (previous != null) {
                problems.add(new Problem(path, "duplicate id '" + element.id() + "': ids must be unique across all elements"));
            }
        }
    }

    private interface ItemCheck<T> {
        void check(T item, String path);
    }

    private <T> void each(String collection, List<T> items, ItemCheck<T> check) {
        for (int i = 0; i < items.size(); i++) {
            check.check(items.get(i), collection + "[" + i + "]");
        }
    }

    private void mesh(Mesh mesh, String path) {
        label(mesh.name(), path + ".name");
        label(mesh.namespace(), path + ".namespace");
        for (int i = 0; i < mesh.members().size(); i++) {
            label(mesh.members().get(i), path + ".members[" + i + "]");
        }
        if (mesh.trustDomain() != null && !Names.isDns1123Subdomain(mesh.trustDomain())) {
            problems.add(new Problem(path + ".trustDomain", "trust domain '" + mesh.trustDomain() + "' is not a DNS name"));
        }
        if (!mesh.flavour().knows(mesh.version())) {
            problems.add(new Problem(path + ".version", "version '" + mesh.version() + "' does not exist for "
                    + mesh.flavour().title() + ": use " + mesh.flavour().versionHint()));
        }
        String noAmbient = ambientUnsupported(mesh);
        if (mesh.ambient() && noAmbient != null) {
            problems.add(new Problem(path + ".dataPlane", noAmbient));
        }
        for (Mesh other : scenario.meshes()) {
            if (other != mesh && other.id() != null && mesh.id() != null && other.namespace() != null
                    && scenario.meshes().indexOf(other) < scenario.meshes().indexOf(mesh)) {
                for (String member : mesh.members()) {
                    if (other.owns(member)) {
                        problems.add(new Problem(path + ".members", "namespace '" + member
                                + "' is already a member of mesh '" + other.id() + "': a namespace belongs to one control plane"));
                    }
                }
            }
        }
    }

    private void workload(Workload workload, String path) {
        label(workload.namespace(), path + ".namespace");
        label(workload.name(), path + ".name");
        for (int i = 0; i < workload.ports().size(); i++) {
            port(workload.ports().get(i), path + ".ports[" + i + "]");
        }
        accessRules(workload.accessRules(), path + ".accessRules");
    }

    private void accessRules(List<AccessRule> rules, String path) {
        for (int r = 0; r < rules.size(); r++) {
            AccessRule rule = rules.get(r);
            String rp = path + "[" + r + "]";
            for (int i = 0; i < rule.hosts().size(); i++) {
                if (!Names.isHost(rule.hosts().get(i))) {
                    problems.add(new Problem(rp + ".hosts[" + i + "]", "host '" + rule.hosts().get(i)
                            + "' is not a valid DNS name (lowercase labels separated by dots, optionally starting with '*.')"));
                }
            }
            for (int i = 0; i < rule.ports().size(); i++) {
                port(rule.ports().get(i), rp + ".ports[" + i + "]");
            }
            for (int i = 0; i < rule.methods().size(); i++) {
                check(rule.methods().get(i), rp + ".methods[" + i + "]", m -> m.matches("[A-Z]+"),
                        "an HTTP method in capitals, such as GET");
            }
            for (int i = 0; i < rule.paths().size(); i++) {
                check(rule.paths().get(i), rp + ".paths[" + i + "]", p -> p.matches("\\*|/\\S*|\\*\\S*"),
                        "a path starting with '/', optionally ending with '*', or '*' followed by a suffix");
            }
            for (List<String> names : List.of(rule.namespaces(), rule.principals())) {
                String field = names == rule.namespaces() ? "namespaces" : "principals";
                for (int i = 0; i < names.size(); i++) {
                    check(names.get(i), rp + "." + field + "[" + i + "]", n -> !n.isBlank() && !n.contains(" "),
                            "a name without spaces ('*' as a wildcard)");
                }
            }
        }
    }

    private void egressGateway(EgressGateway gateway, String path) {
        reference(gateway.mesh(), path + ".mesh", Mesh.class, "a mesh", true);
        label(gateway.name(), path + ".name");
        if (gateway.namespace() != null) {
            label(gateway.namespace(), path + ".namespace");
        }
        accessRules(gateway.accessRules(), path + ".accessRules");
        if (!gateway.usesGatewayApi() && byId.get(gateway.mesh()) instanceof Mesh mesh && mesh.ambient()) {
            problems.add(new Problem(path + ".api", "mesh " + mesh.id() + " runs in ambient mode, where the egress "
                    + "gateway is a waypoint: a Gateway of class istio-waypoint, which only the Kubernetes Gateway API "
                    + "configures (OpenShift Service Mesh 3: in ambient mode you must use the Kubernetes Gateway API); "
                    + "set it to GATEWAY_API"));
        }
        if (gateway.usesGatewayApi() && byId.get(gateway.mesh()) instanceof Mesh mesh) {
            int minor = mesh.flavour().istioMinor(mesh.version()).orElse(GATEWAY_API_EGRESS_MINOR);
            if (minor < GATEWAY_API_EGRESS_MINOR) {
                problems.add(new Problem(path + ".api", "mesh " + mesh.id() + " runs Istio 1." + minor + " ("
                        + mesh.flavour().label(mesh.version()) + "): a route whose parent is a ServiceEntry, which sends "
                        + "mesh traffic to a Gateway API egress gateway, needs Istio 1." + GATEWAY_API_EGRESS_MINOR
                        + " or later; use the Istio API (Gateway and VirtualServices)"));
            }
        }
    }

    /**
     * Why a mesh cannot run in ambient mode, or null: Maistra 2.x has no ztunnel; upstream Istio made ambient mode
     * generally available in 1.24 (waypoints as Gateways of class istio-waypoint, istio.io/use-waypoint).
     */
    public static String ambientUnsupported(Mesh mesh) {
        if (mesh.flavour() == MeshFlavour.MAISTRA_2) {
            return "mesh " + mesh.id() + " is " + mesh.flavour().title() + " " + mesh.version() + ", which has no ambient mode "
                    + "(no ztunnel, no waypoints): use OpenShift Service Mesh 3 or Istio 1." + AMBIENT_MINOR
                    + " or later, or sidecars";
        }
        int minor = mesh.flavour().istioMinor(mesh.version()).orElse(AMBIENT_MINOR);
        if (minor < AMBIENT_MINOR) {
            String runs = mesh.flavour() == MeshFlavour.ISTIO ? mesh.flavour().label(mesh.version())
                    : mesh.flavour().label(mesh.version()) + " (Istio 1." + minor + ")";
            return "mesh " + mesh.id() + " runs " + runs + ": ambient mode (ztunnel, waypoints that ServiceEntries use by istio.io/use-waypoint) is "
                    + "generally available from Istio 1." + AMBIENT_MINOR + "; use sidecars or a later version";
        }
        return null;
    }

    /** The first Istio minor with ambient mode generally available (Istio 1.24, November 2024). */
    private static final int AMBIENT_MINOR = 24;

    /** The first Istio minor whose routes may have a ServiceEntry parent (istio/istio 1.21, conversion.go). */
    private static final int GATEWAY_API_EGRESS_MINOR = 21;

    private void externalService(ExternalService service, String path) {
        required(service.hosts().isEmpty() ? null : service.hosts(), path + ".hosts");
        for (int i = 0; i < service.hosts().size(); i++) {
            String host = service.hosts().get(i);
            if (!Names.isHost(host)) {
                problems.add(new Problem(path + ".hosts[" + i + "]", "host '" + host
                        + "' is not a valid DNS name (lowercase labels separated by dots, optionally starting with '*.')"));
            }
        }
        if (service.registered()) {
            label(service.name(), path + ".name");
            label(service.namespace(), path + ".namespace");
            required(service.ports().isEmpty() ? null : service.ports(), path + ".ports");
        }
        for (int i = 0; i < service.ports().size(); i++) {
            ServicePort port = service.ports().get(i);
            port(port.number(), path + ".ports[" + i + "].number");
            if (port.targetPort() != null) {
                port(port.targetPort(), path + ".ports[" + i + "].targetPort");
            }
        }
        Server server = service.server();
        String serverPath = path + ".server";
        reference(server.certificate(), serverPath + ".certificate", CertificateSpec.class, "a certificate", false);
        reference(server.ca(), serverPath + ".ca", CertificateSpec.class, "a certificate", false);
        reference(server.clientCa(), serverPath + ".clientCa", CertificateSpec.class, "a certificate", false);
        reference(server.workload(), serverPath + ".workload", Workload.class, "a workload", false);
        if (server.kind() == ServerKind.MESH_INGRESS) {
            MeshIngress ingress = server.ingress();
            if (ingress == null) {
                problems.add(new Problem(serverPath + ".ingress", "missing required field 'ingress' for a MESH_INGRESS server"));
            } else {
                String ip = serverPath + ".ingress";
                reference(ingress.mesh(), ip + ".mesh", Mesh.class, "a mesh", true);
                label(ingress.routeName(), ip + ".routeName");
                label(ingress.gatewayName(), ip + ".gatewayName");
                label(ingress.gatewayNamespace(), ip + ".gatewayNamespace");
                label(ingress.backendNamespace(), ip + ".backendNamespace");
                label(ingress.backendService(), ip + ".backendService");
                port(ingress.backendPort(), ip + ".backendPort");
                port(ingress.gatewayPort(), ip + ".gatewayPort");
                reference(ingress.clientCa(), ip + ".clientCa", CertificateSpec.class, "a certificate", false);
                boolean terminates = ingress.gatewayTlsMode() == GatewayTlsMode.SIMPLE
                        || ingress.gatewayTlsMode() == GatewayTlsMode.MUTUAL;
                urlPath(ingress.pathPrefix(), ip + ".pathPrefix");
                if (ingress.credentialName() != null) {
                    dnsSubdomain(ingress.credentialName(), ip + ".credentialName");
                }
                if (terminates && ingress.credentialName() == null) {
                    problems.add(new Problem(ip + ".credentialName", "missing required field 'credentialName': a "
                            + ingress.gatewayTlsMode() + " Gateway server needs the Secret with its certificate"));
                }
            }
        }
    }

    private void link(Link link, String path) {
        reference(link.from(), path + ".from", Workload.class, "a workload", true);
        reference(link.to(), path + ".to", ExternalService.class, "an external service", true);
        reference(link.via(), path + ".via", EgressGateway.class, "an egress gateway", false);
        port(link.port(), path + ".port");
        urlPath(link.path(), path + ".path");
        if (link.targetPort() != null) {
            port(link.targetPort(), path + ".targetPort");
        }
        if (link.rewrite() != PortRewrite.NONE && link.targetPort() == null) {
            problems.add(new Problem(path + ".targetPort", "missing required field 'targetPort' for rewrite " + link.rewrite()));
        }
        origination(link.sidecarTls(), path + ".sidecarTls");
        origination(link.egressTls(), path + ".egressTls");
        if (link.egressTls() != null && link.via() == null) {
            problems.add(new Problem(path + ".egressTls", "egressTls needs 'via': only an egress gateway originates it"));
        }
    }

    /** The path the link's request asks for: what follows {@code scheme://host:port} in its URL. */
    private void urlPath(String value, String path) {
        if (value != null && !isUrlPath(value)) {
            problems.add(new Problem(path, "'" + value + "' is not a URL path: it starts with '/' and has no spaces, "
                    + "control characters or '#' (percent-encode them)"));
        }
    }

    /** RFC 3986 path and query characters, percent escapes, and the non-ASCII letters that java.net.URI accepts. */
    private static boolean isUrlPath(String value) {
        if (!value.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    return false;
                }
            } else if (c < 0x80 ? URL_PATH_CHARACTERS.indexOf(c) < 0 && !Character.isLetterOrDigit(c)
                    : Character.isISOControl(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private void origination(Origination origination, String path) {
        if (origination == null) {
            return;
        }
        reference(origination.caCertificate(), path + ".caCertificate", CertificateSpec.class, "a certificate", false);
        reference(origination.clientCertificate(), path + ".clientCertificate", CertificateSpec.class, "a certificate", false);
        if (origination.credentialName() != null) {
            dnsSubdomain(origination.credentialName(), path + ".credentialName");
        }
        if (origination.ruleName() != null) {
            dnsSubdomain(origination.ruleName(), path + ".ruleName");
        }
    }

    private void federation(Federation federation, String path) {
        if (federation.meshes().size() != 2) {
            problems.add(new Problem(path + ".meshes", "a federation joins exactly two meshes, found " + federation.meshes().size()));
        }
        for (int i = 0; i < federation.meshes().size(); i++) {
            reference(federation.meshes().get(i), path + ".meshes[" + i + "]", Mesh.class, "a mesh", true);
            scenario.mesh(federation.meshes().get(i)).filter(m -> !m.flavour().federation()).ifPresent(m ->
                    problems.add(new Problem(path + ".meshes", "mesh '" + m.id() + "' runs " + m.flavour().title()
                            + ", which has no Maistra federation: join the meshes as one multi-cluster mesh instead")));
        }
        for (int i = 0; i < federation.services().size(); i++) {
            FederatedService service = federation.services().get(i);
            String sp = path + ".services[" + i + "]";
            if (!federation.meshes().contains(service.exportedBy())) {
                problems.add(new Problem(sp + ".exportedBy", "exportedBy '" + service.exportedBy()
                        + "' is not one of this federation's meshes " + federation.meshes()));
            }
            label(service.namespace(), sp + ".namespace");
            label(service.name(), sp + ".name");
            label(service.aliasNamespace(), sp + ".aliasNamespace");
            label(service.aliasName(), sp + ".aliasName");
        }
    }

    private void certificate(CertificateSpec certificate, String path) {
        required(certificate.commonName(), path + ".commonName");
        if (certificate.issuer() != null) {
            reference(certificate.issuer(), path + ".issuer", CertificateSpec.class, "a certificate", true);
            Element issuer = byId.get(certificate.issuer());
            if (issuer instanceof CertificateSpec spec && spec.kind() != CertificateKind.CA) {
                problems.add(new Problem(path + ".issuer", "issuer '" + certificate.issuer() + "' is a "
                        + spec.kind() + " certificate, not a CA"));
            }
        } else if (certificate.kind() != CertificateKind.CA) {
            problems.add(new Problem(path + ".issuer", "missing required field 'issuer': only a CA may be self-signed"));
        }
        if (certificate.validityDays() < 1 || certificate.validityDays() > MAX_VALIDITY_DAYS) {
            problems.add(new Problem(path + ".validityDays", "validityDays " + certificate.validityDays()
                    + " is out of range (1-" + MAX_VALIDITY_DAYS + ")"));
        }
        for (int i = 0; i < certificate.dnsNames().size(); i++) {
            String name = certificate.dnsNames().get(i);
            if (!Names.isHost(name)) {
                problems.add(new Problem(path + ".dnsNames[" + i + "]", "'" + name + "' is not a valid DNS name "
                        + "(lowercase labels separated by dots, optionally starting with '*.')"));
            }
        }
        for (int i = 0; i < certificate.secrets().size(); i++) {
            SecretPlacement secret = certificate.secrets().get(i);
            dnsSubdomain(secret.name(), path + ".secrets[" + i + "].name");
            label(secret.namespace(), path + ".secrets[" + i + "].namespace");
        }
    }

    private void required(Object value, String path) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(new Problem(path, "missing required field '" + lastSegment(path) + "'"));
        }
    }

    private void label(String value, String path) {
        check(value, path, Names::isDns1123Label,
                "must be a DNS-1123 label: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit");
    }

    private void dnsSubdomain(String value, String path) {
        check(value, path, Names::isDns1123Subdomain,
                "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit");
    }

    private void check(String value, String path, Predicate<String> rule, String rule_text) {
        if (value == null) {
            required(null, path);
        } else if (!rule.test(value)) {
            problems.add(new Problem(path, "'" + value + "' is not a valid " + lastSegment(path) + ": " + rule_text));
        }
    }

    private void port(Integer port, String path) {
        if (port == null) {
            required(null, path);
        } else if (!Names.isPort(port)) {
            problems.add(new Problem(path, "port " + port + " is out of range (1-65535)"));
        }
    }

    private void reference(String id, String path, Class<? extends Element> type, String what, boolean required) {
        if (id == null) {
            if (required) {
                required(null, path);
            }
            return;
        }
        Element target = byId.get(id);
        if (target == null) {
            problems.add(new Problem(path, "'" + id + "' does not name any element; expected " + what));
        } else if (!type.isInstance(target)) {
            problems.add(new Problem(path, "'" + id + "' is " + article(target) + ", expected " + what));
        }
    }

    private static String article(Element element) {
        String kind = element.getClass().getSimpleName();
        return (kind.matches("^[AEIOU].*") ? "an " : "a ") + kind;
    }

    private static String lastSegment(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return bracket >= 0 ? last.substring(0, bracket) : last;
    }
}
