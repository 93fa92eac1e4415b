package io.egressstudio.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.design.ObjectTrees;
import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/** Conversions between fabric8 objects, generic objects and JSON trees; the fields the server sets. */
final class Resources {
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    static final ObjectMapper JSON = new ObjectMapper();

    /** Set by the API server, never by a user: ignored in comparisons, dropped from snapshots. */
    static final List<String> SERVER_SET_METADATA = List.of("resourceVersion", "uid", "generation",
            "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");

    /** kubectl's record of what it applied: for a Secret it holds the data in clear, so it is never shown. */
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private Resources() {
    }

    static GenericKubernetesResource generic(HasMetadata resource) {
        if (resource instanceof GenericKubernetesResource generic) {
            return copy(generic);
        }
        return SERIALIZATION.unmarshal(SERIALIZATION.asJson(resource), GenericKubernetesResource.class);
    }

    static GenericKubernetesResource copy(GenericKubernetesResource resource) {
        return SERIALIZATION.unmarshal(SERIALIZATION.asJson(resource), GenericKubernetesResource.class);
    }

    static ObjectNode tree(HasMetadata resource) {
        return ObjectTrees.tree(resource);
    }

    static GenericKubernetesResource fromTree(JsonNode node) {
        try {
            return SERIALIZATION.unmarshal(JSON.writeValueAsString(node), GenericKubernetesResource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The object as a user wrote it: no server-set metadata, no status. */
    static GenericKubernetesResource withoutServerFields(GenericKubernetesResource live) {
        ObjectNode tree = tree(live);
        stripServerFields(tree);
        return fromTree(tree);
    }

    static void stripServerFields(ObjectNode tree) {
        tree.remove("status");
        JsonNode metadata = tree.get("metadata");
        if (metadata instanceof ObjectNode meta) {
            SERVER_SET_METADATA.forEach(meta::remove);
        }
        prune(tree);
    }

    /** Removes nulls and empty objects and arrays, which Kubernetes treats as absent. */
    static JsonNode prune(JsonNode node) {
        return ObjectTrees.prune(node);
    }

    static ResourceSet.Key key(HasMetadata resource) {
        return ResourceSet.Key.of(resource);
    }

    /** The kind of a resource to apply, by its kind and API group (a Gateway API Gateway is not Istio's Gateway). */
    static ApiKind kindOf(HasMetadata resource) throws ClusterException {
        return ApiKind.of(resource.getApiVersion(), resource.getKind()).orElseThrow(() -> new ClusterException(
                ClusterException.Reason.INVALID, resource.getKind() + " " + key(resource) + " ("
                + resource.getApiVersion() + "): Egress Studio does not apply this kind"));
    }
}
