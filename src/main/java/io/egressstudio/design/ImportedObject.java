package io.egressstudio.design;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** One imported object as a JSON tree, with the fields the import's rules read most. */
record ImportedObject(String kind, String namespace, String name, JsonNode tree) {
    static ImportedObject of(HasMetadata r) {
        return new ImportedObject(r.getKind(), r.getMetadata().getNamespace(), r.getMetadata().getName(),
                ObjectTrees.tree(r));
    }

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
