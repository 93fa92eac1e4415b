package io.egressstudio.design;

import java.util.Objects;

/**
 * The one change that fixes a finding: set {@code field} (an inspector path such as {@code registered} or
 * {@code sidecarTls.sni}) of element {@code elementId} to {@code value}. {@code label} says it in words for the button's
 * tooltip and the Edit menu ("Register rest-greeting-remote").
 */
public record QuickFix(String elementId, String field, Object value, String label) {
    public QuickFix {
        Objects.requireNonNull(elementId, "elementId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(label, "label");
    }
}
