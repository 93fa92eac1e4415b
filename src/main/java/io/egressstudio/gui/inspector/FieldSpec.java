package io.egressstudio.gui.inspector;

import io.egressstudio.model.Scenario;
import java.util.List;
import java.util.function.Function;

/**
 * One editable field of an element: its path (as in a walkthrough step's {@code set}), its label, how its text is
 * read and written, and the choices a combo box offers (computed from the scenario for references).
 */
public record FieldSpec(String path, String label, Type type, Function<Scenario, List<String>> choices, String help,
                        String emptyText) {
    /** How a field's text maps to the value in the file. */
    public enum Type {
        /** Text; blank means unset. */
        TEXT,
        /** Multi-line text; blank means unset. */
        AREA,
        /** A whole number; blank means unset. */
        INT,
        BOOL,
        /** One of the choices; blank means unset (the default applies). */
        CHOICE,
        /** Comma-separated text values. */
        LIST,
        /** Comma-separated whole numbers. */
        INT_LIST,
        /** {@code key=value, ...}. */
        MAP,
        /** External service ports: {@code NUMBER/PROTOCOL[>TARGET] [NAME], ...}. */
        PORTS,
        /** Access rules, one a line: {@code [ALLOW|DENY] namespaces=a,b hosts=h ports=443 methods=GET paths=/x*}. */
        ACCESS_RULES
    }

    public static FieldSpec text(String path, String label, String help) {
        return new FieldSpec(path, label, Type.TEXT, null, help, null);
    }

    public static FieldSpec of(String path, String label, Type type, String help) {
        return new FieldSpec(path, label, type, null, help, null);
    }

    public static FieldSpec choice(String path, String label, Function<Scenario, List<String>> choices, String help) {
        return new FieldSpec(path, label, Type.CHOICE, choices, help, null);
    }

    public static FieldSpec choice(String path, String label, Class<? extends Enum<?>> type, boolean optional,
                                   String help) {
        List<String> names = new java.util.ArrayList<>();
        if (optional) {
            names.add("");
        }
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        List<String> fixed = List.copyOf(names);
        return new FieldSpec(path, label, Type.CHOICE, s -> fixed, help, null);
    }

    /** The same field with the empty choice shown as {@code text} (what leaving it empty means). */
    public FieldSpec emptyMeans(String text) {
        return new FieldSpec(path, label, type, choices, help, text);
    }

    /** The id used for this field's control: {@code field-sidecarTls-mode}. */
    public String controlId() {
        return "field-" + path.replace('.', '-');
    }
}
