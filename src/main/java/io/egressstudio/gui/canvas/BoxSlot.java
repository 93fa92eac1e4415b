package io.egressstudio.gui.canvas;

import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import javafx.scene.Group;

/**
 * What the canvas knows of one mesh, namespace or node box, kept for every box: the box and where it is drawn. Its
 * node (a {@link BoxGlyph}) exists only while the box is in view (see {@link LinkSlot} for why).
 */
final class BoxSlot {
    final NodeKind kind;
    /** The layer its glyph is drawn in (meshes, namespaces, nodes). */
    final Group layer;
    Box shown;
    Diagram.Fonts fonts;
    Rect bounds;
    /** The box's node while it is shown, else null. */
    BoxGlyph glyph;

    BoxSlot(NodeKind kind, Group layer) {
        this.kind = kind;
        this.layer = layer;
    }

    void update(Box b, Diagram.Fonts f) {
        if (b == shown || b.equals(shown) && f.equals(fonts)) {
            return;
        }
        shown = b;
        fonts = f;
        double s = f.scale();
        // with its badges, which sit over its top-right corner
        bounds = b.rect().grow(2, DiagramLayout.BADGE * s, DiagramLayout.BADGE * s + 10, 2);
        if (glyph != null) {
            glyph.update(b, f);
        }
    }
}
