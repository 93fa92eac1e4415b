package io.egressstudio.gui.canvas;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignFinding;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.document.Edit;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.Element;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Position;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The canvas's state and gestures in world coordinates: the diagram of the shown scenario, zoom and pan, and what a
 * drop, a connection, a drag, delete, copy and paste do to the document. The view converts mouse positions to world
 * coordinates and calls these; it never edits the scenario itself.
 */
public final class CanvasViewModel {
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 4;
    private static final double GRID = 10;

    private final MainViewModel main;
    private final ReadOnlyObjectWrapper<Diagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty panX = new SimpleDoubleProperty(this, "panX", 0);
    private final DoubleProperty panY = new SimpleDoubleProperty(this, "panY", 0);
    /** Ids of the elements and links the shown walkthrough step added or changed: drawn as "new in this step". */
    private final ObservableSet<String> highlighted = FXCollections.observableSet();
    /** Drawn for an audience (presenter mode): text large enough to read from the back of a room. */
    private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting", false);
    private Map<String, Position> dragOverrides = Map.of();
    /** The boxes as drawn when the drag began: a drag moves them from there. */
    private Map<String, Box> drawnAtPress;
    private final DiagramLayout.Reuse reuse = new DiagramLayout.Reuse();
    private ScenarioEdits.Fragment clipboard;
    private int pasteCount;

    /** The text sizes the diagram is laid out for: fixed in the designer, fitted to the view when presenting. */
    private Diagram.Fonts fonts = Diagram.Fonts.NORMAL;
    private final TextMetrics.Measure measure = new FxTextMeasure();
    private DesignAnalysis predictedBy;
    private Set<Link> predictedLinks = Set.of();
    private Scenario linksOf;
    /** The predictions the shown diagram's routes were drawn along, and for which scenario. */
    private Map<String, LinkPrediction> routedBy = Map.of();
    private Scenario routedScenario;
    private Map<String, Link> shownLinks = Map.of();

    public CanvasViewModel(MainViewModel main) {
        this.main = main;
        main.shownProperty().addListener((o, a, b) -> relayout());
        main.analysisProperty().addListener((o, a, b) -> {
            if (!routesUnchanged()) {
                relayout();
            }
        });
        presenting.addListener((o, a, b) -> {
            fonts = b ? Diagram.Fonts.of(1.8, true) : Diagram.Fonts.NORMAL;
            relayout();
        });
        relayout();
    }

    private void relayout() {
        Map<String, LinkPrediction> used = new java.util.HashMap<>();
        diagram.set(DiagramLayout.of(main.shown(), dragOverrides, reuse, id -> {
            LinkPrediction p = routePrediction(id);
            used.put(id, p);
            return p;
        }, fonts, measure));
        routedBy = used;
        routedScenario = main.shown();
    }

    /**
     * Whether a new analysis would draw every link as it is drawn: its predictions have the hops the routes were
     * drawn with (a new outcome only recolours a link, which the view does). Saves laying out 1,000 nodes again.
     */
    private boolean routesUnchanged() {
        if (routedScenario != main.shown()) {
            return false;
        }
        for (Link l : main.shown().links()) {
            if (!routedBy.containsKey(l.id())) {
                continue;
            }
            if (!DiagramLayout.Reuse.sameHops(routedBy.get(l.id()), routePrediction(l.id()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The prediction a link is drawn along: the current analysis's, or while the analysis of an edit runs, the last
     * one's for a link the edit did not touch (the same record): routes do not flip back to the design and forth.
     */
    private LinkPrediction routePrediction(String linkId) {
        DesignAnalysis a = main.analysis();
        if (a == null || !a.predictionsReady()) {
            return null;
        }
        if (a.scenario() == main.shown()) {
            return a.prediction(linkId);
        }
        if (a != predictedBy) {
            predictedBy = a;
            predictedLinks = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            predictedLinks.addAll(a.scenario().links());
        }
        if (linksOf != main.shown()) {
            linksOf = main.shown();
            shownLinks = new java.util.HashMap<>();
            linksOf.links().forEach(l -> shownLinks.put(l.id(), l));
        }
        Link shown = shownLinks.get(linkId);
        return shown != null && predictedLinks.contains(shown) ? a.prediction(linkId) : null;
    }

    /** The findings of severity ERROR or WARNING about an element or link, for its marker on the canvas. */
    public List<DesignFinding> problemsOf(String id) {
        DesignAnalysis a = main.analysis();
        if (a == null || id == null) {
            return List.of();
        }
        List<DesignFinding> out = new ArrayList<>();
        for (DesignFinding f : a.findings()) {
            if (id.equals(f.elementId()) && ("ERROR".equalsIgnoreCase(f.severity())
                    || "WARNING".equalsIgnoreCase(f.severity()))) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether the scenario has nothing to draw (the canvas then says how to start). */
    public boolean isEmpty() {
        Diagram d = diagram();
        return d.meshes().isEmpty() && d.nodes().isEmpty();
    }

    public ReadOnlyObjectProperty<Diagram> diagramProperty() {
        return diagram.getReadOnlyProperty();
    }

    public Diagram diagram() {
        return diagram.get();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty panXProperty() {
        return panX;
    }

    public DoubleProperty panYProperty() {
        return panY;
    }

    /** Ids of the elements and links to draw as "new in this step" (set by whoever shows a step). */
    public ObservableSet<String> highlighted() {
        return highlighted;
    }

    /** Whether the canvas is drawn for an audience (presenter mode). */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    public MainViewModel main() {
        return main;
    }

    /** Screen (canvas-local) to world. */
    public double worldX(double screenX) {
        return (screenX - panX.get()) / zoom.get();
    }

    public double worldY(double screenY) {
        return (screenY - panY.get()) / zoom.get();
    }

    /** The predicted outcome of a link, or null when there is no prediction (yet, or no predictor). */
    public LinkPrediction prediction(String linkId) {
        DesignAnalysis a = main.analysis();
        return a == null || a.scenario() != main.shown() ? null : a.prediction(linkId);
    }

    // ---- palette and connections -------------------------------------------------------------------------------

    /** Places a new element of {@code kind} with its top-left near the world point. Returns the new id, or null. */
    public String place(NodeKind kind, double x, double y) {
        Scenario s = main.shown();
        Box target = DiagramLayout.hit(diagram(), x, y);
        String meshId = meshAt(target);
        Position at = kind == NodeKind.EGRESS_GATEWAY && meshId != null ? clearOfBoxes(meshId, x, y)
                : stored(x - width(kind) / 2, y - 16);
        String[] created = new String[1];
        Edit edit;
        switch (kind) {
            case MESH -> {
                Mesh mesh = NewElements.mesh(s);
                created[0] = mesh.id();
                edit = Edit.of("Add mesh " + mesh.id(), sc -> ScenarioEdits.add(sc, mesh, at));
            }
            case NAMESPACE -> {
                if (meshId == null) {
                    main.statusProperty().set("Drop a namespace on a mesh: it joins that mesh's member roll.");
                    return null;
                }
                String ns = NewElements.namespace(s);
                Workload w = NewElements.workload(s, ns);
                created[0] = w.id();
                edit = Edit.of("Add namespace " + ns + " to " + meshId,
                        sc -> ScenarioEdits.add(ScenarioEdits.addMember(sc, meshId, ns), w, at));
            }
            case WORKLOAD -> {
                String ns = namespaceFor(s, target, meshId);
                Workload w = NewElements.workload(s, ns);
                created[0] = w.id();
                edit = Edit.of("Add workload " + w.id(), sc -> {
                    Scenario next = meshId != null ? ScenarioEdits.addMember(sc, meshId, ns) : sc;
                    return ScenarioEdits.add(next, w, at);
                });
            }
            case EGRESS_GATEWAY -> {
                if (meshId == null) {
                    main.statusProperty().set("Drop an egress gateway on the mesh it belongs to.");
                    return null;
                }
                EgressGateway g = NewElements.egressGateway(s, meshId);
                created[0] = g.id();
                edit = Edit.of("Add egress gateway " + g.id(), sc -> ScenarioEdits.add(sc, g, at));
            }
            default -> {
                Element e = NewElements.byKind(kind, s);
                if (e == null) {
                    main.statusProperty().set("Add the other mesh first: its ingress belongs to a mesh.");
                    return null;
                }
                created[0] = e.id();
                edit = Edit.of("Add " + kind.label().toLowerCase(java.util.Locale.ROOT) + " " + e.id(),
                        sc -> ScenarioEdits.add(sc, e, at));
            }
        }
        if (main.edit(edit)) {
            main.selection().select(created[0]);
            return created[0];
        }
        return null;
    }

    /**
     * Where a dropped egress gateway goes: at the drop point when that covers no box and no link handle, else to the
     * right of its mesh's workloads, level with the first (a gateway on a handle hid hop 1 and took its drags).
     */
    private Position clearOfBoxes(String meshId, double x, double y) {
        Diagram d = diagram();
        double s = d.fonts().scale();
        double w = DiagramLayout.GATEWAY_W * s;
        double h = DiagramLayout.GATEWAY_H * s;
        Rect dropped = new Rect(x - w / 2, y - 16, w, h);
        double handle = 10 * s;
        boolean covers = false;
        Rect content = null;
        for (Box b : d.nodes()) {
            if (b.rect().grow(handle, handle, handle, handle).intersects(dropped)) {
                covers = true;
            }
            if (meshId.equals(b.owner())) {
                content = b.rect().union(content);
            }
        }
        if (!covers || content == null) {
            return stored(dropped.x(), dropped.y());
        }
        return stored(content.maxX() + DiagramLayout.labelGap(d.fonts()), content.y());
    }

    /** A world point as a position to store: the presenting layout draws stored positions at other coordinates. */
    private Position stored(double x, double y) {
        return fonts.presenting() ? snap(x / 0.5, y / fonts.scale()) : snap(x, y);
    }

    private static double width(NodeKind kind) {
        return switch (kind) {
            case WORKLOAD, NAMESPACE -> DiagramLayout.WORKLOAD_W;
            case EGRESS_GATEWAY -> DiagramLayout.GATEWAY_W;
            case MESH -> 60;
            default -> DiagramLayout.SERVICE_W;
        };
    }

    private static String meshAt(Box target) {
        if (target == null) {
            return null;
        }
        return switch (target.kind()) {
            case MESH -> target.id();
            case NAMESPACE, WORKLOAD, EGRESS_GATEWAY -> target.owner();
            default -> null;
        };
    }

    private static String namespaceFor(Scenario s, Box target, String meshId) {
        if (target != null && (target.kind() == NodeKind.NAMESPACE || target.kind() == NodeKind.WORKLOAD)) {
            return target.namespace();
        }
        if (meshId != null) {
            Mesh m = s.mesh(meshId).orElseThrow();
            return m.members().isEmpty() ? NewElements.namespace(s) : m.members().get(0);
        }
        return "default";
    }

    /** Whether a drag from this element may start a connection. */
    public boolean canConnectFrom(String id) {
        return main.shown().workload(id).isPresent();
    }

    /** Connects a workload to the destination at a world point. Returns the new link id, or null. */
    public String connect(String fromId, double x, double y) {
        Box target = DiagramLayout.hit(diagram(), x, y);
        if (target == null || !(target.kind() == NodeKind.EXTERNAL_SERVICE || target.kind() == NodeKind.MESH_INGRESS)) {
            main.statusProperty().set("Connect a workload to an external service or another mesh's ingress.");
            return null;
        }
        return connect(fromId, target.id());
    }

    public String connect(String fromId, String toId) {
        var link = NewElements.link(main.shown(), fromId, toId);
        if (main.edit(Edit.of("Connect " + fromId + " to " + toId, sc -> ScenarioEdits.add(sc, link, null)))) {
            main.selection().select(link.id());
            return link.id();
        }
        return null;
    }

    // ---- moving ------------------------------------------------------------------------------------------------

    /** The elements a drag of the selection moves: selected nodes, and everything inside a selected mesh. */
    public Set<String> movedBy(List<String> selected) {
        Scenario s = main.shown();
        Set<String> moved = new LinkedHashSet<>();
        for (String id : selected) {
            s.element(id).ifPresent(e -> {
                if (e instanceof Mesh m) {
                    moved.add(m.id());
                    s.workloads().stream().filter(w -> m.owns(w.namespace())).forEach(w -> moved.add(w.id()));
                    s.egressGateways().stream().filter(g -> m.id().equals(g.mesh())).forEach(g -> moved.add(g.id()));
                } else if (!(e instanceof io.egressstudio.model.Link)) {
                    moved.add(e.id());
                }
            });
        }
        return moved;
    }

    /** Shows the selection moved by a delta while dragging, without editing the document. */
    public void previewMove(double dx, double dy) {
        if (drawnAtPress == null) {
            drawnAtPress = Map.copyOf(diagram().byId());
        }
        dragOverrides = shifted(dx, dy);
        relayout();
    }

    /** Ends a drag: one edit that moves everything dragged. */
    public void commitMove(double dx, double dy) {
        Map<String, Position> moved = shifted(dx, dy);
        dragOverrides = Map.of();
        drawnAtPress = null;
        if (Math.abs(dx) < 1 && Math.abs(dy) < 1 || moved.isEmpty()) {
            relayout();
            return;
        }
        if (!main.edit(Edit.of("Move " + describe(main.selection().ids()), sc -> ScenarioEdits.move(sc, moved)))) {
            relayout();
        }
    }

    /** The dragged elements moved by a world delta, from where they are drawn (a box may be drawn clear of others). */
    private Map<String, Position> shifted(double dx, double dy) {
        Map<String, Position> all = AutoLayout.positions(main.shown());
        double sx = fonts.presenting() ? 0.5 : 1;
        double sy = fonts.presenting() ? fonts.scale() : 1;
        Map<String, Position> moved = new LinkedHashMap<>();
        for (String id : movedBy(main.selection().ids())) {
            Position p = all.get(id);
            Box drawn = drawnAtPress != null ? drawnAtPress.get(id) : diagram().box(id);
            if (drawn != null && drawn.kind() != NodeKind.MESH) {
                p = new Position(drawn.rect().x() / sx, drawn.rect().y() / sy);
            }
            if (p != null) {
                moved.put(id, snap(p.x() + dx / sx, p.y() + dy / sy));
            }
        }
        return moved;
    }

    private static Position snap(double x, double y) {
        return new Position(Math.round(x / GRID) * GRID, Math.round(y / GRID) * GRID);
    }

    private static String describe(List<String> ids) {
        return ids.size() == 1 ? ids.get(0) : ids.size() + " elements";
    }

    // ---- selection, delete, copy, paste ------------------------------------------------------------------------

    /** Selects what a rubber band (world rectangle) touches: nodes that intersect it, meshes inside it. */
    public void selectIn(Rect band, boolean add) {
        List<String> ids = new ArrayList<>(add ? main.selection().ids() : List.of());
        for (Box b : diagram().nodes()) {
            if (b.rect().intersects(band)) {
                ids.add(b.id());
            }
        }
        for (Box b : diagram().meshes()) {
            if (band.contains(b.rect().x(), b.rect().y()) && band.contains(b.rect().maxX(), b.rect().maxY())) {
                ids.add(b.id());
            }
        }
        main.selection().set(ids);
    }

    public void selectAll() {
        List<String> ids = new ArrayList<>();
        main.shown().elements().stream().filter(e -> diagram().box(e.id()) != null).forEach(e -> ids.add(e.id()));
        main.shown().links().forEach(l -> ids.add(l.id()));
        main.selection().set(ids);
    }

    public void deleteSelection() {
        List<String> ids = List.copyOf(main.selection().ids());
        if (ids.isEmpty()) {
            return;
        }
        if (main.edit(Edit.of("Delete " + describe(ids), sc -> ScenarioEdits.remove(sc, ids)))) {
            main.selection().clear();
        }
    }

    public boolean copySelection() {
        if (main.selection().ids().isEmpty()) {
            return false;
        }
        clipboard = ScenarioEdits.copy(main.shown(), main.selection().ids(), AutoLayout.positions(main.shown()));
        pasteCount = 0;
        main.statusProperty().set("Copied " + clipboard.elements().size() + " elements");
        return !clipboard.isEmpty();
    }

    public void cutSelection() {
        if (copySelection()) {
            deleteSelection();
        }
    }

    public boolean hasClipboard() {
        return clipboard != null && !clipboard.isEmpty();
    }

    public List<String> paste() {
        if (!hasClipboard()) {
            return List.of();
        }
        pasteCount++;
        double offset = 30 * pasteCount;
        ScenarioEdits.Fragment fragment = clipboard;
        ScenarioEdits.Pasted preview = ScenarioEdits.paste(main.shown(), fragment, offset, offset);
        if (main.edit(Edit.of("Paste " + preview.ids().size() + " elements",
                sc -> ScenarioEdits.paste(sc, fragment, offset, offset).scenario()))) {
            main.selection().set(preview.ids());
            return preview.ids();
        }
        return List.of();
    }

    // ---- zoom and pan ------------------------------------------------------------------------------------------

    /** Zooms by a factor around a canvas-local point. */
    public void zoomBy(double factor, double pivotX, double pivotY) {
        double old = zoom.get();
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, old * factor));
        double wx = worldX(pivotX);
        double wy = worldY(pivotY);
        zoom.set(next);
        panX.set(pivotX - wx * next);
        panY.set(pivotY - wy * next);
    }

    public void panBy(double dx, double dy) {
        panX.set(panX.get() + dx);
        panY.set(panY.get() + dy);
    }

    /**
     * Fits everything drawn (boxes, titles, hop labels, badges) into a viewport of this size. When presenting, the
     * texts are first made as large as it takes for the smallest to be {@link #PRESENTING_MIN_PX} pixels on screen
     * at the fitted zoom: larger texts make larger boxes and a smaller fitted zoom, so the scale is found by a few
     * rounds of layout (decision 0017).
     */
    public void fit(double viewW, double viewH) {
        if (viewW <= 0 || viewH <= 0) {
            return;
        }
        if (presenting.get()) {
            double scale = 1;
            double bestScale = 1;
            double bestPx = 0;
            int worse = 0;
            for (int round = 0; round < 12 && worse < 3; round++) {
                fonts = Diagram.Fonts.of(scale, true);
                relayout();
                double zoomed = fitZoom(viewW, viewH);
                double px = fonts.smallest() * zoomed;
                if (zoomed > MIN_ZOOM && px > bestPx) {
                    bestScale = scale;
                    bestPx = px;
                    worse = 0;
                } else {
                    // where the gaps grow with the text, larger text no longer reads larger once fitted; growing on
                    // would end at the zoom's floor with the drawing overflowing the canvas
                    worse++;
                }
                if (px >= PRESENTING_MIN_PX || zoomed <= MIN_ZOOM) {
                    break;
                }
                scale *= PRESENTING_MIN_PX / px * 1.01;
            }
            // the layout is not scale-free (boxes grow, the gaps between stored positions do not): near the best
            // scale a slightly different one may spread the boxes better
            for (int probe = 0; bestPx < PRESENTING_MIN_PX && probe < PROBES.length; probe++) {
                double probed = bestScale * PROBES[probe];
                fonts = Diagram.Fonts.of(probed, true);
                relayout();
                double zoomed = fitZoom(viewW, viewH);
                if (zoomed > MIN_ZOOM && fonts.smallest() * zoomed > bestPx) {
                    bestPx = fonts.smallest() * zoomed;
                    bestScale = probed;
                }
            }
            if (fonts.scale() != bestScale) {
                fonts = Diagram.Fonts.of(bestScale, true);
                relayout();
            }
        }
        double z = fitZoom(viewW, viewH);
        Rect b = fitted();
        zoom.set(z);
        panX.set((viewW - b.w() * z) / 2 - b.x() * z);
        panY.set((viewH - b.h() * z) / 2 - b.y() * z);
    }

    /** Scales tried around the best found when its text is still too small, as factors of it. */
    private static final double[] PROBES = {0.85, 0.92, 1.08, 1.16, 1.25};

    /** The smallest canvas text on screen when presenting, in pixels. */
    public static final double PRESENTING_MIN_PX = 18.5;

    private Rect fitted() {
        double m = (presenting.get() ? 6 : 16) * diagram().fonts().scale();
        return diagram().bounds().grow(m, m, m, m);
    }

    private double fitZoom(double viewW, double viewH) {
        Rect b = fitted();
        double max = presenting.get() ? MAX_ZOOM : 1.5;
        return Math.max(MIN_ZOOM, Math.min(max, Math.min(viewW / b.w(), viewH / b.h())));
    }

    public void resetZoom() {
        zoom.set(1);
        panX.set(0);
        panY.set(0);
    }
}
