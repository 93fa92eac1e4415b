package io.egressstudio.gui.canvas;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignFinding;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.theme.Styles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

/**
 * Draws the {@link Diagram} as scene-graph shapes, kept in step incrementally (a {@link BoxGlyph} or {@link LinkGlyph}
 * per element id, reused); {@link CanvasGestures} turns mouse gestures into calls on {@link CanvasViewModel}. Ids:
 * {@code node-ID}, {@code link-ID}, {@code connect-ID}, {@code ns-MESH-NS}.
 *
 * <p>Large diagrams stay fluid: panning only moves one transformed group; a glyph is touched only when its part of
 * the diagram (or its prediction) changed; glyphs far outside the viewport are hidden (culled, with a margin so most
 * pan frames change nothing but the translation) and the shown region is clipped and cached as one bitmap, so a pan
 * frame is a blit; below {@link #DETAIL_ZOOM} the unreadable texts and icons are not drawn and the links are one
 * image drawn off the FX thread ({@link OverviewLinks}, decision 0010).
 */
public final class CanvasView {
    private final CanvasViewModel vm;
    private final Pane root = new Pane();
    private final Group world = new Group();
    private final Group meshLayer = new Group();
    private final Group nsLayer = new Group();
    /** Meshes and namespaces: cached on their own in the overview, under the links' image. */
    private final Group boxesUnder = new Group(meshLayer, nsLayer);
    private final Group linkLayer = new Group();
    private final Group peeringLayer = new Group();
    private final Group nodeLayer = new Group();
    /** Badges over the boxes and links: "new in this step" and findings. */
    private final Group markLayer = new Group();
    private final Label emptyHint = new Label(EMPTY_HINT);
    /** Keeps the view fitted as the diagram and the canvas size change, from a Fit until the user pans or zooms. */
    private boolean autoFit;
    private Diagram.Fonts fonts = Diagram.Fonts.NORMAL;
    private final Map<String, CanvasBadges.Mark> marks = new HashMap<>();
    private final Group overlay = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Map<String, BoxSlot> boxes = new HashMap<>();
    private final Map<String, LinkSlot> links = new HashMap<>();
    /**
     * Below this zoom texts, icons, locks and dashes are too small to read and are not drawn, and links are drawn as
     * pixels by {@link LinkRaster} instead of shapes.
     */
    static final double DETAIL_ZOOM = 0.45;
    private final Rectangle cullClip = new Rectangle();
    /** The overview's links, drawn by {@link LinkRaster} off the FX thread; glyphs stand in for them at detail zoom. */
    private final OverviewLinks overview;
    private Rect culled;
    private boolean details = true;
    private Set<String> selectedShown = Set.of();


    /** What an empty canvas says. */
    public static final String EMPTY_HINT =
            "Drag a Mesh from the palette to start, or open a template: File \u25B8 New from template";

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
        overview = new OverviewLinks(vm, links.values(), () -> details ? null : culled);
        world.getChildren().addAll(boxesUnder, peeringLayer, linkLayer, overview.image(), nodeLayer, markLayer, overlay,
                overview.colourProbes());
        markLayer.setMouseTransparent(false);
        emptyHint.setId("canvas-empty-hint");
        emptyHint.getStyleClass().add(Styles.CANVAS_EMPTY_HINT);
        emptyHint.setMouseTransparent(true);
        emptyHint.setManaged(false);
        emptyHint.layoutXProperty().bind(root.widthProperty().subtract(emptyHint.widthProperty()).divide(2));
        emptyHint.layoutYProperty().bind(root.heightProperty().subtract(emptyHint.heightProperty()).divide(2));
        root.getChildren().addAll(world, emptyHint);

        vm.diagramProperty().addListener((o, a, b) -> {
            render(b);
            refit();
            settle();
        });
        vm.main().analysisProperty().addListener((o, a, b) -> {
            applyPredictions();
            applyMarks(false);
        });
        vm.highlighted().addListener((javafx.collections.SetChangeListener<String>) c -> applyMarks(false));
        vm.presentingProperty().addListener((o, a, b) -> {
            GlyphStyles.setClass(root, Styles.PRESENTING, b);
            // another layout, other text sizes: fitted again
            fit();
        });
        GlyphStyles.setClass(root, Styles.PRESENTING, vm.presentingProperty().get());
        // a gesture on the canvas ends keeping it fitted
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> autoFit = false);
        root.addEventFilter(ScrollEvent.SCROLL, e -> autoFit = false);
        root.addEventFilter(javafx.scene.input.DragEvent.DRAG_ENTERED, e -> autoFit = false);
        vm.main().selection().ids().addListener((ListChangeListener<String>) c -> applySelection());
        new CanvasGestures(vm, root, overlay, (x, y) -> details ? null : overview.linkNear(x, y)).install();
        vm.panXProperty().addListener((o, a, b) -> cull(false));
        vm.panYProperty().addListener((o, a, b) -> cull(false));
        vm.zoomProperty().addListener((o, a, b) -> {
            boolean was = details;
            applyDetails();
            cull(was != details);
        });
        vm.main().selection().ids().addListener((ListChangeListener<String>) c -> overview.rasterize());
        root.widthProperty().addListener((o, a, b) -> {
            cull(false);
            refit();
            settle();
        });
        root.heightProperty().addListener((o, a, b) -> {
            cull(false);
            refit();
            settle();
        });
        render(vm.diagram());
    }

    public Pane root() {
        return root;
    }

    public CanvasViewModel viewModel() {
        return vm;
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

    /**
     * The node that draws a link (id {@code link-ID}, its outcome as the pseudo-class {@code :outcome-…}); null for an
     * unknown link or one not drawn as shapes now (out of view, or in the overview, where the links are one image).
     */
    public Node linkNode(String linkId) {
        LinkSlot slot = links.get(linkId);
        return slot == null ? null : slot.glyph;
    }

    /**
     * Fits everything drawn into the canvas, and keeps it fitted while the diagram or the canvas size change (a new
     * template's diagram, its predicted routes, the window's first layout) until the diagram is analysed and a layout
     * pass has happened, or the user presses, scrolls or drags onto the canvas: a caller may fit before the canvas has
     * its size or its diagram.
     */
    public void fit() {
        autoFit = true;
        pulsed = false;
        applied = false;
        refit();
        if (root.getScene() != null) {
            Runnable again = new Runnable() {
                @Override
                public void run() {
                    root.getScene().removePostLayoutPulseListener(this);
                    pulsed = true;
                    refit();
                    settle();
                }
            };
            root.getScene().addPostLayoutPulseListener(again);
            Platform.requestNextPulse();
        } else {
            pulsed = true;
        }
    }

    /** Whether the canvas still keeps itself fitted (since {@link #fit()}, until settled or a gesture). */
    public boolean fitted() {
        return autoFit;
    }

    private boolean pulsed;
    /** Whether a fit was applied at a real size since {@link #fit()}. */
    private boolean applied;

    /** Stops keeping the view fitted once it shows the analysed diagram at its size: later edits keep the view. */
    private void settle() {
        DesignAnalysis a = vm.main().analysis();
        if (autoFit && pulsed && applied && a != null && a.scenario() == vm.main().shown()) {
            autoFit = false;
        }
    }

    private boolean refitting;

    private void refit() {
        if (!autoFit || refitting || root.getWidth() <= 0 || root.getHeight() <= 0) {
            return;
        }
        refitting = true;
        try {
            vm.fit(root.getWidth(), root.getHeight());
            applied = true;
        } finally {
            refitting = false;
        }
    }

    // ---- rendering ---------------------------------------------------------------------------------------------

    private void render(Diagram d) {
        if (!d.fonts().equals(fonts)) {
            fonts = d.fonts();
            applyDetails();
            boxes.values().forEach(g -> g.shown = null);
            links.values().forEach(g -> g.route = null);
            boxes.values().forEach(g -> {
                if (g.glyph != null) {
                    g.glyph.shown = null;
                }
            });
        }
        emptyHint.setVisible(vm.isEmpty());
        renderPeerings(d);
        Set<String> seen = new HashSet<>();
        sync(d.meshes(), meshLayer, seen);
        sync(d.namespaces(), nsLayer, seen);
        sync(d.nodes(), nodeLayer, seen);
        boxes.keySet().removeIf(id -> {
            if (!seen.contains(id)) {
                BoxSlot g = boxes.get(id);
                if (g.glyph != null) {
                    g.layer.getChildren().remove(g.glyph);
                }
                return true;
            }
            return false;
        });
        Set<String> seenLinks = new HashSet<>();
        for (Route r : d.links()) {
            seenLinks.add(r.id());
            links.computeIfAbsent(r.id(), LinkSlot::new).update(r, fonts);
        }
        links.keySet().removeIf(id -> {
            if (!seenLinks.contains(id)) {
                LinkGlyph g = links.get(id).glyph;
                if (g != null) {
                    linkLayer.getChildren().remove(g);
                }
                return true;
            }
            return false;
        });
        applyPredictions();
        applySelection();
        applyMarks(true);
        cull(true);
    }

    /** Federations: a dashed line between the two meshes, under the links. */
    private Object peeringsShown = List.of();

    private void renderPeerings(Diagram d) {
        Object key = List.of(d.peerings(), d.fonts());
        if (key.equals(peeringsShown)) {
            return;
        }
        peeringsShown = key;
        List<Node> lines = new ArrayList<>();
        for (Diagram.Peering p : d.peerings()) {
            Line line = new Line(p.from().x(), p.from().y(), p.to().x(), p.to().y());
            line.setId("peering-" + p.id());
            line.getStyleClass().add(Styles.PEERING);
            line.setStyle("-fx-stroke-width: " + 4 * fonts.scale() + ";");
            Tooltip.install(line, new Tooltip("Federation " + p.id() + ": " + p.meshA() + " \u2194 " + p.meshB()
                    + " (ServiceMeshPeer on each side)"));
            lines.add(line);
        }
        peeringLayer.getChildren().setAll(lines);
    }

    /** The line of a federation peering, null when none is drawn (for tests and overlays). */
    public Node peeringNode(String federationId) {
        for (Node n : peeringLayer.getChildren()) {
            if (("peering-" + federationId).equals(n.getId())) {
                return n;
            }
        }
        return null;
    }

    /** The glyph of a box by element id (for tests and overlays), null when none or when it is out of view. */
    public Node boxNode(String id) {
        BoxSlot slot = boxes.get(id);
        return slot == null ? null : slot.glyph;
    }

    // ---- marks: new in this step, findings ---------------------------------------------------------------------

    private Set<String> highlightedShown = Set.of();
    private Object findingsShown;

    /**
     * Marks what the shown step added or changed (accent outline and a "new" badge) and what has an ERROR or WARNING
     * finding (a coloured "!" badge whose tooltip says the findings). Only marks whose box, link or findings changed
     * are made again (a large scenario has hundreds of findings and is laid out twice per edit).
     */
    private void applyMarks(boolean redraw) {
        Set<String> highlighted = new HashSet<>(vm.highlighted());
        DesignAnalysis a = vm.main().analysis();
        Object findings = a == null ? null : a.findings();
        if (!redraw && findings == findingsShown && highlighted.equals(highlightedShown)) {
            return;
        }
        Map<String, List<DesignFinding>> problems = problems(a);
        Set<String> classed = new HashSet<>(highlightedShown);
        classed.addAll(highlighted);
        for (String id : classed) {
            Node g = glyphOf(id);
            if (g != null) {
                GlyphStyles.setClass(g, Styles.NEW_IN_STEP, highlighted.contains(id));
            }
        }
        Set<String> ids = new HashSet<>(marks.keySet());
        ids.addAll(highlighted);
        ids.addAll(problems.keySet());
        List<Node> gone = new ArrayList<>();
        List<Node> made = new ArrayList<>();
        for (String id : ids) {
            boolean isNew = highlighted.contains(id);
            BoxSlot box = boxes.get(id);
            LinkSlot link = links.get(id);
            List<DesignFinding> found = box == null && link == null ? List.of() : problems.getOrDefault(id, List.of());
            Object anchor = box != null ? box.shown : link != null ? link.route : null;
            CanvasBadges.Mark m = marks.get(id);
            if (m != null && m.anchor() == anchor && m.isNew() == isNew && m.fonts().equals(fonts)
                    && (m.found() == found || m.look().equals(CanvasBadges.look(found)))) {
                continue;
            }
            if (m != null) {
                if (m.shownGroup() != null) {
                    gone.add(m.shownGroup());
                }
                marks.remove(id);
            }
            if (anchor != null && (isNew || !found.isEmpty())) {
                List<Diagram.Hop> hops = link != null ? link.route.hops() : List.of();
                CanvasBadges.Mark next = CanvasBadges.make(id, anchor, box != null ? box.shown : null,
                        hops.isEmpty() ? null : hops.get(hops.size() - 1), isNew, found, fonts);
                if (next != null) {
                    marks.put(id, next);
                    // badges are drawn up close only (as the culling does)
                    if (details && culled != null && next.bounds().intersects(culled)) {
                        made.add(next.group());
                    }
                }
            }
        }
        markLayer.getChildren().removeAll(gone);
        markLayer.getChildren().addAll(made);
        highlightedShown = highlighted;
        findingsShown = findings;
    }

    private Object problemsOf;
    private Map<String, List<DesignFinding>> problems = Map.of();

    /**
     * The ERROR and WARNING findings by element or link id, computed once per analysis: the diagram is laid out (and
     * the marks checked) twice per edit, and a large scenario has thousands of findings.
     */
    private Map<String, List<DesignFinding>> problems(DesignAnalysis a) {
        Object findings = a == null ? null : a.findings();
        if (findings != problemsOf) {
            Map<String, List<DesignFinding>> byId = new HashMap<>();
            if (a != null) {
                for (DesignFinding f : a.findings()) {
                    String id = f.elementId();
                    if (id != null && ("ERROR".equalsIgnoreCase(f.severity())
                            || "WARNING".equalsIgnoreCase(f.severity()))) {
                        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
                    }
                }
            }
            problems = byId;
            problemsOf = findings;
        }
        return problems;
    }

    // ---- culling and level of detail ---------------------------------------------------------------------------

    /**
     * Shows the glyphs that touch the viewport grown by half its size on every side (a quarter in the overview),
     * hides the others and clips the world to that region (so its cached bitmap stays about four viewports). Recomputed only when the viewport leaves
     * the region, the zoom makes it much larger than needed, or the diagram changed ({@code force}).
     */
    private void cull(boolean force) {
        double w = root.getWidth();
        double h = root.getHeight();
        double z = vm.zoomProperty().get();
        if (w <= 0 || h <= 0 || z <= 0) {
            return;
        }
        Rect view = new Rect(-vm.panXProperty().get() / z, -vm.panYProperty().get() / z, w / z, h / z);
        if (!force && culled != null && inside(view, culled) && culled.w() <= 2.5 * view.w()) {
            return;
        }
        // the overview's cached bitmap is redrawn on every edit (its links change colour): a smaller margin keeps
        // that redraw cheaper, at the price of more frequent re-culling while panning
        double margin = details ? 0.5 : 0.25;
        culled = view.grow(view.w() * margin, view.h() * margin, view.w() * margin, view.h() * margin);
        cullClip.setX(culled.x());
        cullClip.setY(culled.y());
        cullClip.setWidth(culled.w());
        cullClip.setHeight(culled.h());
        if (world.getClip() == null) {
            world.setClip(cullClip);
        }
        cacheLayers();
        Map<Group, Set<Node>> attach = new HashMap<>();
        Map<Group, Set<Node>> detach = new HashMap<>();
        for (BoxSlot g : boxes.values()) {
            boolean shown = g.bounds != null && g.bounds.intersects(culled);
            if (shown && g.glyph == null) {
                realize(g);
            }
            if (g.glyph != null) {
                place(g.glyph, g.layer, shown, attach, detach);
            }
            if (!shown) {
                g.glyph = null;
            }
        }
        for (LinkSlot g : links.values()) {
            boolean shown = details && g.bounds != null && g.bounds.intersects(culled);
            if (shown && g.glyph == null) {
                realize(g);
            }
            if (g.glyph != null) {
                place(g.glyph, linkLayer, shown, attach, detach);
            }
            if (!shown) {
                g.glyph = null;
            }
        }
        for (CanvasBadges.Mark m : marks.values()) {
            boolean shown = details && m.bounds().intersects(culled);
            if (shown || m.shownGroup() != null) {
                place(m.group(), markLayer, shown, attach, detach);
            }
            if (!shown) {
                m.release();
            }
        }
        // in batches: one change per layer
        detach.forEach((layer, nodes) -> layer.getChildren().removeAll(nodes));
        attach.forEach((layer, nodes) -> layer.getChildren().addAll(nodes));
        overview.show(!details);
        overview.rasterize();
    }

    /**
     * Up close the whole world is one cached bitmap (a pan frame is one blit). In the overview the boxes under the
     * links and the boxes over them are cached apart and the links' image sits between them, so an edit that recolours
     * links redraws no cached bitmap, and one that changes a node redraws only the bitmap it is in.
     */
    private void cacheLayers() {
        world.setCache(details);
        boxesUnder.setCache(!details);
        nodeLayer.setCache(!details);
    }


    /**
     * Culled glyphs leave the scene graph rather than turning invisible: each pulse walks every node in the scene
     * (bounds), and thousands of hidden glyphs would cost milliseconds per frame. They are dropped, not kept: a node
     * with its CSS state costs kilobytes, and a large scenario has thousands (made again when they come back into view).
     */
    private static void place(Node glyph, Group layer, boolean shown, Map<Group, Set<Node>> attach,
                              Map<Group, Set<Node>> detach) {
        boolean attached = glyph.getParent() == layer;
        if (shown && !attached) {
            attach.computeIfAbsent(layer, k -> new java.util.LinkedHashSet<>()).add(glyph);
        } else if (!shown && attached) {
            detach.computeIfAbsent(layer, k -> new HashSet<>()).add(glyph);
        }
    }

    private static boolean inside(Rect inner, Rect outer) {
        return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.maxX() <= outer.maxX()
                && inner.maxY() <= outer.maxY();
    }

    private void applyDetails() {
        // by the texts' size on screen: presenting draws larger texts at a smaller zoom
        boolean next = vm.zoomProperty().get() * fonts.scale() >= DETAIL_ZOOM;
        if (next != details) {
            details = next;
            boxes.values().forEach(g -> {
                if (g.glyph != null) {
                    g.glyph.details(details);
                }
            });
            links.values().forEach(g -> {
                if (g.glyph != null) {
                    g.glyph.details(details);
                }
            });
        }
    }

    private void sync(List<Box> list, Group layer, Set<String> seen) {
        for (Box b : list) {
            seen.add(b.id());
            BoxSlot g = boxes.get(b.id());
            if (g != null && g.kind != b.kind()) {
                if (g.glyph != null) {
                    g.layer.getChildren().remove(g.glyph);
                }
                g = null;
            }
            if (g == null) {
                g = new BoxSlot(b.kind(), layer);
                boxes.put(b.id(), g);
            }
            g.update(b, fonts);
        }
    }

    /** Makes a box's node as the box is now (it comes into view): its texts up close, selected, new in this step. */
    private void realize(BoxSlot slot) {
        BoxGlyph g = new BoxGlyph(slot.shown, details, vm::problemsOf);
        g.update(slot.shown, slot.fonts);
        slot.glyph = g;
        marked(g, slot.shown.id());
    }

    /** Makes a link's shapes as the link is now (it comes into view up close). */
    private void realize(LinkSlot slot) {
        marked(slot.realize(details), slot.linkId);
    }

    /** A new glyph's selection and "new in this step" outline. */
    private void marked(Node g, String id) {
        GlyphStyles.setClass(g, Styles.SELECTED, selectedShown.contains(id));
        GlyphStyles.setClass(g, Styles.NEW_IN_STEP, highlightedShown.contains(id));
    }

    /** The node drawing an element or link now, null when none is (unknown, or out of view). */
    private Node glyphOf(String id) {
        BoxSlot box = boxes.get(id);
        if (box != null) {
            return box.glyph;
        }
        LinkSlot link = links.get(id);
        return link == null ? null : link.glyph;
    }

    /**
     * Colours the links by the current analysis. While the analysis of an edit is still running, links keep their
     * last prediction (only new links show "no prediction"): flipping thousands of links to unknown and back would
     * rebuild their shapes and re-apply their CSS twice per edit.
     */
    private void applyPredictions() {
        DesignAnalysis a = vm.main().analysis();
        boolean current = a != null && a.scenario() == vm.main().shown();
        for (LinkSlot g : links.values()) {
            if (current || !g.predicted) {
                g.predict(vm.prediction(g.linkId));
            }
        }
        overview.rasterize();
    }

    /** Marks the selected glyphs; only those whose state changed are touched (each change re-applies CSS). */
    private void applySelection() {
        Set<String> selected = new HashSet<>(vm.main().selection().ids());
        Set<String> touched = new HashSet<>(selectedShown);
        touched.addAll(selected);
        for (String id : touched) {
            Node g = glyphOf(id);
            if (g != null) {
                GlyphStyles.setClass(g, Styles.SELECTED, selected.contains(id));
            }
        }
        selectedShown = selected;
    }
}
