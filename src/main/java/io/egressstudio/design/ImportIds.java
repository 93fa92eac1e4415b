package io.egressstudio.design;

import io.egressstudio.generate.ResourceNames;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The ids of a scenario being imported: each element's id is a DNS-1123 label, and unique. */
final class ImportIds {
    private final Set<String> ids = new HashSet<>();

    /** The id an object's element annotation asks for, when free, else one made from {@code fallback}. */
    String id(ImportedObject node, String fallback) {
        String preferred = node == null ? null : node.annotation(ResourceNames.ELEMENT_ANNOTATION);
        return unique(preferred != null && !ids.contains(preferred) ? preferred : fallback);
    }

    /** {@code wanted} as a label, with a number added when it is taken. */
    String unique(String wanted) {
        String base = label(wanted);
        String id = base;
        for (int i = 2; ids.contains(id); i++) {
            String suffix = "-" + i;
            id = label(base.substring(0, Math.min(base.length(), 63 - suffix.length())) + suffix);
        }
        ids.add(id);
        return id;
    }

    /** A DNS-1123 label made from any text. */
    static String label(String text) {
        String s = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-+", "-").replaceAll("^-+", "");
        if (s.length() > 63) {
            s = s.substring(0, 63);
        }
        s = s.replaceAll("-+$", "");
        return s.isEmpty() ? "element" : s;
    }

    /** Takes {@code id} as it is; false when it is already taken. */
    boolean claim(String id) {
        return ids.add(id);
    }
}
