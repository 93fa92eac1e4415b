package io.egressstudio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares what the scenario generates with the live object the way server-side apply sees it: every field the
 * scenario sets must have that value in the cluster; fields the cluster has beyond those (set by the server's
 * defaults, by an operator or by someone else) are not differences. Lists are compared element by element and must
 * have the same length. A field Egress Studio applied before (its managedFields entry) that the scenario no longer
 * sets is a difference too, because server-side apply removes it.
 */
final class Comparison {
    private final List<Difference> differences = new ArrayList<>();
    private final boolean zeroIsAbsent;

    private Comparison(boolean zeroIsAbsent) {
        this.zeroIsAbsent = zeroIsAbsent;
    }

    /**
     * @param zeroIsAbsent for built-in kinds: the server drops false, 0 and "" (Go's omitempty), so a desired zero
     *                     value matches an absent field
     */
    static List<Difference> compare(GenericKubernetesResource desired, GenericKubernetesResource live,
                                    boolean zeroIsAbsent) {
        ObjectNode want = Resources.tree(desired);
        Resources.stripServerFields(want);
        ObjectNode have = Resources.tree(live);
        JsonNode owned = ownedFields(live);
        Resources.stripServerFields(have);
        Comparison comparison = new Comparison(zeroIsAbsent);
        comparison.subset(want, have, "");
        if (owned != null) {
            comparison.removed(owned, want, have, "");
        }
        return List.copyOf(comparison.differences);
    }

    /** The fields Egress Studio owns through server-side apply, or null when the server keeps no record. */
    static JsonNode ownedFields(GenericKubernetesResource live) {
        List<ManagedFieldsEntry> entries = live.getMetadata().getManagedFields();
        if (entries == null) {
            return null;
        }
        for (ManagedFieldsEntry entry : entries) {
            if (WriteStrategy.FIELD_MANAGER.equals(entry.getManager()) && "Apply".equals(entry.getOperation())
                    && entry.getFieldsV1() != null) {
                return Resources.JSON.valueToTree(entry.getFieldsV1().getAdditionalProperties());
            }
        }
        return null;
    }

    private void subset(JsonNode want, JsonNode have, String path) {
        if (want.isObject()) {
            if (have == null || !have.isObject()) {
                differences.add(new Difference(display(path), have == null ? Difference.Type.MISSING : Difference.Type.CHANGED));
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = want.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = have.get(field.getKey());
                String child = child(path, field.getKey());
                if (value == null || value.isNull()) {
                    if (!(zeroIsAbsent && isZero(field.getValue()))) {
                        differences.add(new Difference(display(child), Difference.Type.MISSING));
                    }
                } else {
                    subset(field.getValue(), value, child);
                }
            }
        } else if (want.isArray()) {
            if (have == null || !have.isArray() || have.size() != want.size()) {
                differences.add(new Difference(display(path), have == null ? Difference.Type.MISSING : Difference.Type.CHANGED));
                return;
            }
            int before = differences.size();
            for (int i = 0; i < want.size(); i++) {
                subset(want.get(i), have.get(i), path + "[" + i + "]");
            }
            if (differences.size() > before) {
                // A list is one value to a user: report it once.
                differences.subList(before, differences.size()).clear();
                differences.add(new Difference(display(path), Difference.Type.CHANGED));
            }
        } else if (!scalarEquals(want, have)) {
            differences.add(new Difference(display(path), Difference.Type.CHANGED));
        }
    }

    private boolean isZero(JsonNode value) {
        return (value.isBoolean() && !value.booleanValue()) || (value.isNumber() && value.doubleValue() == 0)
                || (value.isTextual() && value.textValue().isEmpty());
    }

    static boolean scalarEquals(JsonNode want, JsonNode have) {
        if (have == null) {
            return false;
        }
        if (want.isNumber() && have.isNumber()) {
            return want.decimalValue().compareTo(have.decimalValue()) == 0;
        }
        return want.equals(have);
    }

    /** Fields in {@code owned} (a fieldsV1 tree) that the scenario no longer sets but the cluster still has. */
    private void removed(JsonNode owned, JsonNode want, JsonNode have, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = owned.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (!key.startsWith("f:")) {
                continue; // "." and list items (k:, v:, i:): lists are compared whole by subset()
            }
            String name = key.substring(2);
            JsonNode wanted = want == null || !want.isObject() ? null : want.get(name);
            JsonNode present = have == null || !have.isObject() ? null : have.get(name);
            if (present == null || present.isNull()) {
                continue;
            }
            String child = child(path, name);
            if (wanted == null) {
                differences.add(new Difference(display(child), Difference.Type.REMOVED));
            } else if (wanted.isObject() && field.getValue().isObject()) {
                removed(field.getValue(), wanted, present, child);
            }
        }
    }

    private static String child(String path, String key) {
        boolean plain = key.matches("[A-Za-z0-9_-]+");
        if (path.isEmpty()) {
            return plain ? key : "[" + key + "]";
        }
        return plain ? path + "." + key : path + "[" + key + "]";
    }

    private static String display(String path) {
        return path.isEmpty() ? "(the object)" : path;
    }
}
