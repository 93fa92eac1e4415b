package io.egressstudio.gui.canvas;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignFinding;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.analysis.BackgroundRunner;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.model.Outcome;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
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
 *
 * <p>Large diagrams stay fluid: panning only moves one transformed group; a glyph is touched only when its part of
 * the diagram (or its prediction) changed; glyphs far outside the viewport are hidden (culled, with a margin so most
 * pan frames change nothing but the translation) and the shown region is clipped and cached as one bitmap, so a pan
 * frame is a blit; below {@link #DETAIL_ZOOM} the unreadable texts and icons are not drawn and the links are one
 * image drawn off the FX thread by {@link LinkRaster} (decision 0010).
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
    private final Map<String, BoxGlyph> boxes = new HashMap<>();
    private final Map<String, LinkGlyph> links = new HashMap<>();
    private static final java.util.concurrent.Executor RASTER_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "egress-studio-canvas");
        t.setDaemon(true);
        return t;
    });
    /**
     * Below this zoom texts, icons, locks and dashes are too small to read and are not drawn, and links are drawn as
     * pixels by {@link LinkRaster} instead of shapes.
     */
    static final double DETAIL_ZOOM = 0.45;
    private final Rectangle cullClip = new Rectangle();
    /** The overview's links, drawn by {@link LinkRaster} off the FX thread; glyphs stand in for them at detail zoom. */
    private final ImageView overviewLinks = new ImageView();
    private final Group colourProbes = new Group();
    private final Map<String, Line> probeByOutcome = new HashMap<>();
    private final BackgroundRunner<RasterJob, LinkRaster.Frame> raster;

    private RasterJob lastRaster;
    private boolean rasterRequested;

    private record RasterJob(List<LinkRaster.Segment> segments, Rect world, double zoom) {
    }
    private Rect culled;
    private boolean details = true;
    private Set<String> selectedShown = Set.of();

    private enum Gesture { NONE, MOVE, CONNECT, PAN, BAND }

    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private String connectFrom;
    private final Line connectLine = new Line();
    private final Rectangle band = new Rectangle();

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
        overviewLinks.setMouseTransparent(true);
        overviewLinks.setSmooth(false);
        overviewLinks.setVisible(false);
        colourProbes.setVisible(false);
        colourProbes.setManaged(false);
        for (Outcome o : Outcome.values()) {
            colourProbe(Styles.outcome(o));
        }
        colourProbe(Styles.OUTCOME_UNKNOWN);
        raster = new BackgroundRunner<>(job -> LinkRaster.draw(job.segments(), job.world(), job.zoom()),
                this::showRaster, e -> vm.main().statusProperty().set("Could not draw the overview's links: " + e),
                RASTER_THREAD, Platform::runLater);
        world.getChildren().addAll(boxesUnder, peeringLayer, linkLayer, overviewLinks, nodeLayer, markLayer, overlay,
                colourProbes);
        markLayer.setMouseTransparent(false);
        emptyHint.setId("canvas-empty-hint");
        emptyHint.getStyleClass().add(Styles.CANVAS_EMPTY_HINT);
        emptyHint.setMouseTransparent(true);
        emptyHint.setManaged(false);
        emptyHint.layoutXProperty().bind(root.widthProperty().subtract(emptyHint.widthProperty()).divide(2));
        emptyHint.layoutYProperty().bind(root.heightProperty().subtract(emptyHint.heightProperty()).divide(2));
        root.getChildren().addAll(world, emptyHint);
        connectLine.getStyleClass().add("connect-line");
        connectLine.setMouseTransparent(true);
        band.getStyleClass().add("rubber-band");
        band.setMouseTransparent(true);

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
            setClass(root, Styles.PRESENTING, b);
            // another layout, other text sizes: fitted again
            fit();
        });
        setClass(root, Styles.PRESENTING, vm.presentingProperty().get());
        // a gesture on the canvas ends keeping it fitted
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> autoFit = false);
        root.addEventFilter(ScrollEvent.SCROLL, e -> autoFit = false);
        root.addEventFilter(javafx.scene.input.DragEvent.DRAG_ENTERED, e -> autoFit = false);
        vm.main().selection().ids().addListener((ListChangeListener<String>) c -> applySelection());
        root.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        root.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        root.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        root.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        vm.panXProperty().addListener((o, a, b) -> cull(false));
        vm.panYProperty().addListener((o, a, b) -> cull(false));
        vm.zoomProperty().addListener((o, a, b) -> {
            boolean was = details;
            applyDetails();
            cull(was != details);
        });
        vm.main().selection().ids().addListener((ListChangeListener<String>) c -> rasterize());
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
     * The node that draws a link (id {@code link-ID}, its outcome as the pseudo-class {@code :outcome-…}), also while
     * it is culled out of the scene; null for an unknown link. For overlays that decorate links.
     */
    public Node linkNode(String linkId) {
        return links.get(linkId);
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
        }
        emptyHint.setVisible(vm.isEmpty());
        renderPeerings(d);
        Set<String> seen = new HashSet<>();
        sync(d.meshes(), meshLayer, seen);
        sync(d.namespaces(), nsLayer, seen);
        sync(d.nodes(), nodeLayer, seen);
        boxes.keySet().removeIf(id -> {
            if (!seen.contains(id)) {
                BoxGlyph g = boxes.get(id);
                g.layer.getChildren().remove(g);
                return true;
            }
            return false;
        });
        Set<String> seenLinks = new HashSet<>();
        for (Route r : d.links()) {
            seenLinks.add(r.id());
            LinkGlyph g = links.get(r.id());
            if (g == null) {
                g = new LinkGlyph(r.id(), details);
                links.put(r.id(), g);
                if (culled == null) {
                    linkLayer.getChildren().add(g);
                }
            }
            g.update(r, fonts);
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

    /** The glyph of a box by element id (for tests and overlays), null when none. */
    public Node boxNode(String id) {
        return boxes.get(id);
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
        Map<String, List<DesignFinding>> problems = new HashMap<>();
        if (a != null) {
            for (DesignFinding f : a.findings()) {
                String id = f.elementId();
                if (id != null && ("ERROR".equalsIgnoreCase(f.severity()) || "WARNING".equalsIgnoreCase(f.severity()))
                        && (boxes.containsKey(id) || links.containsKey(id))) {
                    problems.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
                }
            }
        }
        Set<String> classed = new HashSet<>(highlightedShown);
        classed.addAll(highlighted);
        for (String id : classed) {
            Node g = boxes.containsKey(id) ? boxes.get(id) : links.get(id);
            if (g != null) {
                setClass(g, Styles.NEW_IN_STEP, highlighted.contains(id));
            }
        }
        Set<String> ids = new HashSet<>(marks.keySet());
        ids.addAll(highlighted);
        ids.addAll(problems.keySet());
        List<Node> gone = new ArrayList<>();
        List<Node> made = new ArrayList<>();
        for (String id : ids) {
            boolean isNew = highlighted.contains(id);
            List<DesignFinding> found = problems.getOrDefault(id, List.of());
            BoxGlyph box = boxes.get(id);
            LinkGlyph link = links.get(id);
            Object anchor = box != null ? box.shown : link != null ? link.route : null;
            CanvasBadges.Mark m = marks.get(id);
            if (m != null && m.anchor() == anchor && m.isNew() == isNew && m.fonts().equals(fonts)
                    && m.found().equals(found)) {
                continue;
            }
            if (m != null) {
                gone.add(m.group());
                marks.remove(id);
            }
            if (anchor != null && (isNew || !found.isEmpty())) {
                CanvasBadges.Mark next = CanvasBadges.make(id, anchor, box != null ? box.shown : null,
                        link != null && !link.hops.isEmpty() ? link.hops.get(link.hops.size() - 1) : null, isNew, found,
                        fonts);
                if (next != null) {
                    marks.put(id, next);
                    if (culled == null || next.bounds().intersects(culled)) {
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
        for (BoxGlyph g : boxes.values()) {
            place(g, g.layer, g.bounds != null && g.bounds.intersects(culled), attach, detach);
        }
        for (LinkGlyph g : links.values()) {
            place(g, linkLayer, details && g.bounds != null && g.bounds.intersects(culled), attach, detach);
        }
        for (CanvasBadges.Mark m : marks.values()) {
            place(m.group(), markLayer, details && m.bounds().intersects(culled), attach, detach);
        }
        // in batches: one change per layer
        detach.forEach((layer, nodes) -> layer.getChildren().removeAll(nodes));
        attach.forEach((layer, nodes) -> layer.getChildren().addAll(nodes));
        overviewLinks.setVisible(!details);
        rasterize();
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

    // ---- the overview's links -----------------------------------------------------------------------------------

    /**
     * A hidden link line per outcome, styled by the same rules as real links: its stroke is the outcome's colour from
     * the stylesheet's variables, resolved once per theme change (the stroke changes, and the overview is redrawn).
     */
    private void colourProbe(String outcome) {
        Group link = new Group();
        link.getStyleClass().add("link");
        link.pseudoClassStateChanged(outcomeClass(outcome), true);
        Line hop = new Line(0, 0, 1, 0);
        hop.getStyleClass().add("hop");
        link.getChildren().add(hop);
        colourProbes.getChildren().add(link);
        probeByOutcome.put(outcome, hop);
        hop.strokeProperty().addListener((o, a, b) -> rasterize());
    }

    private int colour(String outcome) {
        Line probe = probeByOutcome.get(outcome);
        Color c = probe != null && probe.getStroke() instanceof Color col ? col : Color.GRAY;
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * Asks for the overview's links to be drawn again, off the FX thread (only below the detail zoom). One edit asks
     * several times (new shapes, new colours, a new cull); the segments are collected once, after them.
     */
    private void rasterize() {
        if (details || culled == null || rasterRequested) {
            return;
        }
        rasterRequested = true;
        Platform.runLater(this::rasterizeNow);
    }

    private void rasterizeNow() {
        rasterRequested = false;
        if (details || culled == null) {
            return;
        }
        Set<String> selected = new HashSet<>(vm.main().selection().ids());
        Map<String, Integer> colours = new HashMap<>();
        List<LinkRaster.Segment> segments = new ArrayList<>();
        List<LinkRaster.Segment> onTop = new ArrayList<>();
        Rect extent = null;
        for (LinkGlyph g : links.values()) {
            if (g.bounds == null || !g.bounds.intersects(culled)) {
                continue;
            }
            extent = g.bounds.union(extent);
            int argb = colours.computeIfAbsent(g.outcomeName(), this::colour);
            boolean chosen = selected.contains(g.linkId);
            for (HopShapes h : g.hopShapes) {
                Line l = h.line;
                (chosen ? onTop : segments).add(new LinkRaster.Segment(l.getStartX(), l.getStartY(), l.getEndX(),
                        l.getEndY(), argb, chosen ? 3 : h.encrypted ? 2 : 1));
            }
        }
        segments.addAll(onTop);
        // only as large as the links need: the image is part of every redraw of the cached world
        Rect area = extent == null ? new Rect(culled.x(), culled.y(), 1, 1) : intersection(extent, culled);
        RasterJob job = new RasterJob(segments, onPixels(area), vm.zoomProperty().get());
        if (!job.equals(lastRaster)) {
            lastRaster = job;
            raster.submit(job);
        }
    }

    /**
     * The world rectangle whose corners fall on whole screen pixels at the current pan and zoom, around {@code r}: the
     * image then lands pixel for pixel (a fractional offset would blend each line into its neighbours).
     */
    private Rect onPixels(Rect r) {
        double z = vm.zoomProperty().get();
        double px = vm.panXProperty().get();
        double py = vm.panYProperty().get();
        double x0 = Math.floor(px + r.x() * z);
        double y0 = Math.floor(py + r.y() * z);
        double x1 = Math.ceil(px + r.maxX() * z);
        double y1 = Math.ceil(py + r.maxY() * z);
        return new Rect((x0 - px) / z, (y0 - py) / z, (x1 - x0) / z, (y1 - y0) / z);
    }

    private static Rect intersection(Rect a, Rect b) {
        double x = Math.max(a.x(), b.x());
        double y = Math.max(a.y(), b.y());
        return new Rect(x, y, Math.max(1, Math.min(a.maxX(), b.maxX()) - x), Math.max(1, Math.min(a.maxY(), b.maxY()) - y));
    }

    private void showRaster(LinkRaster.Frame frame) {
        PixelBuffer<IntBuffer> pixels = new PixelBuffer<>(frame.width(), frame.height(), IntBuffer.wrap(frame.argb()),
                PixelFormat.getIntArgbPreInstance());
        overviewLinks.setImage(new WritableImage(pixels));
        overviewLinks.setX(frame.world().x());
        overviewLinks.setY(frame.world().y());
        overviewLinks.setFitWidth(frame.width() / frame.zoom());
        overviewLinks.setFitHeight(frame.height() / frame.zoom());
    }

    /** The link whose line passes within a few pixels of a world point (the overview has no link nodes to pick). */
    private String linkNear(double x, double y) {
        double tolerance = 4 / vm.zoomProperty().get();
        String best = null;
        double bestDistance = tolerance;
        for (LinkGlyph g : links.values()) {
            for (HopShapes h : g.hopShapes) {
                Line l = h.line;
                double d = distance(x, y, l.getStartX(), l.getStartY(), l.getEndX(), l.getEndY());
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = g.linkId;
                }
            }
        }
        return best;
    }

    private static double distance(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }

    /**
     * Culled glyphs leave the scene graph rather than turning invisible: each pulse walks every node in the scene
     * (bounds), and thousands of hidden glyphs would cost milliseconds per frame.
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
            boxes.values().forEach(g -> g.details(details));
            links.values().forEach(g -> g.details(details));
        }
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
                g = new BoxGlyph(b, details);
                g.layer = layer;
                boxes.put(b.id(), g);
                if (culled == null) {
                    layer.getChildren().add(g);
                }
            }
            g.update(b);
        }
    }

    /**
     * Colours the links by the current analysis. While the analysis of an edit is still running, links keep their
     * last prediction (only new links show "no prediction"): flipping thousands of links to unknown and back would
     * rebuild their shapes and re-apply their CSS twice per edit.
     */
    private void applyPredictions() {
        DesignAnalysis a = vm.main().analysis();
        boolean current = a != null && a.scenario() == vm.main().shown();
        for (LinkGlyph g : links.values()) {
            if (current || !g.predicted) {
                g.predict(vm.prediction(g.linkId));
            }
        }
        rasterize();
    }

    /** Marks the selected glyphs; only those whose state changed are touched (each change re-applies CSS). */
    private void applySelection() {
        Set<String> selected = new HashSet<>(vm.main().selection().ids());
        Set<String> touched = new HashSet<>(selectedShown);
        touched.addAll(selected);
        for (String id : touched) {
            Node g = boxes.containsKey(id) ? boxes.get(id) : links.get(id);
            if (g != null) {
                setClass(g, Styles.SELECTED, selected.contains(id));
            }
        }
        selectedShown = selected;
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
    private final class BoxGlyph extends Pane {
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

        BoxGlyph(Box b, boolean details) {
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
            icon = new FontIcon(switch (kind) {
                case MESH -> Feather.LAYERS;
                case NAMESPACE -> Feather.FOLDER;
                case WORKLOAD -> Feather.BOX;
                case EGRESS_GATEWAY -> Feather.LOG_OUT;
                case EXTERNAL_SERVICE -> Feather.GLOBE;
                case MESH_INGRESS -> Feather.LOG_IN;
            });
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
            for (var f : vm.problemsOf(shown == null ? null : shown.id())) {
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
            font(title, f.title(), true);
            font(subtitle, f.subtitle(), false);
            iconSize(icon, Math.round(14 * s));
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

        void update(Box b) {
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
                fitText(title, r.w() - 36 * s);
                subtitle.setX(28 * s + title.getLayoutBounds().getWidth() + 8 * s);
                setClass(this, "outside", b.owner() == null);
            } else {
                fitText(title, r.w() - 34 * s - side);
                fitText(subtitle, r.w() - 16 * s - side);
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

    /**
     * An icon's size inline (0: the stylesheet's), keeping the inline style Ikonli gives the icon (its font).
     */
    static void iconSize(FontIcon icon, long size) {
        String base = (String) icon.getProperties().computeIfAbsent("egress.style", k -> icon.getStyle() == null ? ""
                : icon.getStyle());
        String style = size <= 0 ? base : base + (base.isEmpty() || base.endsWith(";") ? "" : ";")
                + " -fx-icon-size: " + size + ";";
        if (!style.equals(icon.getStyle())) {
            icon.setStyle(style);
        }
    }

    /** Sets a canvas text's font in code and inline, so that it measures as it will be drawn. */
    static void font(Text text, double size, boolean bold) {
        String style = "-fx-font-size: " + size + "px;" + (bold ? " -fx-font-weight: bold;" : "");
        if (!style.equals(text.getStyle())) {
            text.setStyle(style);
            text.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                    bold ? javafx.scene.text.FontWeight.BOLD : javafx.scene.text.FontWeight.NORMAL, size));
        }
    }

    /** Shortens a text with an ellipsis until it fits the width (the longest prefix that fits, by bisection). */
    private static void fitText(Text text, double width) {
        String full = text.getText();
        if (full == null || text.getLayoutBounds().getWidth() <= width) {
            return;
        }
        int lo = 4;
        int hi = full.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            text.setText(full.substring(0, mid) + "…");
            if (text.getLayoutBounds().getWidth() <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        text.setText(full.substring(0, Math.min(lo, full.length())) + "…");
    }

    /**
     * A link: one line per hop, coloured by the predicted outcome, each hop labelled with its TLS (and a lock). Its
     * state is shown through pseudo-classes ({@code :outcome-ok}, {@code :plain}), not style classes: a style class
     * change re-matches every stylesheet rule for the glyph and its children, a pseudo-class change only switches
     * between the styles already matched. The shapes are made once and updated in place.
     */
    private static final class LinkGlyph extends Group {
        final String linkId;
        final List<HopShapes> hopShapes = new ArrayList<>();
        final Polygon arrow = new Polygon();
        Tooltip tooltip;
        String tooltipText = "No prediction yet";
        PseudoClass outcome = outcomeClass(Styles.OUTCOME_UNKNOWN);
        List<Hop> hops = List.of();
        LinkPrediction prediction;
        Object drawn;
        Route route;
        Rect bounds;
        boolean details;
        boolean predicted;
        Diagram.Fonts fonts = Diagram.Fonts.NORMAL;

        LinkGlyph(String id, boolean details) {
            this.linkId = id;
            this.details = details;
            setId("link-" + id);
            getStyleClass().add("link");
            pseudoClassStateChanged(outcome, true);
            arrow.getStyleClass().add("arrow");
            // a tooltip is a popup window with its own scene: made on the first hover, not for each of 2,000 links
            addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (tooltip == null) {
                    tooltip = new Tooltip(tooltipText);
                    Tooltip.install(this, tooltip);
                }
            });
        }

        /** The outcome shown, as its CSS name ({@code outcome-blackhole}); what the link's colour comes from. */
        String outcomeName() {
            return outcome.getPseudoClassName();
        }

        void update(Route r, Diagram.Fonts f) {
            if (r == route || r.equals(route) && f.equals(fonts)) {
                return;
            }
            route = r;
            fonts = f;
            hops = r.hops();
            Rect b = null;
            for (Hop h : hops) {
                double x0 = Math.min(h.from().x(), h.to().x());
                double y0 = Math.min(h.from().y(), h.to().y());
                b = new Rect(x0, y0, Math.abs(h.to().x() - h.from().x()), Math.abs(h.to().y() - h.from().y())).union(b);
                if (h.labelBox() != null) {
                    b = h.labelBox().union(b);
                }
            }
            double m = 20 * f.scale();
            bounds = b == null ? null : b.grow(m, m, m, m);
            drawn = null;
            redraw();
        }

        void details(boolean on) {
            details = on;
            hopShapes.forEach(s -> s.details(on));
        }

        void predict(LinkPrediction p) {
            // an unchanged prediction is the very instance shown (DesignPipeline reuses it): no deep compare
            if (predicted && (p == prediction || Objects.equals(p, prediction))) {
                return;
            }
            predicted = true;
            PseudoClass next = outcomeClass(p == null ? null : p.outcome());
            if (next != outcome) {
                pseudoClassStateChanged(outcome, false);
                pseudoClassStateChanged(next, true);
                outcome = next;
            }
            tooltipText = p == null ? "No prediction" : p.outcome() + "\n" + p.explanationText();
            if (tooltip != null) {
                tooltip.setText(tooltipText);
            }
            prediction = p;
            redraw();
        }

        /** Updates the shapes only when what they show changed (thousands of links, one analysis each edit). */
        private void redraw() {
            Object key = List.of(hops, prediction == null ? List.of() : prediction.hops());
            if (!key.equals(drawn)) {
                drawn = key;
                draw(prediction);
            }
        }

        private void draw(LinkPrediction p) {
            boolean structure = hopShapes.size() != hops.size();
            while (hopShapes.size() < hops.size()) {
                hopShapes.add(new HopShapes());
            }
            while (hopShapes.size() > hops.size()) {
                hopShapes.remove(hopShapes.size() - 1);
            }
            // a route drawn as designed (its prediction names nothing drawn) shows the predicted encryption where the
            // hops line up (the first designed hop may be app → sidecar)
            int offset = hops.size() > 0 && hops.get(0).labelBox() == null ? 1 : 0;
            for (int i = 0; i < hops.size(); i++) {
                Hop h = hops.get(i);
                String label = h.label();
                boolean encrypted = h.encrypted();
                if (p != null && !route.predicted() && i >= offset && i - offset < p.hops().size()
                        && p.hops().size() == hops.size() - offset) {
                    LinkPrediction.HopView predicted = p.hops().get(i - offset);
                    label = predicted.encryption();
                    encrypted = predicted.encrypted();
                }
                HopShapes shapes = hopShapes.get(i);
                structure |= shapes.update(h, label, encrypted, i < offset, details, fonts);
            }
            if (!hops.isEmpty()) {
                Hop last = hops.get(hops.size() - 1);
                double ex = last.to().x();
                double ey = last.to().y();
                double angle = Math.atan2(ey - last.from().y(), ex - last.from().x());
                double len = 10 * fonts.scale();
                arrow.getPoints().setAll(ex, ey,
                        ex - len * Math.cos(angle - 0.4), ey - len * Math.sin(angle - 0.4),
                        ex - len * Math.cos(angle + 0.4), ey - len * Math.sin(angle + 0.4));
            }
            if (structure) {
                List<Node> children = new ArrayList<>();
                hopShapes.forEach(s -> children.add(s.line));
                hopShapes.forEach(s -> s.decorations(children));
                if (!hops.isEmpty()) {
                    children.add(arrow);
                }
                getChildren().setAll(children);
            }
        }
    }

    /** The shapes of one hop: its line, its TLS label and, when encrypted, a lock. */
    private static final class HopShapes {
        /** Plaintext hops are dashed where the dashes can be seen; below {@link #DETAIL_ZOOM} dashes would be
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
            font(label, f.label(), false);
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
                iconSize(lock, normal ? 0 : Math.round(f.label() * 1.1));
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

    private static final PseudoClass ENCRYPTED = PseudoClass.getPseudoClass(Styles.ENCRYPTED);
    private static final PseudoClass PLAIN = PseudoClass.getPseudoClass("plain");
    private static final Map<String, PseudoClass> OUTCOMES = new HashMap<>();

    private static PseudoClass outcomeClass(Outcome outcome) {
        return outcomeClass(Styles.outcome(outcome));
    }

    private static PseudoClass outcomeClass(String name) {
        return OUTCOMES.computeIfAbsent(name, PseudoClass::getPseudoClass);
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
        if (!details && (box == null || box.kind() == NodeKind.NAMESPACE || box.kind() == NodeKind.MESH)) {
            String near = linkNear(vm.worldX(e.getX()), vm.worldY(e.getY()));
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
