package io.egressstudio.gui.canvas.export;

import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Point;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.canvas.Diagram;
import io.egressstudio.gui.canvas.DiagramLayout;
import io.egressstudio.gui.canvas.NodeKind;
import io.egressstudio.model.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link Diagram} as shapes, in the canvas's world coordinates, in the order they are drawn: meshes, namespaces,
 * links, nodes, then every text on top (box titles, namespace badges, hop labels), so that no box hides a label.
 * Texts are fitted to their boxes (smaller, then shortened with the full text kept as a tooltip); hop labels go where
 * they cover no box and no other label when such a place exists near the hop's middle.
 */
public record DiagramDrawing(List<Group> groups, Rect extent, Set<Outcome> outcomes, boolean unpredicted) {
    static final double NODE_TITLE = 12;
    static final double NODE_SUB = 10;
    static final double MESH_TITLE = 13;
    static final double NS_TITLE = 11;
    static final double BADGE = 9;
    static final double HOP_LABEL = 10;
    static final double MIN_TEXT = 9;
    /** A title broken onto several lines. */
    static final double WRAPPED = 10;
    static final double LOCK = 10;
    static final double PLAIN_DASH = 6;
    private static final double ARROW = 10;

    public static DiagramDrawing of(Diagram d, Function<String, LinkPrediction> predictions, Palette p) {
        List<Group> groups = new ArrayList<>();
        List<Group> labels = new ArrayList<>();
        for (Box m : d.meshes()) {
            groups.add(new Group(m.id(), null, List.of(new Shape.Box(m.rect(), 10, p.get("-es-mesh-bg"),
                    p.get("-es-mesh-border"), 2, 0))));
            labels.add(meshLabels(m, p));
        }
        for (Box n : d.namespaces()) {
            boolean outside = n.owner() == null;
            groups.add(new Group(n.id(), null, List.of(new Shape.Box(n.rect(), 6, outside ? null : p.get("-es-ns-bg"),
                    p.get("-es-ns-border"), 1, 5))));
            labels.add(namespaceLabels(n, p));
        }
        for (Diagram.Peering peering : d.peerings()) {
            // a federation: a dashed line between the two meshes, as on the canvas
            groups.add(new Group("peering-" + peering.id(), "federation " + peering.meshA() + " ↔ " + peering.meshB(),
                    List.of(new Shape.Line(peering.from(), peering.to(), p.get("-es-mesh-border"), 2, PLAIN_DASH))));
        }
        Set<Outcome> outcomes = new LinkedHashSet<>();
        boolean unpredicted = false;
        List<Rect> taken = new ArrayList<>();
        d.nodes().forEach(b -> taken.add(b.rect()));
        for (Route r : d.links()) {
            LinkPrediction prediction = predictions.apply(r.id());
            unpredicted |= prediction == null;
            if (prediction != null) {
                outcomes.add(prediction.outcome());
            }
            Colour colour = p.outcome(prediction == null ? null : prediction.outcome());
            List<Shape> lines = new ArrayList<>();
            List<Shape> hopLabels = new ArrayList<>();
            List<Hop> hops = r.hops();
            int inside = insideHops(hops);
            for (int i = 0; i < hops.size(); i++) {
                Hop h = hops.get(i);
                HopLook look = look(h, i, inside, hops.size(), prediction);
                lines.add(new Shape.Line(h.from(), h.to(), colour, look.encrypted() ? 3 : 2,
                        look.encrypted() ? 0 : PLAIN_DASH));
                if (i >= inside) {
                    hopLabels.addAll(hopLabel(h, look, p, taken));
                }
            }
            if (!hops.isEmpty()) {
                lines.add(prediction != null && prediction.outcome() == Outcome.DENIED
                        ? refusedBar(hops.get(hops.size() - 1), colour) : arrow(hops.get(hops.size() - 1), colour));
            }
            String tooltip = prediction == null ? "No prediction" : prediction.outcome() + ": " + prediction.explanationText();
            groups.add(new Group("link-" + r.id(), tooltip, lines));
            if (!hopLabels.isEmpty()) {
                labels.add(new Group("label-link-" + r.id(), null, hopLabels));
            }
        }
        for (Box n : d.nodes()) {
            List<Shape> shapes = new ArrayList<>();
            // a proxy the prediction passes through that the scenario does not draw is dashed, as on the canvas
            shapes.add(new Shape.Box(n.rect(), 6, p.get(background(n.kind())), p.get("-es-node-border"), 1,
                    n.derived() ? PLAIN_DASH : 0));
            if (n.sidecar()) {
                Rect r = n.rect();
                shapes.add(new Shape.Box(new Rect(r.maxX() - DiagramLayout.SIDECAR_W, r.y() + 1,
                        DiagramLayout.SIDECAR_W - 1, r.h() - 2), 4, p.get("-es-sidecar-bg"), null, 0, 0));
                shapes.add(new Shape.Line(new Point(r.maxX() - DiagramLayout.SIDECAR_W, r.y()),
                        new Point(r.maxX() - DiagramLayout.SIDECAR_W, r.maxY()), p.get("-es-node-border"), 1, 0));
            }
            groups.add(new Group(n.id(), null, shapes));
            labels.add(nodeLabels(n, p));
        }
        groups.addAll(labels);
        Rect extent = null;
        for (Group g : groups) {
            extent = g.extent() == null ? extent : g.extent().union(extent);
        }
        return new DiagramDrawing(groups, extent == null ? d.bounds() : extent, outcomes, unpredicted);
    }

    /** The hops drawn inside the first box (app → its own sidecar): no label, as on the canvas. */
    private static int insideHops(List<Hop> hops) {
        return !hops.isEmpty() && hops.get(0).from().x() > hops.get(0).to().x() - 20 ? 1 : 0;
    }

    private record HopLook(String label, boolean encrypted) {
    }

    /** The predicted hop's protection where the predicted hops line up with the drawn ones, else the designed one. */
    private static HopLook look(Hop h, int i, int inside, int count, LinkPrediction p) {
        if (p != null && i >= inside && p.hops().size() == count - inside) {
            LinkPrediction.HopView predicted = p.hops().get(i - inside);
            return new HopLook(predicted.encryption(), predicted.encrypted());
        }
        return new HopLook(h.label() == null ? "" : h.label(), h.encrypted());
    }

    private static List<Shape> hopLabel(Hop h, HopLook look, Palette p, List<Rect> taken) {
        if (look.label().isEmpty()) {
            return List.of();
        }
        double textW = TextMetrics.width(look.label(), HOP_LABEL, false);
        double w = textW + (look.encrypted() ? LOCK + 3 : 0) + 8;
        double height = HOP_LABEL + 6;
        Rect at = place(h, w, height, taken);
        taken.add(at);
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape.Box(at, 4, p.background().withAlpha(0.88), null, 0, 0));
        double x = at.x() + 4;
        if (look.encrypted()) {
            shapes.add(new Shape.Lock(x, at.y() + (height - LOCK) / 2, LOCK, p.text()));
            x += LOCK + 3;
        }
        shapes.add(new Shape.Text(x, at.y() + 3 + HOP_LABEL * 0.85, look.label(), null, HOP_LABEL, false, p.text(), textW));
        return shapes;
    }

    /** Above the hop's middle, else below it, else at a third or two thirds along; the first that covers nothing. */
    private static Rect place(Hop h, double w, double height, List<Rect> taken) {
        List<Rect> candidates = new ArrayList<>();
        for (double along : new double[] {0.5, 0.33, 0.67, 0.2, 0.8}) {
            double x = h.from().x() + (h.to().x() - h.from().x()) * along;
            double y = h.from().y() + (h.to().y() - h.from().y()) * along;
            candidates.add(new Rect(x - w / 2, y - height - 3, w, height));
            candidates.add(new Rect(x - w / 2, y + 3, w, height));
        }
        for (Rect c : candidates) {
            if (taken.stream().noneMatch(c::intersects)) {
                return c;
            }
        }
        return candidates.get(0);
    }

    private static Shape arrow(Hop last, Colour colour) {
        double ex = last.to().x();
        double ey = last.to().y();
        double angle = Math.atan2(ey - last.from().y(), ex - last.from().x());
        return new Shape.Polygon(List.of(new Point(ex, ey),
                new Point(ex - ARROW * Math.cos(angle - 0.4), ey - ARROW * Math.sin(angle - 0.4)),
                new Point(ex - ARROW * Math.cos(angle + 0.4), ey - ARROW * Math.sin(angle + 0.4))), colour);
    }

    /** A link an AuthorizationPolicy refuses ends in a bar across the line, set back from the refusing proxy. */
    private static Shape refusedBar(Hop last, Colour colour) {
        double angle = Math.atan2(last.to().y() - last.from().y(), last.to().x() - last.from().x());
        double half = ARROW * 0.9;
        double thick = ARROW * 0.4;
        double cx = last.to().x() - Math.cos(angle) * ARROW * 0.6;
        double cy = last.to().y() - Math.sin(angle) * ARROW * 0.6;
        double nx = -Math.sin(angle);
        double ny = Math.cos(angle);
        double bx = Math.cos(angle) * thick;
        double by = Math.sin(angle) * thick;
        return new Shape.Polygon(List.of(new Point(cx + nx * half, cy + ny * half),
                new Point(cx - nx * half, cy - ny * half), new Point(cx - nx * half - bx, cy - ny * half - by),
                new Point(cx + nx * half - bx, cy + ny * half - by)), colour);
    }

    private static String background(NodeKind kind) {
        return switch (kind) {
            case EGRESS_GATEWAY -> "-es-gateway-bg";
            case EXTERNAL_SERVICE -> "-es-service-bg";
            case MESH_INGRESS -> "-es-ingress-bg";
            default -> "-es-node-bg";
        };
    }

    /**
     * A node's title and subtitle. A title too long for one line even at a smaller size (a long host name) is broken
     * after dots or dashes onto more lines (three where the box is tall enough, else two), and only the last line is
     * shortened if it must be, with the whole title as its tooltip.
     */
    private static Group nodeLabels(Box n, Palette p) {
        Rect r = n.rect();
        double room = r.w() - 20 - (n.sidecar() ? DiagramLayout.SIDECAR_W : 0);
        String title = n.title() == null ? "" : n.title();
        Shape.Text one = TextMetrics.text(r.x() + 10, r.y() + 20, title, room, NODE_TITLE, MIN_TEXT + 1, true, p.text());
        if (one.full() == null || breakAt(title, room, WRAPPED) < 0) {
            return new Group("label-" + n.id(), null, List.of(one,
                    TextMetrics.text(r.x() + 10, r.y() + 37, n.subtitle(), room, NODE_SUB, MIN_TEXT - 1, false, p.muted())));
        }
        int maxLines = r.h() >= 56 ? 3 : 2;
        List<Shape> shapes = new ArrayList<>();
        String rest = title;
        double baseline = r.y() + 15;
        while (shapes.size() < maxLines - 1 && TextMetrics.width(rest, WRAPPED, true) > room) {
            int split = breakAt(rest, room, WRAPPED);
            if (split < 0) {
                break;
            }
            String line = rest.substring(0, split);
            shapes.add(new Shape.Text(r.x() + 10, baseline, line, null, WRAPPED, true, p.text(),
                    TextMetrics.width(line, WRAPPED, true)));
            rest = rest.substring(split);
            baseline += WRAPPED + 2;
        }
        Shape.Text last = TextMetrics.text(r.x() + 10, baseline, rest, room, WRAPPED, MIN_TEXT, true, p.text());
        shapes.add(last.full() == null ? last : new Shape.Text(last.x(), last.baseline(), last.text(), title,
                last.size(), true, last.fill(), last.width()));
        shapes.add(TextMetrics.text(r.x() + 10, baseline + 14, n.subtitle(), room, MIN_TEXT, MIN_TEXT - 1, false,
                p.muted()));
        return new Group("label-" + n.id(), null, shapes);
    }

    /** The longest first line ending after a '.', '-' or space that fits the width in bold; -1 when none does. */
    private static int breakAt(String text, double width, double size) {
        for (int i = text.length() - 1; i > 0; i--) {
            char c = text.charAt(i - 1);
            if ((c == '.' || c == '-' || c == ' ') && TextMetrics.width(text.substring(0, i), size, true) <= width) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A mesh's title and subtitle. When the title ("name  (namespace, version)") does not fit, the name stays on the
     * first line and the part in brackets closes the second (the policy, which matters more, stays in view).
     */
    private static Group meshLabels(Box m, Palette p) {
        Rect r = m.rect();
        double room = r.w() - 24;
        String title = m.title() == null ? "" : m.title();
        String subtitle = m.subtitle() == null ? "" : m.subtitle();
        Shape.Text one = TextMetrics.text(r.x() + 12, r.y() + 17, title, room, MESH_TITLE, MIN_TEXT + 1, true, p.text());
        int bracket = title.indexOf(" (");
        if (one.full() != null && bracket > 0 && title.endsWith(")")) {
            one = TextMetrics.text(r.x() + 12, r.y() + 17, title.substring(0, bracket), room, MESH_TITLE, MIN_TEXT + 1,
                    true, p.text());
            subtitle = subtitle + " · " + title.substring(bracket).strip().replaceAll("^\\(|\\)$", "");
        }
        return new Group("label-" + m.id(), null, List.of(one,
                TextMetrics.text(r.x() + 12, r.y() + 30, subtitle, room, NODE_SUB, MIN_TEXT - 1, false, p.muted())));
    }

    /**
     * The namespace's name, and its badge ("member", "not in a mesh") at the right of its header, never under a box:
     * when name and badge do not both fit the header, the name keeps the header and the badge sits on the bottom
     * border, in the padding below the workloads.
     */
    private static Group namespaceLabels(Box n, Palette p) {
        Rect r = n.rect();
        List<Shape> shapes = new ArrayList<>();
        double room = r.w() - 16;
        String title = n.title() == null ? "" : n.title();
        String badge = n.subtitle() == null ? "" : n.subtitle();
        double badgeText = TextMetrics.width(badge, BADGE, false);
        double badgeW = badgeText + 10;
        double badgeH = BADGE + 5;
        boolean inHeader = TextMetrics.width(title, NS_TITLE, true) + badgeW + 6 <= room;
        if (!badge.isEmpty() && badgeW < room) {
            Rect pill = inHeader ? new Rect(r.maxX() - 6 - badgeW, r.y() + 4, badgeW, badgeH)
                    : new Rect(r.maxX() - 8 - badgeW, r.maxY() - badgeH / 2, badgeW, badgeH);
            shapes.add(new Shape.Box(pill, 6, p.get("-es-ns-border").withAlpha(0.25), null, 0, 0));
            if (!inHeader) {
                // on the border the pill needs an opaque base, or the dashed line shows through it
                shapes.add(0, new Shape.Box(pill, 6, p.background(), null, 0, 0));
            }
            shapes.add(new Shape.Text(pill.x() + 5, pill.y() + 2 + BADGE * 0.85, badge, null, BADGE, false, p.muted(),
                    badgeText));
            room -= inHeader ? badgeW + 6 : 0;
        }
        shapes.add(0, TextMetrics.text(r.x() + 8, r.y() + 15, title, room, NS_TITLE, MIN_TEXT, true, p.text()));
        return new Group("label-" + n.id(), null, shapes);
    }

    public DiagramDrawing moved(Shape.Transform t) {
        return new DiagramDrawing(groups.stream().map(g -> g.moved(t)).toList(), t.rect(extent), outcomes, unpredicted);
    }
}
