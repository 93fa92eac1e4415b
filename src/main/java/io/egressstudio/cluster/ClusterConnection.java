package io.egressstudio.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connection to one cluster through one kubeconfig context: the connection check, the APIs it serves, its
 * control planes, and permission checks. Everything else (plan, apply, rollback, delete, import) takes one.
 */
public final class ClusterConnection implements AutoCloseable {
    private final KubeApi api;
    private final WriteStrategy strategy;

    private ClusterConnection(KubernetesClient client, String context, WriteStrategy strategy) {
        this.api = new KubeApi(client, context);
        this.strategy = strategy;
    }

    /** For a client made elsewhere (tests use fabric8's mock server with {@link WriteStrategy#CREATE_OR_UPDATE}). */
    public static ClusterConnection of(KubernetesClient client, String context, WriteStrategy strategy) {
        return new ClusterConnection(client, context, strategy);
    }

    public String context() {
        return api.context();
    }

    public String server() {
        return api.server();
    }

    public WriteStrategy strategy() {
        return strategy;
    }

    KubeApi api() {
        return api;
    }

    /** Checks that the server answers and accepts the credentials (API discovery needs both). */
    public void check() throws ClusterException {
        try {
            api.client().getApiGroups();
        } catch (RuntimeException e) {
            throw api.failure(e, "API discovery (GET /apis)");
        }
    }

    /** Which of the APIs Egress Studio uses the cluster serves: kind → served version, or absent. */
    public Map<ApiKind, Optional<String>> apis() throws ClusterException {
        Map<ApiKind, Optional<String>> out = new LinkedHashMap<>();
        for (ApiKind kind : ApiKind.values()) {
            if (!kind.builtIn()) {
                out.put(kind, api.servedVersion(kind, null));
            }
        }
        return out;
    }

    /**
     * The control planes on the cluster with their member rolls: all of them when the user may list them cluster
     * wide, else those in {@code namespaces}. Empty when Maistra is not installed.
     */
    /** The bearer token the kubeconfig context authenticates with, if it uses one (remembered for redaction). */
    public java.util.Optional<String> bearerToken() {
        String token = api.client().getConfiguration().getOauthToken();
        if (token == null || token.isBlank()) {
            return java.util.Optional.empty();
        }
        io.egressstudio.io.Redaction.remember(token);
        return java.util.Optional.of(token);
    }

    public List<ControlPlaneInfo> controlPlanes(Collection<String> namespaces) throws ClusterException {
        List<ControlPlaneInfo> out = new ArrayList<>(maistraControlPlanes(namespaces));
        out.addAll(sailControlPlanes(namespaces));
        out.addAll(upstreamControlPlanes(namespaces, out));
        return out;
    }

    /**
     * Upstream Istio's control planes, by the mesh config each revision's istiod reads: a ConfigMap {@code istio}
     * (or {@code istio-REV}) with a {@code mesh} key, in one of the namespaces (all when none are given). The
     * ConfigMap a Sail {@code Istio} writes for itself is that control plane, already listed.
     */
    private List<ControlPlaneInfo> upstreamControlPlanes(Collection<String> namespaces, List<ControlPlaneInfo> listed)
            throws ClusterException {
        List<ControlPlaneInfo> out = new ArrayList<>();
        for (GenericKubernetesResource map : listWide(ApiKind.CONFIG_MAP, "v1", namespaces)) {
            String ns = map.getMetadata().getNamespace();
            String name = map.getMetadata().getName();
            if (!namespaces.isEmpty() && !namespaces.contains(ns)
                    || !(name.equals("istio") || name.startsWith("istio-"))
                    || !(map.getAdditionalProperties().get("data") instanceof Map<?, ?> data && data.containsKey("mesh"))) {
                continue;
            }
            String revision = name.equals("istio") ? "default" : name.substring("istio-".length());
            if (listed.stream().anyMatch(p -> p.namespace().equals(ns) && p.name().equals(revision))) {
                continue;
            }
            Map<String, String> selector = "default".equals(revision) ? Map.of("istio-injection", "enabled")
                    : Map.of("istio.io/rev", revision);
            List<String> members = api.list(ApiKind.NAMESPACE, "v1", null, selector).stream()
                    .map(n -> n.getMetadata().getName()).sorted().toList();
            out.add(new ControlPlaneInfo("ConfigMap", ns, name, null, members, null));
        }
        return out;
    }

    /**
     * Each Sail operator {@code Istio} installing into one of the namespaces (all when none are given), with the
     * namespaces labelled for its revision ({@code istio.io/rev=NAME}, or {@code istio-injection=enabled} for
     * {@code default}).
     */
    private List<ControlPlaneInfo> sailControlPlanes(Collection<String> namespaces) throws ClusterException {
        Optional<String> version = api.servedVersion(ApiKind.ISTIO, null);
        if (version.isEmpty()) {
            return List.of();
        }
        List<ControlPlaneInfo> out = new ArrayList<>();
        for (GenericKubernetesResource istio : api.list(ApiKind.ISTIO, version.get(), null, Map.of())) {
            String installs = Specs.string(Specs.at(istio, "spec", "namespace"));
            String ns = installs == null ? "istio-system" : installs;
            if (!namespaces.isEmpty() && !namespaces.contains(ns)) {
                continue;
            }
            String name = istio.getMetadata().getName();
            Map<String, String> selector = "default".equals(name) ? Map.of("istio-injection", "enabled")
                    : Map.of("istio.io/rev", name);
            List<String> members = api.list(ApiKind.NAMESPACE, "v1", null, selector).stream()
                    .map(n -> n.getMetadata().getName()).sorted().toList();
            out.add(new ControlPlaneInfo("Istio", ns, name, Specs.string(Specs.at(istio, "spec", "version")),
                    members, ready(istio)));
        }
        return out;
    }

    private List<ControlPlaneInfo> maistraControlPlanes(Collection<String> namespaces) throws ClusterException {
        ApiKind smcp = ApiKind.SERVICE_MESH_CONTROL_PLANE;
        ApiKind smmr = ApiKind.SERVICE_MESH_MEMBER_ROLL;
        Optional<String> smcpVersion = api.servedVersion(smcp, null);
        if (smcpVersion.isEmpty()) {
            return List.of();
        }
        Optional<String> smmrVersion = api.servedVersion(smmr, null);
        List<GenericKubernetesResource> planes = listWide(smcp, smcpVersion.get(), namespaces);
        List<GenericKubernetesResource> rolls = smmrVersion.isEmpty() ? List.of()
                : listWide(smmr, smmrVersion.get(), namespaces);
        List<ControlPlaneInfo> out = new ArrayList<>();
        for (GenericKubernetesResource plane : planes) {
            String namespace = plane.getMetadata().getNamespace();
            List<String> members = new ArrayList<>();
            for (GenericKubernetesResource roll : rolls) {
                if (namespace.equals(roll.getMetadata().getNamespace())) {
                    members.addAll(Specs.strings(Specs.at(roll, "spec", "members")));
                }
            }
            out.add(new ControlPlaneInfo("ServiceMeshControlPlane", namespace, plane.getMetadata().getName(),
                    Specs.string(Specs.at(plane, "spec", "version")), members, ready(plane)));
        }
        return out;
    }

    private static Boolean ready(GenericKubernetesResource plane) {
        for (Object condition : Specs.list(Specs.at(plane, "status", "conditions"))) {
            if (condition instanceof Map<?, ?> map && "Ready".equals(map.get("type"))) {
                return "True".equals(map.get("status"));
            }
        }
        return null;
    }

    /** All in the cluster if allowed; else namespace by namespace. */
    List<GenericKubernetesResource> listWide(ApiKind kind, String version, Collection<String> namespaces)
            throws ClusterException {
        try {
            return api.list(kind, version, null, Map.of());
        } catch (ClusterException e) {
            if (e.reason() != ClusterException.Reason.FORBIDDEN) {
                throw e;
            }
        }
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (String namespace : new LinkedHashSet<>(namespaces)) {
            try {
                out.addAll(api.list(kind, version, namespace, Map.of()));
            } catch (ClusterException e) {
                if (e.reason() != ClusterException.Reason.FORBIDDEN) {
                    throw e;
                }
            }
        }
        return out;
    }

    /** One access to check: a verb on a kind in a namespace (null for cluster-scoped kinds). */
    public record Access(ApiKind kind, String namespace, String verb) {
        @Override
        public String toString() {
            return verb + " " + kind.kind() + (namespace == null ? "" : " in " + namespace);
        }
    }

    /** Asks the server, with one SelfSubjectAccessReview per access, which of these the user may not do. */
    public Permissions check(Collection<Access> accesses) {
        List<String> denied = new ArrayList<>();
        Set<Access> unique = new LinkedHashSet<>(accesses);
        for (Access access : unique) {
            SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                    .withNewSpec().withNewResourceAttributes()
                    .withGroup(access.kind().group()).withResource(access.kind().plural()).withVerb(access.verb())
                    .withNamespace(access.namespace())
                    .endResourceAttributes().endSpec().build();
            SelfSubjectAccessReview answer;
            try {
                answer = api.client().authorization().v1().selfSubjectAccessReview().create(review);
            } catch (KubernetesClientException e) {
                String said = Failures.serverMessage(e);
                // without the server's words (a deadline, a cap, a reset), the failure says what happened
                return new Permissions(denied, "the server did not answer the permission check (" + (said.isEmpty()
                        ? api.failure(e, "review " + access).getMessage()
                        : (e.getCode() > 0 ? e.getCode() + " " : "") + said) + ")");
            } catch (RuntimeException e) {
                return new Permissions(denied, "the permission check failed: "
                        + api.failure(e, "review " + access).getMessage());
            }
            if (answer == null || answer.getStatus() == null) {
                return new Permissions(denied, "the server answered the permission check without a result");
            }
            if (!Boolean.TRUE.equals(answer.getStatus().getAllowed())) {
                denied.add(access.toString());
            }
        }
        return new Permissions(denied, null);
    }

    @Override
    public void close() {
        api.client().close();
    }
}
