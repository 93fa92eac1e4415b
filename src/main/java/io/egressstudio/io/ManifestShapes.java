package io.egressstudio.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.model.Problem;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What every Kubernetes object read from a file must look like before anything reads its fields: the identifying
 * fields as text, no empty list items (Kubernetes rejects them; the readers would find a null), and no null-valued
 * fields (Kubernetes treats {@code field: null} as absent, so they are dropped here). Typed fields are then checked by
 * the conversion to fabric8's classes, which names the field it failed at.
 */
final class ManifestShapes {
    private ManifestShapes() {
    }

    /** {@code Kind/namespace/name} as far as the object says them, for messages. */
    static String describe(ObjectNode object) {
        String kind = text(object.get("kind"));
        String namespace = text(object.path("metadata").get("namespace"));
        String name = text(object.path("metadata").get("name"));
        if (kind == null) {
            return "";
        }
        StringBuilder what = new StringBuilder(kind);
        if (namespace != null) {
            what.append('/').append(namespace);
        }
        if (name != null) {
            what.append('/').append(name);
        }
        return what.toString();
    }

    /** The first thing wrong with the object's shape; drops its null-valued fields on the way. */
    static Optional<Problem> check(ObjectNode object) {
        Optional<Problem> nulls = dropNulls(object, "");
        if (nulls.isPresent()) {
            return nulls;
        }
        if (text(object.get("apiVersion")) == null) {
            return problem("apiVersion", object.get("apiVersion"), "missing required field 'apiVersion'");
        }
        if (text(object.get("kind")) == null) {
            return problem("kind", object.get("kind"), "missing required field 'kind'");
        }
        JsonNode metadata = object.get("metadata");
        if (metadata == null) {
            return Optional.of(new Problem("", "missing required field 'metadata.name'"));
        }
        if (!metadata.isObject()) {
            return Optional.of(new Problem("metadata", "wrong type: expected a mapping"));
        }
        if (text(metadata.get("name")) == null) {
            return problem("metadata.name", metadata.get("name"), "missing required field 'metadata.name'");
        }
        if (metadata.has("namespace") && text(metadata.get("namespace")) == null) {
            return Optional.of(new Problem("metadata.namespace", "wrong type: expected text"));
        }
        return Optional.empty();
    }

    /** A missing field is said at the document ("missing required field 'kind'"), a wrong one at the field. */
    private static Optional<Problem> problem(String path, JsonNode value, String missing) {
        boolean absent = value == null || (value.isTextual() && value.asText().isBlank());
        return Optional.of(absent ? new Problem("", missing) : new Problem(path, "wrong type: expected text"));
    }

    private static Optional<Problem> dropNulls(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                    continue;
                }
                Optional<Problem> found = dropNulls(field.getValue(),
                        path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String item = path + "[" + i + "]";
                if (node.get(i).isNull()) {
                    return Optional.of(new Problem(item, "empty list item: remove the '-' or give the item a value"));
                }
                Optional<Problem> found = dropNulls(node.get(i), item);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Non-blank text, or null for anything else (absent, a number, a mapping). */
    private static String text(JsonNode value) {
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
