package io.egressstudio.gui.palette;

import io.egressstudio.gui.canvas.NodeKind;
import java.util.function.BiPredicate;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One item per {@link NodeKind}; drag an item onto the canvas to place it. The drag is plain mouse events (press,
 * drag, release) with a ghost following the pointer on the window's overlay, so it works the same with a mouse, a
 * robot and headless Monocle. Ids: {@code palette-KIND}.
 */
public final class PaletteView {
    /** Where a drop lands: returns whether something was placed. */
    public interface DropTarget extends BiPredicate<NodeKind, double[]> {
    }

    private final VBox root = new VBox(8);
    private final Pane overlay;
    private final DropTarget target;
    private final Label ghost = new Label();

    public PaletteView(Pane overlay, DropTarget target) {
        this.overlay = overlay;
        this.target = target;
        root.setId("palette");
        root.setPadding(new Insets(8));
        Label title = new Label("Palette");
        title.getStyleClass().add("panel-title");
        root.getChildren().add(title);
        for (NodeKind kind : NodeKind.values()) {
            root.getChildren().add(item(kind));
        }
        ghost.getStyleClass().add("ghost");
        ghost.setMouseTransparent(true);
        ghost.setManaged(false);
    }

    public Node root() {
        return root;
    }

    private Node item(NodeKind kind) {
        Label item = new Label(kind.label(), new FontIcon(kind.icon()));
        item.setId("palette-" + kind.slug());
        item.getStyleClass().add("palette-item");
        item.setMaxWidth(Double.MAX_VALUE);
        item.setTooltip(new Tooltip(kind.help() + "\nDrag onto the canvas."));
        item.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            ghost.setText(kind.label());
            ghost.autosize();
            moveGhost(e);
            if (!overlay.getChildren().contains(ghost)) {
                overlay.getChildren().add(ghost);
            }
            e.consume();
        });
        item.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            moveGhost(e);
            e.consume();
        });
        item.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            overlay.getChildren().remove(ghost);
            target.test(kind, new double[] {e.getSceneX(), e.getSceneY()});
            e.consume();
        });
        return item;
    }

    private void moveGhost(MouseEvent e) {
        var p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
        ghost.relocate(p.getX() + 8, p.getY() + 8);
    }
}
