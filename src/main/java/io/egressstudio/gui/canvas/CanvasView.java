package io.egressstudio.gui.canvas;

import io.egressstudio.gui.analysis.LinkPrediction;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.theme.Styles;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws the {@link Diagram} as scene-graph shapes, kept in step incrementally (a glyph per element id, reused), and
 * turns mouse gestures into calls on {@link CanvasViewModel}: press on a node selects it (shift adds), dragging moves
 * the selection, dragging from a workload's handle connects it, dragging empty canvas pans (shift: rubber band), the
 * wheel pans and ctrl+wheel zooms. Ids: {@code node-ID}, {@code link-ID}, {@code connect-ID}, {@code ns-MESH-NS}.
 */
public final class CanvasView {
    private final CanvasViewModel vm;
    private final Pane root = new Pane();
    private final Group world = new Group();
    private final Group meshLayer = new Group();
    private final Group nsLayer = new Group();
    private final Group linkLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group overlay = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Map<String, BoxGlyph> boxes = new HashMap<>();
    private final Map<String, LinkGlyph> links = new HashMap<>();

    private enum Gesture { NONE, MOVE, CONNECT, PAN, BAND }

    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private String connectFrom;
    private final Line connectLine = new Line();
    private final Rectangle band = new Rectangle();

    public CanvasView(CanvasViewModel vm) {
        this.vm = vm;
        root.setId("canvas");
        root.getStyleClass().add("canvas");
        root.setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
        world.getTransforms().add(scale);
        world.translateXProperty().bind(vm.panXProperty());
        world.translateYProperty().bind(vm.panYProperty());
        scale.xProperty().bind(vm.zoomProperty());
        scale.yProperty().bind(vm.zoomProperty());
        world.getChildren().addAll(meshLayer, nsLayer, linkLayer, nodeLayer, overlay);
        root.getChildren().add(world);
        connectLine.getStyleClass().add("connect-line");
        connectLine.setMouseTransparent(true);
        band.getStyleClass().add("rubber-band");
        band.setMouseTransparent(true);

        vm.diagramProperty().addListener((o, a, b) -> render(b));
        vm.main().analysisProperty().addListener((o, a, b) -> applyPredictions());
        vm.main().selection().ids().addListener((ListChangeListener<String>) c -> applySelection());
        root.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        root.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        root.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        root.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        render(vm.diagram());
    }

    public Pane root() {
        return root;
    }

    /** Scene coordinates to world coordinates (for palette drops). */
    public Point2D sceneToWorld(double sceneX, double sceneY) {
        Point2D local = root.sceneToLocal(sceneX, sceneY);
        return new Point2D(vm.worldX(local.getX()), vm.worldY(local.getY()));
    }

    public boolean containsScene(double sceneX, double sceneY) {
        Point2D local = root.sceneToLocal(sceneX, sceneY);
        return local != null && root.contains(local);
    }

    public void fit() {
        vm.fit(root.getWidth(), root.getHeight());
    }

    // ---- rendering ---------------------------------------------------------------------------------------------

    private void render(Diagram d) {
        Set<String> seen = new HashSet<>();
        sync(d.meshes(), meshLayer, seen);
        sync(d.namespaces(), nsLayer, seen);
        sync(d.nodes(), nodeLayer, seen);
        boxes.keySet().removeIf(id -> {
            if (!seen.contains(id)) {
                BoxGlyph g = boxes.get(id);
                ((Group) g.getParent()).getChildren().remove(g);
                return true;
            }
            return false;
        });
        Set<String> seenLinks = new HashSet<>();
        for (Route r : d.links()) {
            seenLinks.add(r.id());
            LinkGlyph g = links.get(r.id());
            if (g == null) {
                g = new LinkGlyph(r.id());
                links.put(r.id(), g);
                linkLayer.getChildren().add(g);
            }
            g.update(r);
        }
        links.keySet().removeIf(id -> {
            if (!seenLinks.contains(id)) {
                linkLayer.getChildren().remove(links.get(id));
                return true;
            }
            return false;
        });
        applyPredictions();
        applySelection();
    }

    private void sync(List<Box> list, Group layer, Set<String> seen) {
        for (Box b : list) {
            seen.add(b.id());
            BoxGlyph g = boxes.get(b.id());
            if (g != null && g.kind != b.kind()) {
                layer.getChildren().remove(g);
                g = null;
            }
            if (g == null) {
                g = new BoxGlyph(b);
                boxes.put(b.id(), g);
                layer.getChildren().add(g);
            }
            g.update(b);
        }
    }

    private void applyPredictions() {
        for (LinkGlyph g : links.values()) {
            g.predict(vm.prediction(g.linkId));
        }
    }

    private void applySelection() {
        Set<String> selected = new HashSet<>(vm.main().selection().ids());
        boxes.forEach((id, g) -> setClass(g, Styles.SELECTED, selected.contains(id)));
        links.forEach((id, g) -> setClass(g, Styles.SELECTED, selected.contains(id)));
    }

    private static void setClass(Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }

    /** A mesh, namespace or node box. */
    private static final class BoxGlyph extends Pane {
        final NodeKind kind;
        final Text title = new Text();
        final Text subtitle = new Text();
        Region sidecar;
        Circle handle;

        BoxGlyph(Box b) {
            this.kind = b.kind();
            setId(b.kind() == NodeKind.NAMESPACE ? b.id().replace(':', '-') : "node-" + b.id());
            title.getStyleClass().add("glyph-title");
            subtitle.getStyleClass().add("glyph-subtitle");
            title.setMouseTransparent(true);
            subtitle.setMouseTransparent(true);
            switch (kind) {
                case MESH -> getStyleClass().add("mesh-box");
                case NAMESPACE -> getStyleClass().add("ns-box");
                default -> getStyleClass().addAll("node-box", kind.slug());
            }
            FontIcon icon = new FontIcon(switch (kind) {
                case MESH -> Feather.LAYERS;
                case NAMESPACE -> Feather.FOLDER;
                case WORKLOAD -> Feather.BOX;
                case EGRESS_GATEWAY -> Feather.LOG_OUT;
                case EXTERNAL_SERVICE -> Feather.GLOBE;
                case MESH_INGRESS -> Feather.LOG_IN;
            });
            icon.getStyleClass().add("glyph-icon");
            icon.setMouseTransparent(true);
            icon.relocate(8, 6);
            title.setX(28);
            title.setY(kind == NodeKind.NAMESPACE ? 15 : 18);
            subtitle.setX(kind == NodeKind.NAMESPACE ? 28 : 10);
            subtitle.setY(kind == NodeKind.NAMESPACE ? 15 : 36);
            getChildren().addAll(icon, title, subtitle);
            if (kind == NodeKind.WORKLOAD) {
                handle = new Circle(7);
                handle.getStyleClass().add("connect-handle");
                handle.setId("connect-" + b.id());
                getChildren().add(handle);
            }
        }

        void update(Box b) {
            Rect r = b.rect();
            relocate(r.x(), r.y());
            setPrefSize(r.w(), r.h());
            resize(r.w(), r.h());
            title.setText(b.title());
            subtitle.setText(b.subtitle());
            if (kind != NodeKind.MESH && kind != NodeKind.NAMESPACE) {
                fitText(title, r.w() - 36 - (b.sidecar() ? DiagramLayout.SIDECAR_W : 0));
                fitText(subtitle, r.w() - 16 - (b.sidecar() ? DiagramLayout.SIDECAR_W : 0));
            }
            if (kind == NodeKind.NAMESPACE) {
                subtitle.setX(28 + title.getLayoutBounds().getWidth() + 8);
                setClass(this, "outside", b.owner() == null);
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
                    sidecar.resizeRelocate(r.w() - DiagramLayout.SIDECAR_W, 1, DiagramLayout.SIDECAR_W - 1, r.h() - 2);
                }
                handle.setCenterX(r.w());
                handle.setCenterY(r.h() / 2);
            }
        }
    }

    /** Shortens a text with an ellipsis until it fits the width. */
    private static void fitText(Text text, double width) {
        String full = text.getText();
        if (full == null || text.getLayoutBounds().getWidth() <= width) {
            return;
        }
        for (int n = full.length() - 1; n > 3; n--) {
            text.setText(full.substring(0, n) + "…");
            if (text.getLayoutBounds().getWidth() <= width) {
                return;
            }
        }
    }

    /** A link: one line per hop, coloured by the predicted outcome, each hop labelled with its TLS (and a lock). */
    private static final class LinkGlyph extends Group {
        final String linkId;
        final Tooltip tooltip = new Tooltip();
        List<Hop> hops = List.of();
        String outcomeClass = Styles.OUTCOME_UNKNOWN;
        LinkPrediction prediction;
        Object drawn;

        LinkGlyph(String id) {
            this.linkId = id;
            setId("link-" + id);
            getStyleClass().addAll("link", outcomeClass);
            Tooltip.install(this, tooltip);
            tooltip.setText("No prediction yet");
        }

        void update(Route r) {
            hops = r.hops();
            redraw();
        }

        void predict(LinkPrediction p) {
            String next = Styles.outcome(p == null ? null : p.outcome());
            if (!next.equals(outcomeClass)) {
                getStyleClass().remove(outcomeClass);
                getStyleClass().add(next);
                outcomeClass = next;
            }
            tooltip.setText(p == null ? "No prediction" : p.outcome() + "\n" + p.explanationText());
            prediction = p;
            redraw();
        }

        /** Rebuilds the shapes only when what they show changed (thousands of links, one analysis each edit). */
        private void redraw() {
            Object key = List.of(hops, prediction == null ? List.of() : prediction.hops());
            if (!key.equals(drawn)) {
                drawn = key;
                draw(prediction);
            }
        }

        private void draw(LinkPrediction p) {
            getChildren().clear();
            // predicted proxy hops replace the designed ones when they line up (the first designed hop may be app → sidecar)
            int offset = hops.size() > 0 && hops.get(0).from().x() > hops.get(0).to().x() - 20 ? 1 : 0;
            for (int i = 0; i < hops.size(); i++) {
                Hop h = hops.get(i);
                String label = h.label();
                boolean encrypted = h.encrypted();
                if (p != null && i >= offset && i - offset < p.hops().size() && p.hops().size() == hops.size() - offset) {
                    LinkPrediction.HopView predicted = p.hops().get(i - offset);
                    label = predicted.encryption();
                    encrypted = predicted.encrypted();
                }
                Line line = new Line(h.from().x(), h.from().y(), h.to().x(), h.to().y());
                line.getStyleClass().addAll("hop", encrypted ? Styles.ENCRYPTED : "plain");
                getChildren().add(line);
                double mx = (h.from().x() + h.to().x()) / 2;
                double my = (h.from().y() + h.to().y()) / 2;
                boolean inside = i < offset;
                Text text = new Text(label);
                text.getStyleClass().add("hop-label");
                text.setX(inside ? h.from().x() - 4 : mx + (encrypted ? 8 : -text.getLayoutBounds().getWidth() / 2));
                text.setY(inside ? h.from().y() - 8 : my - 6);
                if (!inside) {
                    getChildren().add(text);
                    if (encrypted) {
                        FontIcon lock = new FontIcon(Feather.LOCK);
                        lock.getStyleClass().add("hop-lock");
                        lock.setX(mx - 6);
                        lock.setY(my - 4);
                        getChildren().add(lock);
                    }
                }
            }
            if (!hops.isEmpty()) {
                Hop last = hops.get(hops.size() - 1);
                double ex = last.to().x();
                double ey = last.to().y();
                double angle = Math.atan2(ey - last.from().y(), ex - last.from().x());
                Polygon arrow = new Polygon(ex, ey,
                        ex - 10 * Math.cos(angle - 0.4), ey - 10 * Math.sin(angle - 0.4),
                        ex - 10 * Math.cos(angle + 0.4), ey - 10 * Math.sin(angle + 0.4));
                arrow.getStyleClass().add("arrow");
                getChildren().add(arrow);
            }
        }
    }

    // ---- gestures ----------------------------------------------------------------------------------------------

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
        String id = box == null ? null : box.kind() == NodeKind.NAMESPACE ? box.owner() : box.id();
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
