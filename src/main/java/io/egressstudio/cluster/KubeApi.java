package io.egressstudio.cluster;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every call Egress Studio makes to the API server, on {@link GenericKubernetesResource} so that Istio, Maistra,
 * federation, Route and core kinds take one path. Failures become {@link ClusterException}s with a clear message.
 */
final class KubeApi {
    private final KubernetesClient client;
    private final String context;
    private final String server;
    private final Map<String, Optional<List<APIResource>>> discovery = new HashMap<>();

    KubeApi(KubernetesClient client, String context) {
        this.client = client;
        this.context = context;
        this.server = client.getConfiguration().getMasterUrl();
    }

    KubernetesClient client() {
        return client;
    }

    String context() {
        return context;
    }

    String server() {
        return server;
    }

    ClusterException failure(RuntimeException e, String doing) {
        return Failures.of(e, doing, context, server);
    }

    static ResourceDefinitionContext definition(ApiKind kind, String version) {
        return new ResourceDefinitionContext.Builder().withGroup(kind.group()).withVersion(version)
                .withKind(kind.kind()).withPlural(kind.plural()).withNamespaced(kind.namespaced()).build();
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> ops(
            ApiKind kind, String version) {
        return client.genericKubernetesResources(definition(kind, version));
    }

    Resource<GenericKubernetesResource> resource(ApiKind kind, String version, String namespace, String name) {
        var ops = ops(kind, version);
        return kind.namespaced() ? ops.inNamespace(namespace).withName(name) : ops.withName(name);
    }

    Resource<GenericKubernetesResource> resource(ApiKind kind, GenericKubernetesResource object) {
        var ops = ops(kind, ApiKind.versionOf(object.getApiVersion()));
        return kind.namespaced() ? ops.inNamespace(object.getMetadata().getNamespace()).resource(object)
                : ops.resource(object);
    }

    Optional<GenericKubernetesResource> get(ApiKind kind, String version, String namespace, String name)
            throws ClusterException {
        try {
            return Optional.ofNullable(resource(kind, version, namespace, name).get());
        } catch (RuntimeException e) {
            throw failure(e, "read " + describe(kind, namespace, name));
        }
    }

    /** Objects of a kind with these labels, in one namespace or (namespace null) in all. */
    List<GenericKubernetesResource> list(ApiKind kind, String version, String namespace, Map<String, String> labels)
            throws ClusterException {
        try {
            var ops = ops(kind, version);
            NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> scoped;
            if (!kind.namespaced()) {
                scoped = ops;
            } else if (namespace == null) {
                return labels.isEmpty() ? ops.inAnyNamespace().list().getItems()
                        : ops.inAnyNamespace().withLabels(labels).list().getItems();
            } else {
                scoped = ops.inNamespace(namespace);
            }
            return labels.isEmpty() ? scoped.list().getItems() : scoped.withLabels(labels).list().getItems();
        } catch (RuntimeException e) {
            throw failure(e, "list " + kind.kind() + (namespace == null ? " in all namespaces" : " in " + namespace));
        }
    }

    GenericKubernetesResource create(ApiKind kind, GenericKubernetesResource object) {
        return resource(kind, object).create();
    }

    /** PUT: the object replaces what is there; it must carry the live resourceVersion. */
    GenericKubernetesResource replace(ApiKind kind, GenericKubernetesResource object) {
        return resource(kind, object).update();
    }

    /** @return whether there was something to delete */
    boolean delete(ApiKind kind, String version, String namespace, String name) {
        return !resource(kind, version, namespace, name).delete().isEmpty();
    }

    /**
     * Whether the server serves this kind in this version, from API discovery (cached). Core kinds are assumed. A
     * group the server does not know answers 404, which means not served.
     */
    boolean serves(ApiKind kind, String version) throws ClusterException {
        if (kind.builtIn()) {
            return true;
        }
        String groupVersion = kind.apiVersion(version);
        Optional<List<APIResource>> resources = discovery.get(groupVersion);
        if (resources == null) {
            try {
                APIResourceList list = client.getApiResources(groupVersion);
                resources = Optional.ofNullable(list == null ? null : list.getResources());
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw failure(e, "discover the API " + groupVersion);
                }
                resources = Optional.empty();
            } catch (RuntimeException e) {
                throw failure(e, "discover the API " + groupVersion);
            }
            discovery.put(groupVersion, resources);
        }
        return resources.map(list -> list.stream().anyMatch(r -> kind.plural().equals(r.getName())
                || kind.kind().equals(r.getKind()))).orElse(false);
    }

    /** The first version of a kind the server serves, preferring {@code preferred}. */
    Optional<String> servedVersion(ApiKind kind, String preferred) throws ClusterException {
        if (preferred != null && serves(kind, preferred)) {
            return Optional.of(preferred);
        }
        for (String version : kind.versions()) {
            if (serves(kind, version)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    static String describe(ApiKind kind, String namespace, String name) {
        return kind.kind() + " " + (namespace == null ? name : namespace + "/" + name);
    }
}
