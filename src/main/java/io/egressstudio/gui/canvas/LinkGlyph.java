package io.egressstudio.gui.canvas;

import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.model.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Polygon;

/**
 * The shapes of a link on screen up close (made when it comes into view, dropped when it leaves, see
 * {@link LinkSlot}): one line per hop, coloured by the predicted outcome, each hop labelled with its TLS (and a lock). Its
 * state is shown through pseudo-classes ({@code :outcome-ok}, {@code :plain}), not style classes: a style class
 * change re-matches every stylesheet rule for the glyph and its children, a pseudo-class change only switches
 * between the styles already matched. The shapes are made once and updated in place.
 */
final class LinkGlyph extends Group {
    private static final Map<String, PseudoClass> OUTCOMES = new HashMap<>();

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
        drawn = null;
        redraw();
    }

    /** What a route's shapes cover, with a margin for the arrow and the badges; null for a route without hops. */
    static Rect boundsOf(Route r, Diagram.Fonts f) {
        Rect b = null;
        for (Hop h : r.hops()) {
            double x0 = Math.min(h.from().x(), h.to().x());
            double y0 = Math.min(h.from().y(), h.to().y());
            b = new Rect(x0, y0, Math.abs(h.to().x() - h.from().x()), Math.abs(h.to().y() - h.from().y())).union(b);
            if (h.labelBox() != null) {
                b = h.labelBox().union(b);
            }
        }
        double m = 20 * f.scale();
        return b == null ? null : b.grow(m, m, m, m);
    }

    /** How a hop is drawn: its label, whether it is encrypted, whether it runs inside a box (app → its sidecar). */
    record HopLook(String label, boolean encrypted, boolean inside) {
    }

    /**
     * How each hop of a route is drawn under a prediction. A route drawn as designed (its prediction names nothing
     * drawn) shows the predicted encryption where the hops line up (the first designed hop may be app → sidecar).
     */
    static List<HopLook> looks(Route route, LinkPrediction p) {
        List<Hop> hops = route.hops();
        List<HopLook> out = new ArrayList<>(hops.size());
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
            out.add(new HopLook(label, encrypted, i < offset));
        }
        return out;
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
        Object key = List.of(hops, prediction == null ? List.of() : prediction.hops(), refused(prediction));
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
        List<HopLook> looks = looks(route, p);
        for (int i = 0; i < hops.size(); i++) {
            HopLook look = looks.get(i);
            structure |= hopShapes.get(i).update(hops.get(i), look.label(), look.encrypted(), look.inside(), details,
                    fonts);
        }
        if (!hops.isEmpty()) {
            Hop last = hops.get(hops.size() - 1);
            double ex = last.to().x();
            double ey = last.to().y();
            double angle = Math.atan2(ey - last.from().y(), ex - last.from().x());
            double len = 10 * fonts.scale();
            boolean refused = refused(p);
            arrow.getStyleClass().remove(Styles.REFUSED);
            if (refused) {
                // the request stops at this proxy: a bar across the line's end instead of an arrow head
                arrow.getStyleClass().add(Styles.REFUSED);
                // set back from the box, so that it stands clear of other links ending at the same proxy
                double half = 9 * fonts.scale();
                double thick = 4 * fonts.scale();
                double back = 6 * fonts.scale();
                double nx = -Math.sin(angle);
                double ny = Math.cos(angle);
                double cx = ex - Math.cos(angle) * back;
                double cy = ey - Math.sin(angle) * back;
                double bx = Math.cos(angle) * thick;
                double by = Math.sin(angle) * thick;
                arrow.getPoints().setAll(cx + nx * half, cy + ny * half, cx - nx * half, cy - ny * half,
                        cx - nx * half - bx, cy - ny * half - by, cx + nx * half - bx, cy + ny * half - by);
            } else {
                arrow.getPoints().setAll(ex, ey,
                        ex - len * Math.cos(angle - 0.4), ey - len * Math.sin(angle - 0.4),
                        ex - len * Math.cos(angle + 0.4), ey - len * Math.sin(angle + 0.4));
            }
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

    /** Whether a policy refuses the request: the link ends in a bar at the refusing proxy. */
    static boolean refused(LinkPrediction p) {
        return p != null && p.outcome() == Outcome.DENIED;
    }

    static PseudoClass outcomeClass(Outcome outcome) {
        return outcomeClass(Styles.outcome(outcome));
    }

    /** The pseudo-class of an outcome's CSS name ({@code outcome-ok}), one instance per name. */
    static PseudoClass outcomeClass(String name) {
        return OUTCOMES.computeIfAbsent(name, PseudoClass::getPseudoClass);
    }
}
