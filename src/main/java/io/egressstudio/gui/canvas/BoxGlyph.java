package io.egressstudio.gui.canvas;

import io.egressstudio.design.DesignFinding;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/** A mesh, namespace or node box on the canvas (id {@code node-ID}, or the namespace's id), updated in place. */
final class BoxGlyph extends Pane {
    /** The findings of an element, for the tooltip (read on hover: findings change with every analysis). */
    private final Function<String, List<DesignFinding>> problems;
    final NodeKind kind;
    final Text title = new Text();
    final Text subtitle = new Text();
    final FontIcon icon;
    Region sidecar;
    Circle handle;
    Box shown;
    Rect bounds;
    Group layer;
    Tooltip tooltip;
    Diagram.Fonts styled;

    BoxGlyph(Box b, boolean details, Function<String, List<DesignFinding>> problems) {
        this.problems = problems;
        this.kind = b.kind();
        setId(b.kind() == NodeKind.NAMESPACE || b.derived() ? b.id().replace(':', '-') : "node-" + b.id());
        title.getStyleClass().add("glyph-title");
        subtitle.getStyleClass().add("glyph-subtitle");
        title.setMouseTransparent(true);
        subtitle.setMouseTransparent(true);
        switch (kind) {
            case MESH -> getStyleClass().add("mesh-box");
            case NAMESPACE -> getStyleClass().add("ns-box");
            default -> getStyleClass().addAll("node-box", b.derived() ? "egress-gateway" : kind.slug());
        }
        if (b.derived()) {
            getStyleClass().add(Styles.DERIVED);
        }
        icon = new FontIcon(kind.icon());
        icon.getStyleClass().add("glyph-icon");
        icon.setMouseTransparent(true);
        getChildren().addAll(icon, title, subtitle);
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

    void details(boolean on) {
        icon.setVisible(on);
        title.setVisible(on);
        subtitle.setVisible(on);
    }

    /**
     * Text sizes and positions for the layout's fonts. The font is set in code as well as inline: the texts are
     * measured (to shorten what does not fit) before the stylesheet is applied to a new glyph.
     */
    private void style(Diagram.Fonts f) {
        if (f.equals(styled)) {
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
        if (handle != null) {
            handle.setRadius(7 * s);
        }
    }

    void update(Box b, Diagram.Fonts fonts) {
        // an unchanged box is the very instance shown (DiagramLayout.Reuse): no deep compare
        if (b == shown || b.equals(shown) && fonts.equals(styled)) {
            return;
        }
        shown = b;
        style(fonts);
        double s = fonts.scale();
        Rect r = b.rect();
        bounds = r.grow(2, DiagramLayout.BADGE * s, DiagramLayout.BADGE * s + 10, 2);
        relocate(r.x(), r.y());
        setPrefSize(r.w(), r.h());
        resize(r.w(), r.h());
        title.setText(b.title());
        subtitle.setText(b.subtitle());
        double side = b.sidecar() && kind == NodeKind.WORKLOAD ? DiagramLayout.SIDECAR_W * s : 0;
        if (kind == NodeKind.NAMESPACE) {
            GlyphStyles.fitText(title, r.w() - 36 * s);
            subtitle.setX(28 * s + title.getLayoutBounds().getWidth() + 8 * s);
            GlyphStyles.setClass(this, "outside", b.owner() == null);
        } else {
            GlyphStyles.fitText(title, r.w() - 34 * s - side);
            GlyphStyles.fitText(subtitle, r.w() - 16 * s - side);
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

    /** Whether a text of this box was shortened with an ellipsis (it did not fit). */
    boolean ellipsised() {
        return title.getText() != null && title.getText().endsWith("\u2026")
                || subtitle.getText() != null && subtitle.getText().endsWith("\u2026");
    }
}
