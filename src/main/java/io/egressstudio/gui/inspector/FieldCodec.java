package io.egressstudio.gui.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field text ⇄ file value, per {@link FieldSpec.Type}. Parsing errors are IllegalArgumentExceptions with a reason. */
final class FieldCodec {
    private FieldCodec() {
    }

    static String format(FieldSpec.Type type, JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return type == FieldSpec.Type.BOOL ? "false" : "";
        }
        switch (type) {
            case LIST, INT_LIST -> {
                List<String> parts = new ArrayList<>();
                node.forEach(n -> parts.add(n.asText()));
                return String.join(", ", parts);
            }
            case MAP -> {
                List<String> parts = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    parts.add(e.getKey() + "=" + e.getValue().asText());
                }
                return String.join(", ", parts);
            }
            case ACCESS_RULES -> {
                return AccessRulesCodec.format(node);
            }
            case PORTS -> {
                List<String> parts = new ArrayList<>();
                for (JsonNode p : node) {
                    StringBuilder text = new StringBuilder().append(p.path("number").asText()).append('/')
                            .append(p.path("protocol").asText("HTTP"));
                    if (p.hasNonNull("targetPort")) {
                        text.append('>').append(p.get("targetPort").asText());
                    }
                    if (p.hasNonNull("name")) {
                        text.append(' ').append(p.get("name").asText());
                    }
                    parts.add(text.toString());
                }
                return String.join(", ", parts);
            }
            default -> {
                return node.asText();
            }
        }
    }

    static Object parse(FieldSpec.Type type, String text) {
        String t = text == null ? "" : text.strip();
        switch (type) {
            case TEXT, AREA, CHOICE -> {
                return t.isEmpty() ? null : t;
            }
            case BOOL -> {
                return Boolean.parseBoolean(t);
            }
            case INT -> {
                return t.isEmpty() ? null : number(t);
            }
            case LIST -> {
                return split(t);
            }
            case INT_LIST -> {
                List<Integer> out = new ArrayList<>();
                for (String part : split(t)) {
                    out.add(number(part));
                }
                return out;
            }
            case MAP -> {
                Map<String, String> out = new LinkedHashMap<>();
                for (String part : split(t)) {
                    int eq = part.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("'" + part + "' is not key=value");
                    }
                    out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
                return out;
            }
            case ACCESS_RULES -> {
                return AccessRulesCodec.parse(t);
            }
            case PORTS -> {
                List<Map<String, Object>> out = new ArrayList<>();
                for (String part : split(t)) {
                    out.add(port(part));
                }
                return out;
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private static Map<String, Object> port(String text) {
        String[] words = text.strip().split("\\s+");
        String spec = words[0];
        Map<String, Object> port = new LinkedHashMap<>();
        int slash = spec.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not NUMBER/PROTOCOL (for example 443/TLS)");
        }
        port.put("number", number(spec.substring(0, slash)));
        String rest = spec.substring(slash + 1);
        int gt = rest.indexOf('>');
        String protocol = gt >= 0 ? rest.substring(0, gt) : rest;
        if (!protocol.isEmpty()) {
            port.put("protocol", protocol.toUpperCase(java.util.Locale.ROOT));
        }
        if (gt >= 0) {
            port.put("targetPort", number(rest.substring(gt + 1)));
        }
        if (words.length > 1) {
            port.put("name", words[1]);
        }
        return port;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a whole number", e);
        }
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
