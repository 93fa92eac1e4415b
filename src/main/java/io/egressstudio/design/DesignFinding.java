package io.egressstudio.design;

/**
 * A finding placed on the drawing: the element to look at ({@code elementId}, null when none: for a link predicted to
 * fail, the link, or the element whose field fixes it), the inspector field to change ({@code elementField}, null when
 * the finding does not map to one) and, where one value of one field plainly fixes it, that {@code quickFix}.
 */
public record DesignFinding(String code, String severity, String message, String fix, String resource, String field,
                            String elementId, String elementField, QuickFix quickFix) {
    public DesignFinding(String code, String severity, String message, String fix, String resource, String field,
                         String elementId, String elementField) {
        this(code, severity, message, fix, resource, field, elementId, elementField, null);
    }
}
