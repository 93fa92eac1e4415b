package io.egressstudio.gui.canvas;

import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.theme.Styles;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The shapes of one hop: its line, its TLS label and, when encrypted, a lock. */
final class HopShapes {
    private static final PseudoClass ENCRYPTED = PseudoClass.getPseudoClass(Styles.ENCRYPTED);
    private static final PseudoClass PLAIN = PseudoClass.getPseudoClass("plain");
    /** Plaintext hops are dashed where the dashes can be seen; below {@link CanvasView#DETAIL_ZOOM} dashes would be
     *  sub-pixel and the software rasterizer spends most of a redraw cutting them. */
    private static final Double[] PLAIN_DASH = {6.0, 4.0};
    final Line line = new Line();
    final Text label = new Text();
    FontIcon lock;
    boolean inside;
    boolean encrypted;

    HopShapes() {
        line.getStyleClass().add("hop");
        label.getStyleClass().add("hop-label");
    }

    /** Returns whether the hop's nodes changed (a label or lock appeared or went). */
    boolean update(Hop h, String text, boolean encrypted, boolean inside, boolean details, Diagram.Fonts f) {
        boolean structure = inside != this.inside || encrypted != this.encrypted;
        this.inside = inside;
        this.encrypted = encrypted;
        line.setStartX(h.from().x());
        line.setStartY(h.from().y());
        line.setEndX(h.to().x());
        line.setEndY(h.to().y());
        line.pseudoClassStateChanged(ENCRYPTED, encrypted);
        line.pseudoClassStateChanged(PLAIN, !encrypted);
        boolean normal = f.equals(Diagram.Fonts.NORMAL);
        GlyphStyles.font(label, f.label(), false);
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
        Rect box = h.labelBox();
        if (box == null) {
            double mx = (h.from().x() + h.to().x()) / 2;
            double my = (h.from().y() + h.to().y()) / 2;
            box = new Rect(mx - 30, my - 6 - f.label() * 1.3, 60, f.label() * 1.3);
        }
        double lockW = encrypted ? DiagramLayout.lockWidth(f) : 0;
        if (!inside) {
            label.setX(box.x() + lockW);
            label.setY(box.y() + f.label());
        }
        if (encrypted && !inside) {
            if (lock == null) {
                lock = new FontIcon(Feather.LOCK);
                lock.getStyleClass().add("hop-lock");
                structure = true;
            }
            GlyphStyles.iconSize(lock, normal ? 0 : Math.round(f.label() * 1.1));
            lock.setX(box.x());
            lock.setY(box.y() + f.label() * 1.05);
        }
        details(details);
        return structure;
    }

    void decorations(List<Node> children) {
        if (!inside) {
            children.add(label);
            if (encrypted && lock != null) {
                children.add(lock);
            }
        }
    }

    void details(boolean on) {
        label.setVisible(on);
        if (lock != null) {
            lock.setVisible(on);
        }
        // antialiasing samples each pixel row 8 times: thin overview lines are drawn without it
        line.setSmooth(on);
        boolean dashed = on && !encrypted;
        if (dashed != !line.getStrokeDashArray().isEmpty()) {
            if (dashed) {
                line.getStrokeDashArray().setAll(PLAIN_DASH);
            } else {
                line.getStrokeDashArray().clear();
            }
        }
    }
}
