package io.egressstudio.gui.canvas;

import io.egressstudio.design.DesignFinding;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A mesh, namespace or node box on the canvas (id {@code node-ID}, or the namespace's id), updated in place; made when
 * the box comes into view and dropped when it leaves (see {@link BoxSlot}). Its icon and texts exist only up close
 * (above {@link CanvasView#DETAIL_ZOOM}): in the overview they would be too small to read.
 */
final class BoxGlyph extends Pane {
    /** The findings of an element, for the tooltip (read on hover: findings change with every analysis). */
    private final Function<String, List<DesignFinding>> problems;
    final NodeKind kind;
    /** The icon and texts while shown up close, else null. */
    Text title;
    Text subtitle;
    FontIcon icon;
    Region sidecar;
    Circle handle;
    Box shown;
    Tooltip tooltip;
    Diagram.Fonts styled;
    private Diagram.Fonts fonts = Diagram.Fonts.NORMAL;

    BoxGlyph(Box b, boolean details, Function<String, List<DesignFinding>> problems) {
        this.problems = problems;
        this.kind = b.kind();
        setId(b.kind() == NodeKind.NAMESPACE || b.derived() ? b.id().replace(':', '-') : "node-" + b.id());
        switch (kind) {
            case MESH -> getStyleClass().add("mesh-box");
            case NAMESPACE -> getStyleClass().add("ns-box");
            default -> getStyleClass().addAll("node-box", b.derived() ? "egress-gateway" : kind.slug());
        }
        if (b.derived()) {
            getStyleClass().add(Styles.DERIVED);
        }
        if (kind == NodeKind.WORKLOAD) {
            handle = new Circle(7);
            handle.getStyleClass().add("connect-handle");
            handle.setId("connect-" + b.id());
            getChildren().add(handle);
        }
        // the full texts (and findings) on hover; made on the first hover, not for each of 1,000 boxes
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (tooltip == null) {
                tooltip = new Tooltip();
                Tooltip.install(this, tooltip);
            }
            tooltip.setText(tooltipText());
        });
        details(details);
    }

    private String tooltipText() {
        StringBuilder text = new StringBuilder(shown == null ? "" : shown.title());
        if (shown != null && shown.subtitle() != null && !shown.subtitle().isEmpty()) {
            text.append('\n').append(shown.subtitle());
        }
        for (var f : problems.apply(shown == null ? null : shown.id())) {
            text.append('\n').append(f.severity()).append(' ').append(f.code()).append(": ").append(f.message());
        }
        return text.toString();
    }

    /** Makes the icon and texts (up close) or drops them (the overview). */
    void details(boolean on) {
        if (on == (title != null)) {
            return;
        }
        if (on) {
            icon = new FontIcon(kind.icon());
            icon.getStyleClass().add("glyph-icon");
            icon.setMouseTransparent(true);
            title = new Text();
            subtitle = new Text();
            title.getStyleClass().add("glyph-title");
            subtitle.getStyleClass().add("glyph-subtitle");
            title.setMouseTransparent(true);
            subtitle.setMouseTransparent(true);
            // under the sidecar and the handle, as they were drawn before the texts were made lazily
            getChildren().addAll(0, java.util.List.of(icon, title, subtitle));
            styled = null;
            if (shown != null) {
                style(fonts);
                texts(shown);
            }
        } else {
            getChildren().removeAll(icon, title, subtitle);
            icon = null;
            title = null;
            subtitle = null;
        }
    }

    /**
     * Text sizes and positions for the layout's fonts. The font is set in code as well as inline: the texts are
     * measured (to shorten what does not fit) before the stylesheet is applied to a new glyph.
     */
    private void style(Diagram.Fonts f) {
        if (f.equals(styled) || title == null) {
            return;
        }
        styled = f;
        double s = f.scale();
        GlyphStyles.font(title, f.title(), true);
        GlyphStyles.font(subtitle, f.subtitle(), false);
        GlyphStyles.iconSize(icon, Math.round(14 * s));
        // placed by its top, not its bounds: the inline size is applied after this, and would move it
        icon.setTextOrigin(javafx.geometry.VPos.TOP);
        icon.setLayoutX(8 * s);
        icon.setLayoutY(kind == NodeKind.NAMESPACE ? 4 * s : 5 * s);
        title.setX(28 * s);
        title.setY(kind == NodeKind.NAMESPACE ? DiagramLayout.namespaceBaseline(f) : DiagramLayout.titleBaseline(f));
        subtitle.setX(10 * s);
        subtitle.setY(kind == NodeKind.NAMESPACE ? DiagramLayout.namespaceBaseline(f) : DiagramLayout.subtitleBaseline(f));
    }

    void update(Box b, Diagram.Fonts fonts) {
        // an unchanged box is the very instance shown (DiagramLayout.Reuse): no deep compare
        if (b == shown || b.equals(shown) && fonts.equals(this.fonts)) {
            return;
        }
        shown = b;
        this.fonts = fonts;
        style(fonts);
        double s = fonts.scale();
        Rect r = b.rect();
        relocate(r.x(), r.y());
        setPrefSize(r.w(), r.h());
        resize(r.w(), r.h());
        texts(b);
        double side = sidecarWidth(b);
        if (kind == NodeKind.NAMESPACE) {
            GlyphStyles.setClass(this, "outside", b.owner() == null);
        }
        if (handle != null) {
            handle.setRadius(7 * s);
        }
        if (kind == NodeKind.WORKLOAD) {
            if (b.sidecar() && sidecar == null) {
                sidecar = new Region();
                sidecar.getStyleClass().add("sidecar");
                sidecar.setMouseTransparent(true);
                sidecar.setManaged(false);
                getChildren().add(getChildren().size() - 1, sidecar);
            } else if (!b.sidecar() && sidecar != null) {
                getChildren().remove(sidecar);
                sidecar = null;
            }
            if (sidecar != null) {
                sidecar.resizeRelocate(r.w() - side, 1, side - 1, r.h() - 2);
            }
            handle.setCenterX(r.w());
            handle.setCenterY(r.h() / 2);
        }
    }

    private double sidecarWidth(Box b) {
        return b.sidecar() && kind == NodeKind.WORKLOAD ? DiagramLayout.SIDECAR_W * fonts.scale() : 0;
    }

    /** The title and subtitle, shortened to fit the box (when shown up close). */
    private void texts(Box b) {
        if (title == null) {
            return;
        }
        double s = fonts.scale();
        double w = b.rect().w();
        title.setText(b.title());
        subtitle.setText(b.subtitle());
        if (kind == NodeKind.NAMESPACE) {
            GlyphStyles.fitText(title, w - 36 * s);
            subtitle.setX(28 * s + title.getLayoutBounds().getWidth() + 8 * s);
        } else {
            double side = sidecarWidth(b);
            GlyphStyles.fitText(title, w - 34 * s - side);
            GlyphStyles.fitText(subtitle, w - 16 * s - side);
        }
    }

    /** Whether a text of this box was shortened with an ellipsis (it did not fit). */
    boolean ellipsised() {
        return title != null && title.getText() != null && title.getText().endsWith("\u2026")
                || subtitle != null && subtitle.getText() != null && subtitle.getText().endsWith("\u2026");
    }
}
