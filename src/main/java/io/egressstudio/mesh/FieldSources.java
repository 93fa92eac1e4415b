package io.egressstudio.mesh;

import java.util.Map;

/**
 * Which field of the scenario element made which field of a generated resource, recorded by the generator as it
 * writes the resource: {@code spec.trafficPolicy.tls} of a link's DestinationRule came from the link's
 * {@code sidecarTls}. A finding on a resource field then names the element field that fixes it without parsing the
 * path back. Keys are resource field paths; a key stands for the field and everything under it.
 */
public record FieldSources(Map<String, String> byPath) {
    public static final FieldSources NONE = new FieldSources(Map.of());

    public FieldSources {
        byPath = Map.copyOf(byPath);
    }

    public static FieldSources of(Map<String, String> byPath) {
        return byPath.isEmpty() ? NONE : new FieldSources(byPath);
    }

    /**
     * The element field behind a resource field: the source of the longest recorded path that is the field or holds
     * it ({@code spec.trafficPolicy.tls} holds {@code spec.trafficPolicy.tls.mode}); null when none does.
     */
    public String elementField(String resourceField) {
        if (resourceField == null) {
            return null;
        }
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> e : byPath.entrySet()) {
            String path = e.getKey();
            if (path.length() > bestLength && holds(path, resourceField)) {
                best = e.getValue();
                bestLength = path.length();
            }
        }
        return best;
    }

    private static boolean holds(String path, String field) {
        return field.equals(path) || field.startsWith(path)
                && (field.charAt(path.length()) == '.' || field.charAt(path.length()) == '[');
    }

    /** The resource fields an element field made, the most specific (longest path) first. */
    public java.util.List<String> pathsFrom(String elementField) {
        return byPath.entrySet().stream().filter(e -> e.getValue().equals(elementField)).map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    }
}
