package io.egressstudio.gui.inspector;

import static io.egressstudio.gui.inspector.FieldSpec.Type.ACCESS_RULES;
import static io.egressstudio.gui.inspector.FieldSpec.Type.AREA;
import static io.egressstudio.gui.inspector.FieldSpec.Type.BOOL;
import static io.egressstudio.gui.inspector.FieldSpec.Type.INT;
import static io.egressstudio.gui.inspector.FieldSpec.Type.INT_LIST;
import static io.egressstudio.gui.inspector.FieldSpec.Type.LIST;
import static io.egressstudio.gui.inspector.FieldSpec.Type.MAP;
import static io.egressstudio.gui.inspector.FieldSpec.Type.PORTS;

import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.CredentialDelivery;
import io.egressstudio.model.DataPlane;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.EgressServerTls;
import io.egressstudio.model.GatewayApi;
import io.egressstudio.model.Element;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Federation;
import io.egressstudio.model.GatewayTlsMode;
import io.egressstudio.model.IstioApiVersion;
import io.egressstudio.model.KeyType;
import io.egressstudio.model.Link;
import io.egressstudio.model.Location;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.PortRewrite;
import io.egressstudio.model.Resolution;
import io.egressstudio.model.RouteTermination;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.TlsMode;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The fields the inspector shows for each kind of element, in order, grouped by section titles. */
public final class ElementForms {
    /** A titled group of fields. */
    public record Section(String title, List<FieldSpec> fields) {
    }

    private ElementForms() {
    }

    public static List<Section> scenario() {
        return List.of(new Section("Scenario", List.of(
                FieldSpec.text("name", "Name", "The scenario's name: labels every generated resource"),
                FieldSpec.text("title", "Title", null),
                FieldSpec.of("description", "Description", AREA, null),
                FieldSpec.choice("istioApi", "Istio API", IstioApiVersion.class, false, "networking.istio.io version"))));
    }

    public static List<Section> of(Element element) {
        if (element instanceof Mesh) {
            return List.of(new Section("Mesh", List.of(
                    FieldSpec.text("id", "Id", null),
                    FieldSpec.text("name", "Control plane", "The ServiceMeshControlPlane's or Istio resource's name"),
                    FieldSpec.text("namespace", "Namespace", "Where the control plane runs"),
                    FieldSpec.choice("flavour", "Flavour", MeshFlavour.class, false,
                            "Maistra 2.x (SMCP), OpenShift Service Mesh 3 (Sail Istio) or upstream Istio; "
                                    + "Mesh ▸ Migrate rewrites a whole scenario and shows what changes"),
                    FieldSpec.text("version", "Version", "v2.0 … v2.6 (Maistra), v1.24.3 or v1.28-latest (OSSM 3), "
                            + "1.28 (Istio)"),
                    FieldSpec.choice("dataPlane", "Data plane", DataPlane.class, true,
                            "SIDECAR: a sidecar in each pod. AMBIENT: member namespaces labelled "
                                    + "istio.io/dataplane-mode=ambient, ztunnel on each node, and the egress gateway is a "
                                    + "waypoint (Gateway of class istio-waypoint, Gateway API only); needs Istio 1.24+")
                            .emptyMeans("sidecars"),
                    FieldSpec.choice("outboundPolicy", "Outbound policy", OutboundPolicy.class, false,
                            "What sidecars do with hosts the mesh does not know"),
                    FieldSpec.of("mtls", "mTLS (STRICT)", BOOL, "spec.security.dataPlane.mtls"),
                    FieldSpec.of("autoMtls", "Auto mTLS", BOOL, "spec.security.dataPlane.automtls"),
                    FieldSpec.of("members", "Members", LIST, "The member roll's (or injection-labelled) namespaces, "
                            + "comma-separated"),
                    FieldSpec.text("trustDomain", "Trust domain", null),
                    FieldSpec.of("ingressGateway", "Ingress gateway", BOOL, null),
                    FieldSpec.of("egressGateway", "Egress gateway", BOOL, null))));
        }
        if (element instanceof Workload) {
            return List.of(new Section("Workload", List.of(
                    FieldSpec.text("id", "Id", null),
                    FieldSpec.text("name", "Name", "Deployment and Service name"),
                    FieldSpec.text("namespace", "Namespace", "In a mesh when a mesh lists it as a member"),
                    FieldSpec.of("ports", "Ports", INT_LIST, null),
                    FieldSpec.of("sidecar", "Sidecar", BOOL, "sidecar.istio.io/inject"),
                    FieldSpec.text("serviceAccount", "Service account", null),
                    FieldSpec.of("accessRules", "Who may call it", ACCESS_RULES, "One rule a line: [ALLOW|DENY] "
                            + "namespaces=NS,NS principals=ID hosts=HOST ports=N methods=GET paths=/p*; its sidecar "
                            + "enforces them on what it receives (namespaces and principals need Istio mTLS)"))));
        }
        if (element instanceof EgressGateway) {
            return List.of(new Section("Egress gateway", List.of(
                    FieldSpec.text("id", "Id", null),
                    FieldSpec.choice("mesh", "Mesh", ids(Scenario::meshes, false), null),
                    FieldSpec.text("name", "Name", null),
                    FieldSpec.text("namespace", "Namespace", "Empty: the mesh's control plane namespace"),
                    FieldSpec.choice("api", "Configured by", GatewayApi.class, true,
                            "ISTIO: Istio's Gateway and VirtualServices. GATEWAY_API: a Kubernetes Gateway of class "
                                    + "istio (istiod deploys NAME-istio) and HTTPRoutes/TLSRoutes; needs Istio 1.21+. "
                                    + "In an ambient mesh: a waypoint (class istio-waypoint) the ServiceEntries use, "
                                    + "GATEWAY_API only")
                            .emptyMeans("Istio API"),
                    FieldSpec.of("selector", "Selector", MAP, "Labels Gateway resources select it by (Istio API)"),
                    FieldSpec.choice("serverTls", "Server TLS", EgressServerTls.class, true,
                            "The Gateway server's tls mode for links whose app sends HTTP. ISTIO_MUTUAL: HTTPS on 443 "
                                    + "and sidecars originate ISTIO_MUTUAL with the host as SNI; NONE: plain HTTP on "
                                    + "80; empty: ISTIO_MUTUAL only when the link's sidecar TLS says so")
                            .emptyMeans("per link"),
                    FieldSpec.of("accessRules", "Who may leave", ACCESS_RULES, "One rule a line: [ALLOW|DENY] "
                            + "namespaces=NS,NS principals=ID hosts=HOST ports=N methods=GET paths=/p*. With ALLOW rules, "
                            + "whatever none matches is refused (403). The gateway sees the caller's namespace only "
                            + "over Istio mTLS: set Server TLS to ISTIO_MUTUAL"))));
        }
        if (element instanceof ExternalService service) {
            List<Section> sections = new ArrayList<>();
            sections.add(new Section("External service", List.of(
                    FieldSpec.text("id", "Id", null),
                    FieldSpec.of("registered", "Registered (ServiceEntry)", BOOL,
                            "Whether a ServiceEntry makes the hosts known to the mesh"),
                    FieldSpec.text("name", "ServiceEntry name", null),
                    FieldSpec.text("namespace", "ServiceEntry namespace", null),
                    FieldSpec.of("hosts", "Hosts", LIST, null),
                    FieldSpec.of("ports", "Ports", PORTS, "NUMBER/PROTOCOL[>TARGET] [NAME], comma-separated"),
                    FieldSpec.choice("location", "Location", Location.class, false, null),
                    FieldSpec.choice("resolution", "Resolution", Resolution.class, false, null),
                    FieldSpec.of("addresses", "Addresses", LIST, null),
                    FieldSpec.of("exportTo", "Export to", LIST, null))));
            List<FieldSpec> server = new ArrayList<>(List.of(
                    FieldSpec.choice("server.kind", "Server speaks", ServerKind.class, false,
                            "PLAINTEXT, TLS, MUTUAL_TLS (needs a client certificate), MESH_INGRESS"),
                    FieldSpec.choice("server.certificate", "Server certificate", certificates(), null),
                    FieldSpec.choice("server.ca", "Server CA", certificates(), null),
                    FieldSpec.choice("server.clientCa", "Client CA required", certificates(),
                            "The CA whose client certificates a MUTUAL_TLS server accepts"),
                    FieldSpec.choice("server.workload", "Runs as workload", ids(Scenario::workloads, true), null)));
            sections.add(new Section("Server", server));
            if (service.server().kind() == ServerKind.MESH_INGRESS) {
                sections.add(new Section("Other mesh's ingress", List.of(
                        FieldSpec.choice("server.ingress.mesh", "Mesh", ids(Scenario::meshes, false), null),
                        FieldSpec.text("server.ingress.routeName", "Route", null),
                        FieldSpec.choice("server.ingress.routeTermination", "Route termination",
                                RouteTermination.class, false, null),
                        FieldSpec.text("server.ingress.gatewayName", "Gateway", null),
                        FieldSpec.text("server.ingress.gatewayNamespace", "Gateway namespace", null),
                        FieldSpec.of("server.ingress.gatewayPort", "Gateway port", INT, null),
                        FieldSpec.choice("server.ingress.gatewayTlsMode", "Gateway TLS", GatewayTlsMode.class, false,
                                null),
                        FieldSpec.text("server.ingress.credentialName", "Credential", null),
                        FieldSpec.choice("server.ingress.clientCa", "Client CA", certificates(), null),
                        FieldSpec.text("server.ingress.backendNamespace", "Backend namespace", null),
                        FieldSpec.text("server.ingress.backendService", "Backend service", null),
                        FieldSpec.of("server.ingress.backendPort", "Backend port", INT, null),
                        FieldSpec.text("server.ingress.pathPrefix", "Path prefix", null))));
            }
            return sections;
        }
        if (element instanceof Link) {
            return List.of(
                    new Section("Link", List.of(
                            FieldSpec.text("id", "Id", null),
                            FieldSpec.choice("from", "From workload", ids(Scenario::workloads, false), null),
                            FieldSpec.choice("to", "To service", ids(Scenario::externalServices, false), null),
                            FieldSpec.choice("app", "App sends", AppProtocol.class, false,
                                    "HTTP plaintext, HTTPS (its own TLS) or TCP"),
                            FieldSpec.of("port", "Port", INT, null),
                            FieldSpec.text("path", "Path", null),
                            FieldSpec.choice("via", "Via egress gateway", ids(Scenario::egressGateways, true),
                                    "Empty: direct from the sidecar").emptyMeans("none: direct"),
                            FieldSpec.choice("rewrite", "Port rewrite", PortRewrite.class, false, null),
                            FieldSpec.of("targetPort", "Target port", INT, null))),
                    origination("sidecarTls", "TLS the sidecar originates"),
                    origination("egressTls", "TLS the egress gateway originates"));
        }
        if (element instanceof CertificateSpec) {
            return List.of(new Section("Certificate", List.of(
                    FieldSpec.text("id", "Id", null),
                    FieldSpec.choice("kind", "Kind", CertificateKind.class, false, null),
                    FieldSpec.text("commonName", "Common name", null),
                    FieldSpec.of("dnsNames", "DNS names", LIST, null),
                    FieldSpec.of("ipAddresses", "IP addresses", LIST, null),
                    FieldSpec.choice("issuer", "Issuer", certificates(), "Empty only for a root CA"),
                    FieldSpec.choice("keyType", "Key", KeyType.class, false, null),
                    FieldSpec.of("validityDays", "Validity (days)", INT, null))));
        }
        if (element instanceof Federation) {
            return List.of(new Section("Federation", List.of(
                    FieldSpec.text("id", "Id", null),
                    FieldSpec.of("meshes", "Meshes", LIST, "The two federated meshes' ids"),
                    FieldSpec.text("discoveryHost", "Discovery host", null))));
        }
        return List.of();
    }

    private static Section origination(String prefix, String title) {
        return new Section(title, List.of(
                FieldSpec.choice(prefix + ".mode", "Mode", TlsMode.class, true, "Empty: Istio's default for this hop"),
                FieldSpec.text(prefix + ".sni", "SNI", null),
                FieldSpec.of(prefix + ".subjectAltNames", "Subject alt names", LIST, null),
                FieldSpec.choice(prefix + ".caCertificate", "CA certificate", certificates(), null),
                FieldSpec.choice(prefix + ".clientCertificate", "Client certificate", certificates(), null),
                FieldSpec.text(prefix + ".credentialName", "Credential name", null),
                FieldSpec.choice(prefix + ".delivery", "Credential delivery", CredentialDelivery.class, true, null),
                FieldSpec.of(prefix + ".insecureSkipVerify", "Skip verification", BOOL, null)));
    }

    private static Function<Scenario, List<String>> certificates() {
        return ids(Scenario::certificates, true);
    }

    private static Function<Scenario, List<String>> ids(Function<Scenario, List<? extends Element>> list,
                                                        boolean optional) {
        return s -> {
            List<String> out = new ArrayList<>();
            if (optional) {
                out.add("");
            }
            list.apply(s).forEach(e -> out.add(e.id()));
            return out;
        };
    }
}
