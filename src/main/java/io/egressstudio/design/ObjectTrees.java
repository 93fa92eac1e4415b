package io.egressstudio.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes objects as JSON trees without the fields Kubernetes treats as absent: what an import reads and what
 * the cluster package compares, so both see an object the same way.
 */
public final class ObjectTrees {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObjectTrees() {
    }

    public static ObjectNode tree(HasMetadata resource) {
        try {
            JsonNode node = JSON.readTree(SERIALIZATION.asJson(resource));
            return (ObjectNode) prune(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Kubernetes object always serializes", e);
        }
    }

    /** Removes nulls and empty objects and arrays, which Kubernetes treats as absent. */
    public static JsonNode prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> empty = new java.util.ArrayList<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = prune(field.getValue());
                if (value == null || value.isNull() || (value.isContainerNode() && value.isEmpty())) {
                    empty.add(field.getKey());
                }
            }
            object.remove(empty);
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                prune(element);
            }
        }
        return node;
    }
}
