package io.egressstudio.gui.theme;

import io.egressstudio.model.Outcome;
import java.util.Locale;

/** Style class names, in one place (AtlantaFX's Styles idea). Colours live in designer.css, never in code. */
public final class Styles {
    public static final String DESIGNER_CSS = "/io/egressstudio/gui/theme/designer.css";
    public static final String DARK_CSS = "/io/egressstudio/gui/theme/designer-dark.css";
    public static final String SELECTED = "selected";
    public static final String ENCRYPTED = "encrypted";
    public static final String OUTCOME_UNKNOWN = "outcome-unknown";
    /** An element or link the shown walkthrough step added or changed. */
    public static final String NEW_IN_STEP = "new-in-step";
    /** The canvas drawn for an audience (presenter mode). */
    public static final String PRESENTING = "presenting";
    /** A proxy the prediction passes through that the scenario does not draw (federation or ingress gateway). */
    public static final String DERIVED = "derived";
    /** A federation between two meshes, drawn between them. */
    public static final String PEERING = "peering";
    /** The "new" badge of what the shown step added or changed. */
    public static final String NEW_BADGE = "new-badge";
    /** The "!" badge of an element or link with ERROR or WARNING findings (with {@link #finding(String)}). */
    public static final String FINDING_BADGE = "finding-badge";
    public static final String BADGE_TEXT = "badge-text";
    /** The end of a link an AuthorizationPolicy refuses: a bar across the line, not an arrow head. */
    public static final String REFUSED = "refused";
    /** What an empty canvas says. */
    public static final String CANVAS_EMPTY_HINT = "canvas-empty-hint";

    private Styles() {
    }

    /** {@code outcome-mtls-failure} for MTLS_FAILURE. */
    public static String outcome(Outcome outcome) {
        return outcome == null ? OUTCOME_UNKNOWN : "outcome-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code observed-passthrough} for a link's observed PASSTHROUGH (the live overlay's badge). */
    public static String observed(Enum<?> state) {
        return "observed-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A link whose observed traffic contradicts its prediction. */
    public static final String CONTRADICTED = "contradicted";

    public static String finding(String severity) {
        return "finding-" + (severity == null ? "info" : severity.toLowerCase(Locale.ROOT));
    }
}
