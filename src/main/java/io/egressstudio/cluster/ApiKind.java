package io.egressstudio.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds Egress Studio reads and writes, with what the API server needs to address them (group, plural, scope)
 * and what installs them, so that a missing API can be named with its remedy.
 */
public enum ApiKind {
    NAMESPACE("Namespace", "", "namespaces", false, Provider.KUBERNETES, "v1"),
    SECRET("Secret", "", "secrets", true, Provider.KUBERNETES, "v1"),
    CONFIG_MAP("ConfigMap", "", "configmaps", true, Provider.KUBERNETES, "v1"),
    SERVICE("Service", "", "services", true, Provider.KUBERNETES, "v1"),
    DEPLOYMENT("Deployment", "apps", "deployments", true, Provider.KUBERNETES, "v1"),
    ROLE("Role", "rbac.authorization.k8s.io", "roles", true, Provider.KUBERNETES, "v1"),
    ROLE_BINDING("RoleBinding", "rbac.authorization.k8s.io", "rolebindings", true, Provider.KUBERNETES, "v1"),
    SERVICE_MESH_CONTROL_PLANE("ServiceMeshControlPlane", "maistra.io", "servicemeshcontrolplanes", true,
            Provider.MAISTRA, "v2"),
    SERVICE_MESH_MEMBER_ROLL("ServiceMeshMemberRoll", "maistra.io", "servicemeshmemberrolls", true,
            Provider.MAISTRA, "v1"),
    SERVICE_MESH_MEMBER("ServiceMeshMember", "maistra.io", "servicemeshmembers", true, Provider.MAISTRA, "v1"),
    ISTIO("Istio", "sailoperator.io", "istios", false, Provider.SAIL, "v1"),
    ISTIO_CNI("IstioCNI", "sailoperator.io", "istiocnis", false, Provider.SAIL, "v1"),
    ZTUNNEL("ZTunnel", "sailoperator.io", "ztunnels", false, Provider.SAIL, "v1"),
    SERVICE_ENTRY("ServiceEntry", "networking.istio.io", "serviceentries", true, Provider.ISTIO,
            "v1beta1", "v1alpha3", "v1"),
    DESTINATION_RULE("DestinationRule", "networking.istio.io", "destinationrules", true, Provider.ISTIO,
            "v1beta1", "v1alpha3", "v1"),
    GATEWAY("Gateway", "networking.istio.io", "gateways", true, Provider.ISTIO, "v1beta1", "v1alpha3", "v1"),
    VIRTUAL_SERVICE("VirtualService", "networking.istio.io", "virtualservices", true, Provider.ISTIO,
            "v1beta1", "v1alpha3", "v1"),
    SIDECAR("Sidecar", "networking.istio.io", "sidecars", true, Provider.ISTIO, "v1beta1", "v1alpha3", "v1"),
    PEER_AUTHENTICATION("PeerAuthentication", "security.istio.io", "peerauthentications", true, Provider.ISTIO,
            "v1beta1", "v1"),
    AUTHORIZATION_POLICY("AuthorizationPolicy", "security.istio.io", "authorizationpolicies", true, Provider.ISTIO,
            "v1", "v1beta1"),
    ROUTE("Route", "route.openshift.io", "routes", true, Provider.OPENSHIFT, "v1"),
    SERVICE_MESH_PEER("ServiceMeshPeer", "federation.maistra.io", "servicemeshpeers", true,
            Provider.FEDERATION, "v1"),
    EXPORTED_SERVICE_SET("ExportedServiceSet", "federation.maistra.io", "exportedservicesets", true,
            Provider.FEDERATION, "v1"),
    IMPORTED_SERVICE_SET("ImportedServiceSet", "federation.maistra.io", "importedservicesets", true,
            Provider.FEDERATION, "v1"),
    KUBERNETES_GATEWAY("Gateway", "gateway.networking.k8s.io", "gateways", true, Provider.GATEWAY_API, "v1"),
    HTTP_ROUTE("HTTPRoute", "gateway.networking.k8s.io", "httproutes", true, Provider.GATEWAY_API, "v1"),
    TLS_ROUTE("TLSRoute", "gateway.networking.k8s.io", "tlsroutes", true, Provider.GATEWAY_API, "v1alpha2", "v1"),
    TCP_ROUTE("TCPRoute", "gateway.networking.k8s.io", "tcproutes", true, Provider.GATEWAY_API, "v1alpha2");

    /** What installs a kind on a cluster: the remedy a message names when it is missing. */
    public enum Provider {
        KUBERNETES("Kubernetes itself"),
        MAISTRA("the Red Hat OpenShift Service Mesh operator (Maistra 2.x)"),
        SAIL("the OpenShift Service Mesh 3 (Sail) operator"),
        ISTIO("OpenShift Service Mesh or Istio (its CRDs)"),
        FEDERATION("OpenShift Service Mesh 2.1 or later (federation CRDs)"),
        OPENSHIFT("OpenShift (Routes exist only there)"),
        GATEWAY_API("the Kubernetes Gateway API CRDs (OpenShift 4.19 and later install them; TLSRoute and TCPRoute are "
                + "in its experimental channel)");

        private final String remedy;

        Provider(String remedy) {
            this.remedy = remedy;
        }

        public String remedy() {
            return remedy;
        }
    }

    private final String kind;
    private final String group;
    private final String plural;
    private final boolean namespaced;
    private final Provider provider;
    private final List<String> versions;

    ApiKind(String kind, String group, String plural, boolean namespaced, Provider provider, String... versions) {
        this.kind = kind;
        this.group = group;
        this.plural = plural;
        this.namespaced = namespaced;
        this.provider = provider;
        this.versions = List.of(versions);
    }

    public String kind() {
        return kind;
    }

    public String group() {
        return group;
    }

    public String plural() {
        return plural;
    }

    public boolean namespaced() {
        return namespaced;
    }

    public Provider provider() {
        return provider;
    }

    /** The versions Egress Studio knows, the one it prefers first. */
    public List<String> versions() {
        return versions;
    }

    /** Built into every API server: never looked up in discovery. */
    public boolean builtIn() {
        return provider == Provider.KUBERNETES;
    }

    public String apiVersion(String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String preferredApiVersion() {
        return apiVersion(versions.get(0));
    }

    /** The CRD that defines this kind ({@code plural.group}); built-in kinds have none. */
    public String crdName() {
        return plural + "." + group;
    }

    /**
     * The kind of an object of this API version: a kind's name alone is not enough (a Gateway API Gateway is not
     * Istio's Gateway). A core or unknown group falls back to the first kind of that name.
     */
    public static Optional<ApiKind> of(String apiVersion, String kind) {
        String group = apiVersion == null ? null : groupOf(apiVersion);
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind) && (group == null || k.group.equals(group)))
                .findFirst();
    }

    /** {@code group/version} → version; {@code v1} (core) → v1. */
    public static String versionOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    public static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Kinds apply may write, so the kinds a scenario's leftovers are looked for in (namespaces are never removed). */
    public static List<ApiKind> prunable() {
        return Arrays.stream(values()).filter(k -> k != NAMESPACE && k != DEPLOYMENT && k != SERVICE).toList();
    }

    /** The configuration kinds import reads (Deployments and Services are read too, as context). */
    public static List<ApiKind> configuration() {
        return List.of(SERVICE_MESH_CONTROL_PLANE, SERVICE_MESH_MEMBER_ROLL, SERVICE_MESH_MEMBER, SERVICE_ENTRY,
                DESTINATION_RULE, GATEWAY, VIRTUAL_SERVICE, SIDECAR, PEER_AUTHENTICATION, AUTHORIZATION_POLICY, ROUTE, SERVICE_MESH_PEER,
                EXPORTED_SERVICE_SET, IMPORTED_SERVICE_SET, KUBERNETES_GATEWAY, HTTP_ROUTE, TLS_ROUTE, TCP_ROUTE);
    }
}
