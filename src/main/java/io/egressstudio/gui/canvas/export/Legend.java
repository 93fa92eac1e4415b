package io.egressstudio.gui.canvas.export;

import io.egressstudio.gui.canvas.Diagram.Point;
import io.egressstudio.model.Outcome;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the colours and lines of an exported diagram mean: each outcome drawn (its colour), a hop's encryption (lock,
 * solid line) and plaintext (dashed line). Rows wrap to the width given and are centred.
 */
final class Legend {
    /** The text size at 1x; every other length of the legend is in proportion to it. */
    static final double SIZE = 13;

    private Legend() {
    }

    static String meaning(Outcome outcome) {
        return switch (outcome) {
            case OK -> "reaches its destination";
            case PASSTHROUGH -> "sent on, unmanaged";
            case BLACKHOLE -> "dropped (502)";
            case MTLS_FAILURE -> "Istio mutual TLS fails";
            case TLS_FAILURE -> "TLS origination fails";
            case DOUBLE_TLS -> "TLS inside TLS";
            case PROTOCOL_MISMATCH -> "bytes do not fit the protocol";
            case NO_ROUTE -> "no route (404)";
            case DENIED -> "refused by policy (403)";
        };
    }

    /** One swatch and its text; a heading ("Outcome:", "Hop:") has no swatch and bold text. */
    private record Entry(String text, Colour colour, boolean dashed, boolean lock, boolean heading) {
        static Entry heading(String text, Colour colour) {
            return new Entry(text, colour, false, false, true);
        }

        double width(double k) {
            if (heading) {
                return TextMetrics.width(text, SIZE * k, true) - gap(k) + 6 * k;
            }
            return (lock() ? Legend.lock(k) + 4 * k : 0) + swatch(k) + 6 * k + TextMetrics.width(text, SIZE * k, false);
        }
    }

    private static double swatch(double k) {
        return 28 * k;
    }

    private static double lock(double k) {
        return DiagramDrawing.LOCK * 1.2 * k;
    }

    private static double gap(double k) {
        return 22 * k;
    }

    private static double row(double k) {
        return SIZE * 1.9 * k;
    }

    private static List<Entry> entries(DiagramDrawing d, Palette p) {
        List<Entry> entries = new ArrayList<>();
        // colour says the outcome, the line says the hop's encryption: headed apart, as a black BLACKHOLE line
        // would otherwise read as "encrypted"
        entries.add(Entry.heading("Outcome:", p.text()));
        Set<Outcome> drawn = d.outcomes().isEmpty() ? Set.of() : EnumSet.copyOf(d.outcomes());
        for (Outcome o : drawn) {
            entries.add(new Entry(o.name() + ": " + meaning(o), p.outcome(o), false, false, false));
        }
        if (d.unpredicted()) {
            entries.add(new Entry("no prediction", p.outcome(null), false, false, false));
        }
        entries.add(Entry.heading("Hop:", p.text()));
        entries.add(new Entry("encrypted (its TLS mode beside it)", p.muted(), false, true, false));
        entries.add(new Entry("plaintext", p.muted(), true, false, false));
        return entries;
    }

    /** The rows' height at this width, its lengths k times those at 1x. */
    static double height(DiagramDrawing d, Palette p, double width, double k) {
        return rows(entries(d, p), width, k).size() * row(k);
    }

    /** The legend with its top-left corner at x, y, wrapped to width, its lengths k times those at 1x. */
    static Group draw(DiagramDrawing d, Palette p, double x, double y, double width, double k) {
        List<Shape> shapes = new ArrayList<>();
        List<List<Entry>> rows = rows(entries(d, p), width, k);
        double top = y;
        for (List<Entry> row : rows) {
            double rowWidth = row.stream().mapToDouble(e -> e.width(k)).sum() + gap(k) * (row.size() - 1);
            double left = x + Math.max(0, (width - rowWidth) / 2);
            double mid = top + row(k) / 2;
            for (Entry e : row) {
                double at = left;
                if (e.heading()) {
                    shapes.add(TextMetrics.text(at, mid + SIZE * k * 0.35, e.text(), x + width - at, SIZE * k,
                            (SIZE - 3) * k, true, e.colour()));
                    left += e.width(k) + gap(k);
                    continue;
                }
                if (e.lock()) {
                    shapes.add(new Shape.Lock(at, mid - lock(k) / 2, lock(k), e.colour()));
                    at += lock(k) + 4 * k;
                }
                shapes.add(new Shape.Line(new Point(at, mid), new Point(at + swatch(k), mid), e.colour(),
                        (e.dashed() ? 2 : 3) * k, e.dashed() ? DiagramDrawing.PLAIN_DASH * k : 0));
                at += swatch(k) + 6 * k;
                // an entry wider than the whole legend (a very narrow image) is shortened rather than cut off
                shapes.add(TextMetrics.text(at, mid + SIZE * k * 0.35, e.text(), x + width - at, SIZE * k,
                        (SIZE - 3) * k, false, p.text()));
                left += e.width(k) + gap(k);
            }
            top += row(k);
        }
        return new Group("legend", null, shapes);
    }

    private static List<List<Entry>> rows(List<Entry> entries, double width, double k) {
        List<List<Entry>> rows = new ArrayList<>();
        List<Entry> row = new ArrayList<>();
        double used = 0;
        for (Entry e : entries) {
            double w = e.width(k) + (row.isEmpty() ? 0 : gap(k));
            if (!row.isEmpty() && used + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                w = e.width(k);
                used = 0;
            }
            row.add(e);
            used += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }
}
