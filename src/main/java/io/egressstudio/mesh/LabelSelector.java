package io.egressstudio.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}), as mesh config's
 * {@code discoverySelectors} use it. An empty selector matches every namespace, as in Kubernetes.
 */
record LabelSelector(Map<String, String> matchLabels, List<Expression> expressions) {
    record Expression(String key, String operator, List<String> values) {
        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
        }
    }

    LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        expressions = List.copyOf(expressions);
    }

    /** A selector from its YAML form; fields of the wrong type select nothing rather than everything. */
    static LabelSelector of(Object yaml) {
        Map<String, Object> map = Specs.map(yaml);
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        Specs.map(map.get("matchLabels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
        List<Expression> expressions = new ArrayList<>();
        for (Object e : Specs.list(map.get("matchExpressions"))) {
            Map<String, Object> expression = Specs.map(e);
            List<String> values = Specs.list(expression.get("values")).stream().map(String::valueOf).toList();
            expressions.add(new Expression(String.valueOf(expression.get("key")),
                    String.valueOf(expression.get("operator")), values));
        }
        return new LabelSelector(labels, expressions);
    }

    boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return expressions.stream().allMatch(e -> e.matches(labels));
    }
}
