package io.egressstudio.gui.canvas;

import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.theme.Styles;
import java.util.Objects;

/**
 * What the canvas knows of one link, kept for every link: its route, its prediction and where it is drawn. Its shapes
 * (a {@link LinkGlyph}) exist only while the link is on screen up close: a large scenario's 2,000 links as nodes cost
 * ~10,000 nodes and their CSS state (tens of MB) although the overview draws them as one image and a zoomed-in view
 * shows a few hundred.
 */
final class LinkSlot {
    final String linkId;
    Route route;
    Diagram.Fonts fonts;
    Rect bounds;
    LinkPrediction prediction;
    /** Whether a prediction (possibly none) was given: until then the link shows "no prediction yet". */
    boolean predicted;
    /** The link's shapes while it is shown, else null. */
    LinkGlyph glyph;

    LinkSlot(String linkId) {
        this.linkId = linkId;
    }

    void update(Route r, Diagram.Fonts f) {
        // an unchanged route is the very instance shown (DiagramLayout.Reuse): no deep compare
        if (r == route || r.equals(route) && f.equals(fonts)) {
            return;
        }
        route = r;
        fonts = f;
        bounds = LinkGlyph.boundsOf(r, f);
        if (glyph != null) {
            glyph.update(r, f);
        }
    }

    void predict(LinkPrediction p) {
        if (predicted && (p == prediction || Objects.equals(p, prediction))) {
            return;
        }
        predicted = true;
        prediction = p;
        if (glyph != null) {
            glyph.predict(p);
        }
    }

    /** The outcome shown, as its CSS name ({@code outcome-blackhole}); what the link's colour comes from. */
    String outcomeName() {
        return predicted ? Styles.outcome(prediction == null ? null : prediction.outcome()) : Styles.OUTCOME_UNKNOWN;
    }

    /** Makes the link's shapes (it comes into view up close). */
    LinkGlyph realize(boolean details) {
        if (glyph == null) {
            glyph = new LinkGlyph(linkId, details);
            glyph.update(route, fonts);
            if (predicted) {
                glyph.predict(prediction);
            }
        }
        return glyph;
    }
}
