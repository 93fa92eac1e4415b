package io.egressstudio.gui.presenter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.generate.ResourceNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which fields of a generated resource differ from its previous version, named the way a presenter reads them out. */
final class ResourceFields {
    /** Enough to say what changed in one line beside the narrative; the rest is in the YAML. */
    static final int MAX_FIELDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    /** Leaf names too generic to say anything alone ("mode" of what?): such a leaf is named with its parent. */
    private static final Set<String> GENERIC = Set.of("mode", "policy", "enabled", "name", "number", "value", "host",
            "hosts", "port", "protocol", "type", "credentialName", "sni");

    private static final JsonNode EMPTY = JSON.createObjectNode();

    private ResourceFields() {
    }

    static JsonNode tree(HasMetadata resource) {
        return JSON.valueToTree(resource);
    }

    /**
     * The differing leaves of two versions of a resource, each named by its last key (with its parent's key when the
     * last is generic: {@code outbound.policy}), in document order, at most {@link #MAX_FIELDS} then "…".
     */
    static List<String> differing(HasMetadata before, HasMetadata after) {
        Set<String> names = new LinkedHashSet<>();
        collect(tree(before), tree(after), new ArrayList<>(), names);
        List<String> list = new ArrayList<>(names);
        if (list.size() > MAX_FIELDS) {
            list = new ArrayList<>(list.subList(0, MAX_FIELDS));
            list.add("…");
        }
        return list;
    }

    private static void collect(JsonNode a, JsonNode b, List<String> path, Set<String> names) {
        if (a != null && b != null && a.equals(b) || isBookkeeping(path)) {
            return;
        }
        if (path.size() <= 1 && (a == null && b != null && b.isObject() || b == null && a != null && a.isObject())) {
            // a spec or data added or removed as a whole: name what it holds; a deeper section is named itself
            collect(a == null ? EMPTY : a, b == null ? EMPTY : b, path, names);
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                path.add(key);
                collect(a.get(key), b.get(key), path, names);
                path.remove(path.size() - 1);
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> x = a.elements();
            Iterator<JsonNode> y = b.elements();
            while (x.hasNext()) {
                collect(x.next(), y.next(), path, names);
            }
            return;
        }
        names.add(name(path));
    }

    /** The studio's note of which element a resource came from is not part of what the cluster does. */
    private static boolean isBookkeeping(List<String> path) {
        return path.size() == 3 && path.get(0).equals("metadata") && path.get(1).equals("annotations")
                && path.get(2).equals(ResourceNames.ELEMENT_ANNOTATION);
    }

    private static String name(List<String> path) {
        List<String> keys = path.isEmpty() || !List.of("spec", "data").contains(path.get(0)) ? path
                : path.subList(1, path.size());
        if (keys.isEmpty()) {
            return path.isEmpty() ? "content" : path.get(0);
        }
        String last = keys.get(keys.size() - 1);
        return GENERIC.contains(last) && keys.size() > 1 ? keys.get(keys.size() - 2) + "." + last : last;
    }
}
