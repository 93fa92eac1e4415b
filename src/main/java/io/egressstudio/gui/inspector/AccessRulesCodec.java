package io.egressstudio.gui.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Access rules as inspector text, one rule a line: an optional {@code ALLOW} or {@code DENY}, then
 * {@code key=value,value} words for namespaces, principals, hosts, ports, methods and paths, as in
 * {@code ALLOW namespaces=greetings-client hosts=greeting.remote.com}. A line with only an action matches every
 * request.
 */
final class AccessRulesCodec {
    static final List<String> KEYS = List.of("namespaces", "principals", "hosts", "ports", "methods", "paths");

    private AccessRulesCodec() {
    }

    static String format(JsonNode rules) {
        List<String> lines = new ArrayList<>();
        for (JsonNode rule : rules) {
            StringBuilder line = new StringBuilder(rule.path("action").asText("ALLOW"));
            for (String key : KEYS) {
                List<String> values = new ArrayList<>();
                rule.path(key).forEach(v -> values.add(v.asText()));
                if (!values.isEmpty()) {
                    line.append(' ').append(key).append('=').append(String.join(",", values));
                }
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    static List<Map<String, Object>> parse(String text) {
        List<Map<String, Object>> rules = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (!line.isEmpty()) {
                rules.add(rule(line, n + 1));
            }
        }
        return rules;
    }

    private static Map<String, Object> rule(String line, int number) {
        Map<String, Object> rule = new LinkedHashMap<>();
        String[] words = line.split("\\s+");
        int first = 0;
        String action = words[0].toUpperCase(Locale.ROOT);
        if (action.equals("ALLOW") || action.equals("DENY")) {
            rule.put("action", action);
            first = 1;
        }
        for (int i = first; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            String key = eq < 0 ? words[i] : words[i].substring(0, eq);
            if (eq <= 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("line " + number + ": '" + words[i] + "' is not KEY=VALUE,VALUE with "
                        + "KEY one of " + String.join(", ", KEYS) + " (for example ALLOW namespaces=greetings-client "
                        + "hosts=greeting.remote.com)");
            }
            List<Object> values = new ArrayList<>();
            for (String value : words[i].substring(eq + 1).split(",")) {
                if (value.isBlank()) {
                    continue;
                }
                values.add(key.equals("ports") ? port(value, number) : value);
            }
            rule.put(key, values);
        }
        return rule;
    }

    private static int port(String value, int line) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": port '" + value + "' is not a whole number", e);
        }
    }
}
