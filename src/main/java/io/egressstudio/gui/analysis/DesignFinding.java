package io.egressstudio.gui.analysis;

/**
 * An analyzer's finding, placed on the drawing: the element whose resources it names ({@code elementId}, null when
 * none) and the inspector field to change ({@code elementField}, null when the finding does not map to one).
 */
public record DesignFinding(String code, String severity, String message, String fix, String resource, String field,
                            String elementId, String elementField) {
}
