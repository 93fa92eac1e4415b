package io.egressstudio.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sets one field of an element's JSON shape by its dotted path ({@code sidecarTls.mode}): the one mechanism behind a
 * walkthrough step's {@code set} and the designer's field edits, so that both accept the same paths.
 */
public final class FieldPaths {
    private FieldPaths() {
    }

    /** A part of the path names something that is not a mapping, so the field under it cannot be set. */
    public static final class NotAMapping extends Exception {
        private final String part;

        NotAMapping(String part) {
            super("'" + part + "' is not a mapping");
            this.part = part;
        }

        public String part() {
            return part;
        }
    }

    /**
     * Sets the field that {@code parts[from..]} names under {@code target}, making the mappings on the way that are
     * missing; a null value removes the field (its default applies).
     */
    public static void set(ObjectNode target, String[] parts, int from, JsonNode value) throws NotAMapping {
        ObjectNode at = target;
        for (int i = from; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            if (next == null || next.isNull()) {
                next = at.putObject(parts[i]);
            }
            if (!next.isObject()) {
                throw new NotAMapping(parts[i]);
            }
            at = (ObjectNode) next;
        }
        String field = parts[parts.length - 1];
        if (value == null) {
            at.remove(field);
        } else {
            at.set(field, value);
        }
    }
}
