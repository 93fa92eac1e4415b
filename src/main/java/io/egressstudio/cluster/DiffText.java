package io.egressstudio.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The side-by-side text of a change: the cluster now on the left, after apply on the right, with the marker column
 * of {@code diff -y} ({@code |} changed, {@code <} only on the left, {@code >} only on the right). The left side shows
 * only the fields the comparison looks at, so server defaults do not drown the change. Secret values and kubectl's
 * last-applied annotation are never shown.
 */
public final class DiffText {
    static final int COLUMN = 60;
    static final String REDACTED = "<redacted>";
    static final String REDACTED_CHANGED = "<redacted> (changes)";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private DiffText() {
    }

    /** Either side may be null (create: no live object; delete: nothing desired). */
    static String sideBySide(GenericKubernetesResource desired, GenericKubernetesResource live) {
        return render(rows(desired, live));
    }

    /**
     * One line of a side-by-side diff, whole (not cut to a column), for a window that lays the two sides out itself.
     *
     * @param marker {@code ' '} the same, {@code '|'} changed, {@code '<'} only in the cluster, {@code '>'} only after apply
     */
    public record Row(String left, char marker, String right) {
    }

    /** The rows of {@link #sideBySide}: the same projection and the same masking of Secret values. */
    static List<Row> rows(GenericKubernetesResource desired, GenericKubernetesResource live) {
        ObjectNode right = desired == null ? null : Resources.tree(desired);
        ObjectNode left = null;
        if (right != null) {
            Resources.stripServerFields(right);
        }
        if (live != null) {
            JsonNode owned = Comparison.ownedFields(live);
            ObjectNode have = Resources.tree(live);
            Resources.stripServerFields(have);
            left = right == null ? have : (ObjectNode) project(right, have, owned);
        }
        redact(left, right);
        return align(lines(left), lines(right));
    }

    /** The live fields the comparison looks at: those the scenario sets, and those Egress Studio owned. */
    static JsonNode project(JsonNode want, JsonNode have, JsonNode owned) {
        if (want != null && want.isObject() && have.isObject()) {
            ObjectNode out = Resources.JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = have.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode ownedChild = owned == null || !owned.isObject() ? null : owned.get("f:" + field.getKey());
                if (want.has(field.getKey())) {
                    out.set(field.getKey(), project(want.get(field.getKey()), field.getValue(), ownedChild));
                } else if (ownedChild != null) {
                    out.set(field.getKey(), field.getValue());
                }
            }
            return out;
        }
        if (want != null && want.isArray() && have.isArray() && want.size() == have.size()) {
            ArrayNode out = Resources.JSON.createArrayNode();
            for (int i = 0; i < have.size(); i++) {
                out.add(project(want.get(i), have.get(i), null));
            }
            return out;
        }
        return have;
    }

    private static void redact(ObjectNode left, ObjectNode right) {
        for (ObjectNode side : new ObjectNode[] {left, right}) {
            if (side != null && side.get("metadata") instanceof ObjectNode meta
                    && meta.get("annotations") instanceof ObjectNode annotations && annotations.has(Resources.LAST_APPLIED)) {
                annotations.put(Resources.LAST_APPLIED, "<omitted>");
            }
        }
        ObjectNode any = right != null ? right : left;
        if (any == null || !"Secret".equals(any.path("kind").asText())) {
            return;
        }
        for (String field : List.of("data", "stringData")) {
            ObjectNode l = left != null && left.get(field) instanceof ObjectNode o ? o : null;
            ObjectNode r = right != null && right.get(field) instanceof ObjectNode o ? o : null;
            java.util.Set<String> changed = new java.util.HashSet<>();
            if (r != null) {
                r.fieldNames().forEachRemaining(k -> {
                    if (l == null || !r.get(k).equals(l.get(k))) {
                        changed.add(k);
                    }
                });
                List<String> keys = new ArrayList<>();
                r.fieldNames().forEachRemaining(keys::add);
                keys.forEach(k -> r.put(k, changed.contains(k) ? REDACTED_CHANGED : REDACTED));
            }
            if (l != null) {
                List<String> keys = new ArrayList<>();
                l.fieldNames().forEachRemaining(keys::add);
                keys.forEach(k -> l.put(k, REDACTED));
            }
        }
    }

    static List<String> lines(ObjectNode node) {
        if (node == null) {
            return List.of();
        }
        try {
            String text = YAML.writeValueAsString(sorted(node));
            return List.of(text.split("\n"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(f -> fields.put(f.getKey(), sorted(f.getValue())));
            ObjectNode out = Resources.JSON.createObjectNode();
            // apiVersion, kind, metadata first, as people read them
            for (String first : List.of("apiVersion", "kind", "metadata")) {
                JsonNode value = fields.remove(first);
                if (value != null) {
                    out.set(first, value);
                }
            }
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Resources.JSON.createArrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    /** Two columns aligned by the longest common subsequence of lines. */
    static String render(List<String> left, List<String> right) {
        return render(align(left, right));
    }

    private static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append(row("cluster now", ' ', "after apply"));
        out.append(row("-".repeat(COLUMN), ' ', "-".repeat(COLUMN)));
        rows.forEach(r -> out.append(row(r.left(), r.marker(), r.right())));
        return out.toString();
    }

    static List<Row> align(List<String> left, List<String> right) {
        int n = left.size();
        int m = right.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = left.get(i).equals(right.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        List<String> onlyLeft = new ArrayList<>();
        List<String> onlyRight = new ArrayList<>();
        while (i < n || j < m) {
            if (i < n && j < m && left.get(i).equals(right.get(j))) {
                flush(out, onlyLeft, onlyRight);
                out.add(new Row(left.get(i), ' ', right.get(j)));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                onlyRight.add(right.get(j++));
            } else {
                onlyLeft.add(left.get(i++));
            }
        }
        flush(out, onlyLeft, onlyRight);
        return out;
    }

    private static void flush(List<Row> out, List<String> onlyLeft, List<String> onlyRight) {
        int paired = Math.min(onlyLeft.size(), onlyRight.size());
        for (int k = 0; k < paired; k++) {
            out.add(new Row(onlyLeft.get(k), '|', onlyRight.get(k)));
        }
        for (int k = paired; k < onlyLeft.size(); k++) {
            out.add(new Row(onlyLeft.get(k), '<', ""));
        }
        for (int k = paired; k < onlyRight.size(); k++) {
            out.add(new Row("", '>', onlyRight.get(k)));
        }
        onlyLeft.clear();
        onlyRight.clear();
    }

    private static String row(String left, char marker, String right) {
        String l = fit(left);
        String line = l + " ".repeat(COLUMN - l.length()) + " " + marker + " " + fit(right);
        return line.stripTrailing() + "\n";
    }

    private static String fit(String text) {
        return text.length() <= COLUMN ? text : text.substring(0, COLUMN - 1) + "…";
    }
}
