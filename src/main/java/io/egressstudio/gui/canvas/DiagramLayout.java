package io.egressstudio.gui.canvas;

import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Fonts;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.canvas.PredictedPath.Station;
import io.egressstudio.model.Link;
import io.egressstudio.model.Position;
import io.egressstudio.model.Scenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scenario → {@link Diagram}. Workloads, gateways and external services sit where the scenario's layout puts them
 * (or where {@link AutoLayout} places those without a position), each box as wide as its texts; a namespace is drawn
 * around its workloads, a mesh around its namespaces and gateways, each at least as wide as its title. A link with a
 * prediction is drawn along its predicted hops, through proxies the scenario does not draw (federation gateways,
 * another mesh's ingress gateway) as small derived boxes inside their mesh. Boxes that would overlap, or leave no room
 * for the label of a hop between them, are moved apart ({@link Spread}); each hop label is placed clear of the boxes.
 */
public final class DiagramLayout {
    public static final double WORKLOAD_W = 170;
    public static final double WORKLOAD_H = 52;
    public static final double GATEWAY_W = 160;
    public static final double GATEWAY_H = 52;
    public static final double SERVICE_W = 190;
    public static final double SERVICE_H = 58;
    public static final double MESH_MIN_W = 240;
    public static final double MESH_MIN_H = 110;
    public static final double SIDECAR_W = 22;
    /** Boxes grow to their text up to this width (times the scale); longer texts end in an ellipsis. */
    public static final double MAX_W = 480;
    static final double NS_PAD = 12;
    static final double NS_HEADER = 22;
    static final double MESH_PAD = 18;
    static final double MESH_HEADER = 48;
    /** The room a badge (new in this step, a finding) takes above and right of a box's corner. */
    static final double BADGE = 12;
    private static final String WIDEST_LABEL = "ISTIO_MUTUAL";
    /** A presenter's canvas (16:9 less the column beside it) is about this much wider than high: height is dearer. */
    static final double PRESENTING_ASPECT = 1.45;

    private DiagramLayout() {
    }

    public static Diagram of(Scenario scenario) {
        return of(scenario, Map.of());
    }

    /** With some positions overridden (an element being dragged). */
    public static Diagram of(Scenario scenario, Map<String, Position> overrides) {
        return of(scenario, overrides, new Reuse());
    }

    /** Each link drawn along its predicted hops where {@code predictions} has one (for exports). */
    public static Diagram of(Scenario scenario, Function<String, LinkPrediction> predictions) {
        return of(scenario, Map.of(), new Reuse(), predictions, Fonts.NORMAL);
    }

    public static Diagram of(Scenario scenario, Map<String, Position> overrides, Reuse reuse) {
        return of(scenario, overrides, reuse, id -> null, Fonts.NORMAL);
    }

    /**
     * Lays out scenario after scenario, reusing the boxes and routes whose inputs are the same objects as last time:
     * the canvas then tells unchanged shapes by identity. On a 1,000-node scenario, comparing 3,000 new records with
     * the shown ones took 20-45 ms of FX time on an edit before the JIT had compiled record equality.
     * One instance per canvas, used from one thread.
     */
    public static final class Reuse {
        /** A box and what it was made from: the element record, its position and what else it shows. */
        private record Made(Object element, double x, double y, Object context, Box box) {
        }

        private record Linked(Link link, LinkPrediction prediction, List<Box> stations, Fonts fonts, Route route) {
        }

        private record Resolved(Link link, LinkPrediction prediction, List<Station> stations) {
        }

        private Map<String, Made> boxes = new HashMap<>();
        private Map<String, Box> settled = new HashMap<>();
        private Map<String, Resolved> resolved = new HashMap<>();
        private Map<String, Resolved> nextResolved = new HashMap<>();
        private Map<String, Linked> routes = new HashMap<>();
        private Map<String, Made> nextBoxes = new HashMap<>();
        private Map<String, Box> nextSettled = new HashMap<>();
        private Map<String, Linked> nextRoutes = new HashMap<>();

        Box box(String id, Object element, Position at, Object context, Supplier<Box> make) {
            Made m = boxes.get(id);
            Box box = m != null && m.element() == element && m.x() == at.x() && m.y() == at.y()
                    && Objects.equals(m.context(), context) ? m.box() : make.get();
            nextBoxes.put(id, new Made(element, at.x(), at.y(), context, box));
            return box;
        }

        Route route(Link link, LinkPrediction prediction, List<Box> stations, Fonts fonts, Supplier<Route> make) {
            Linked l = routes.get(link.id());
            Route route = l != null && l.link() == link && sameHops(l.prediction(), prediction) && l.fonts().equals(fonts)
                    && same(l.stations(), stations) ? l.route() : make.get();
            nextRoutes.put(link.id(), new Linked(link, prediction, stations, fonts, route));
            return route;
        }

        /** A route depends on its prediction's hops only (the outcome is its colour, set by the view). */
        static boolean sameHops(LinkPrediction a, LinkPrediction b) {
            return a == b || a != null && b != null && a.hops().equals(b.hops());
        }

        private static boolean same(List<Box> a, List<Box> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }

        /** A box computed from others (a namespace, a mesh, a moved box): the previous instance when equal. */
        Box same(Box box) {
            Box last = settled.get(box.id());
            Box result = last != null && last.equals(box) ? last : box;
            nextSettled.put(box.id(), result);
            return result;
        }

        /** A link's predicted stations: last layout's when the link and its prediction are the same objects. */
        List<Station> stations(Link link, LinkPrediction prediction, Supplier<List<Station>> resolve) {
            Resolved r = resolved.get(link.id());
            List<Station> stations = r != null && r.link() == link && sameHops(r.prediction(), prediction)
                    ? r.stations() : List.copyOf(resolve.get());
            nextResolved.put(link.id(), new Resolved(link, prediction, stations));
            return stations;
        }

        void done() {
            resolved = nextResolved;
            nextResolved = new HashMap<>();
            boxes = nextBoxes;
            routes = nextRoutes;
            settled = nextSettled;
            nextBoxes = new HashMap<>();
            nextRoutes = new HashMap<>();
            nextSettled = new HashMap<>();
        }
    }

    /** Reusing what {@code reuse} kept from the last layout (see {@link Reuse}), at the given text sizes. */
    public static Diagram of(Scenario scenario, Map<String, Position> overrides, Reuse reuse,
                             Function<String, LinkPrediction> predictions, Fonts fonts) {
        return of(scenario, overrides, reuse, predictions, fonts, TextMetrics.ESTIMATE);
    }

    /** With texts measured by {@code measure} (the canvas measures with the font it draws in). */
    public static Diagram of(Scenario scenario, Map<String, Position> overrides, Reuse reuse,
                             Function<String, LinkPrediction> predictions, Fonts fonts, TextMetrics.Measure measure) {
        return new DiagramBuilder(scenario, overrides, reuse, predictions, fonts, measure).build();
    }

    /** Where the texts of a box go, relative to its top-left corner, for these fonts. */
    static double titleBaseline(Fonts f) {
        return (f.presenting() ? 4 : 6) * f.scale() + f.title();
    }

    /** A mesh's title and subtitle above its content (presenting, the subtitle takes two lines). */
    static double meshHeader(Fonts f) {
        return f.presenting() ? subtitleBaseline(f) + 1.7 * f.subtitle() + 8 * f.scale() : MESH_HEADER * f.scale();
    }

    static double subtitleBaseline(Fonts f) {
        return titleBaseline(f) + (f.presenting() ? 1.35 : 1.8) * f.subtitle();
    }

    static double namespaceBaseline(Fonts f) {
        return 4 * f.scale() + f.title();
    }

    /** Room for the widest hop label (and its lock) between two boxes a hop joins. */
    static double labelGap(Fonts f) {
        return labelGap(f, TextMetrics.ESTIMATE);
    }

    static double labelGap(Fonts f, TextMetrics.Measure measure) {
        return lockWidth(f) + measure.width(WIDEST_LABEL, f.label(), false) + 18 * f.scale();
    }

    /**
     * Where a link's badges go: across the line of its last hop from the hop's label (a label sits beside its line,
     * between the boxes the hop joins; above or below it the badges covered one of those boxes).
     */
    static Rect linkBadges(Hop last, double width, double height, double gap) {
        Rect label = last.labelBox();
        double dx = last.to().x() - last.from().x();
        double dy = last.to().y() - last.from().y();
        if (Math.abs(dy) >= Math.abs(dx)) {
            // a steep line: the badges on the other side of it, level with the label
            double t = (label.centerY() - last.from().y()) / dy;
            double lineX = last.from().x() + dx * Math.max(0, Math.min(1, t));
            double x = label.centerX() >= lineX ? lineX - gap - width : lineX + gap;
            return new Rect(x, label.centerY() - height / 2, width, height);
        }
        double t = dx == 0 ? 0 : (label.centerX() - last.from().x()) / dx;
        double lineY = last.from().y() + dy * Math.max(0, Math.min(1, t));
        double y = label.centerY() <= lineY ? lineY + gap : lineY - gap - height;
        return new Rect(label.x(), y, width, height);
    }

    static double lockWidth(Fonts f) {
        return Math.ceil(f.label() * 1.3);
    }

    /** The topmost element at a world point: a node, else a namespace, else a mesh; null for empty canvas. */
    public static Box hit(Diagram d, double x, double y) {
        for (int i = d.nodes().size() - 1; i >= 0; i--) {
            if (d.nodes().get(i).rect().contains(x, y)) {
                return d.nodes().get(i);
            }
        }
        for (int i = d.namespaces().size() - 1; i >= 0; i--) {
            if (d.namespaces().get(i).rect().contains(x, y)) {
                return d.namespaces().get(i);
            }
        }
        for (int i = d.meshes().size() - 1; i >= 0; i--) {
            if (d.meshes().get(i).rect().contains(x, y)) {
                return d.meshes().get(i);
            }
        }
        return null;
    }
}
