package io.egressstudio.gui.canvas;

import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import java.util.function.BiFunction;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Turns mouse gestures on the canvas into calls on {@link CanvasViewModel}: press on a node selects it (shift adds),
 * dragging moves the selection, dragging from a workload's handle connects it, dragging empty canvas pans (shift:
 * rubber band), the wheel pans and ctrl+wheel zooms. The connect line and the band are drawn in the world's overlay.
 */
final class CanvasGestures {
    private enum Gesture { NONE, MOVE, CONNECT, PAN, BAND }

    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private String connectFrom;
    private final Line connectLine = new Line();
    private final Rectangle band = new Rectangle();

    private final CanvasViewModel vm;
    private final Pane root;
    private final Group overlay;
    /** The link near a world point in the overview (which has no link nodes to pick), null up close or when none. */
    private final BiFunction<Double, Double, String> overviewLinkNear;

    CanvasGestures(CanvasViewModel vm, Pane root, Group overlay, BiFunction<Double, Double, String> overviewLinkNear) {
        this.vm = vm;
        this.root = root;
        this.overlay = overlay;
        this.overviewLinkNear = overviewLinkNear;
        connectLine.getStyleClass().add("connect-line");
        connectLine.setMouseTransparent(true);
        band.getStyleClass().add("rubber-band");
        band.setMouseTransparent(true);
    }

    /** Handles the canvas's presses, drags, releases and wheel turns. */
    void install() {
        root.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        root.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        root.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        root.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }


    private static String idOf(Node node, String prefix) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null && n.getId().startsWith(prefix)) {
                return n.getId().substring(prefix.length());
            }
        }
        return null;
    }

    private void pressed(MouseEvent e) {
        root.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        gesture = Gesture.NONE;
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE) {
            gesture = Gesture.PAN;
            return;
        }
        Node picked = e.getPickResult().getIntersectedNode();
        String handle = idOf(picked, "connect-");
        if (handle != null && vm.canConnectFrom(handle) && !vm.main().readOnlyProperty().get()) {
            gesture = Gesture.CONNECT;
            connectFrom = handle;
            double wx = vm.worldX(e.getX());
            double wy = vm.worldY(e.getY());
            connectLine.setStartX(wx);
            connectLine.setStartY(wy);
            connectLine.setEndX(wx);
            connectLine.setEndY(wy);
            overlay.getChildren().setAll(connectLine);
            e.consume();
            return;
        }
        String link = idOf(picked, "link-");
        if (link != null) {
            select(link, e.isShiftDown() || e.isShortcutDown());
            return;
        }
        Box box = DiagramLayout.hit(vm.diagram(), vm.worldX(e.getX()), vm.worldY(e.getY()));
        if (box == null || box.kind() == NodeKind.NAMESPACE || box.kind() == NodeKind.MESH) {
            String near = overviewLinkNear.apply(vm.worldX(e.getX()), vm.worldY(e.getY()));
            if (near != null) {
                select(near, e.isShiftDown() || e.isShortcutDown());
                return;
            }
        }
        String id = box == null ? null : box.elementId();
        if (id != null) {
            if (e.isShiftDown() || e.isShortcutDown()) {
                vm.main().selection().toggle(id);
            } else if (!vm.main().selection().contains(id)) {
                vm.main().selection().select(id);
            }
            gesture = vm.main().readOnlyProperty().get() ? Gesture.NONE : Gesture.MOVE;
        } else {
            gesture = e.isShiftDown() ? Gesture.BAND : Gesture.PAN;
            if (gesture == Gesture.BAND) {
                band.setX(vm.worldX(e.getX()));
                band.setY(vm.worldY(e.getY()));
                band.setWidth(0);
                band.setHeight(0);
                overlay.getChildren().setAll(band);
            }
        }
    }

    private void select(String id, boolean toggle) {
        if (toggle) {
            vm.main().selection().toggle(id);
        } else {
            vm.main().selection().select(id);
        }
    }

    private void dragged(MouseEvent e) {
        double z = vm.zoomProperty().get();
        switch (gesture) {
            case MOVE -> vm.previewMove((e.getX() - pressX) / z, (e.getY() - pressY) / z);
            case CONNECT -> {
                connectLine.setEndX(vm.worldX(e.getX()));
                connectLine.setEndY(vm.worldY(e.getY()));
            }
            case PAN -> vm.panBy(e.getX() - lastX, e.getY() - lastY);
            case BAND -> {
                double x0 = vm.worldX(Math.min(pressX, e.getX()));
                double y0 = vm.worldY(Math.min(pressY, e.getY()));
                band.setX(x0);
                band.setY(y0);
                band.setWidth(Math.abs(e.getX() - pressX) / z);
                band.setHeight(Math.abs(e.getY() - pressY) / z);
            }
            default -> {
            }
        }
        lastX = e.getX();
        lastY = e.getY();
        e.consume();
    }

    private void released(MouseEvent e) {
        double z = vm.zoomProperty().get();
        boolean moved = Math.abs(e.getX() - pressX) > 2 || Math.abs(e.getY() - pressY) > 2;
        switch (gesture) {
            case MOVE -> vm.commitMove((e.getX() - pressX) / z, (e.getY() - pressY) / z);
            case CONNECT -> {
                overlay.getChildren().clear();
                vm.connect(connectFrom, vm.worldX(e.getX()), vm.worldY(e.getY()));
            }
            case PAN -> {
                if (!moved && e.getButton() == MouseButton.PRIMARY) {
                    vm.main().selection().clear();
                }
            }
            case BAND -> {
                overlay.getChildren().clear();
                vm.selectIn(new Rect(band.getX(), band.getY(), band.getWidth(), band.getHeight()), e.isShortcutDown());
            }
            default -> {
            }
        }
        gesture = Gesture.NONE;
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown() || e.isControlDown()) {
            vm.zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        } else {
            vm.panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }
}
