package io.egressstudio.gui.canvas;

import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Point;
import io.egressstudio.gui.canvas.Diagram.Rect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places hop labels where they cover nothing: no node box, no mesh or namespace title, no other label. It tries spots
 * beside the hop's middle, then further along the hop, then further from it; the first free one wins. Obstacles are
 * kept in a grid of cells, so a label looks only at what is near it (thousands of links).
 */
final class LabelPlacer {
    private static final double CELL = 256;
    private static final double[] ALONG = {0.5, 0.35, 0.65, 0.2, 0.8};
    private final Map<Long, List<Rect>> grid = new HashMap<>();
    private final double margin;

    /** Obstacles: node boxes, and the header (title) strip of each mesh and namespace, at layout scale {@code s}. */
    LabelPlacer(Collection<Box> boxes, Diagram.Fonts f) {
        double s = f.scale();
        this.margin = 2 * s;
        for (Box b : boxes) {
            Rect r = b.rect();
            switch (b.kind()) {
                // a label may lie inside a mesh or namespace, not over its title
                case MESH -> taken(new Rect(r.x(), r.y(), r.w(), DiagramLayout.meshHeader(f)));
                case NAMESPACE -> taken(new Rect(r.x(), r.y(), r.w(), DiagramLayout.NS_HEADER * s));
                default -> taken(r);
            }
        }
    }

    /** The label's box for a hop from a to b: the first free spot, else beside the middle. */
    Rect place(Point a, Point b, double w, double h, double s) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        boolean vertical = Math.abs(dy) > Math.abs(dx);
        Rect first = null;
        for (int away = 0; away < 4; away++) {
            double off = 4 * s + away * (h + 2 * s);
            for (double t : ALONG) {
                double px = a.x() + dx * t;
                double py = a.y() + dy * t;
                Rect[] spots = vertical
                        ? new Rect[] {new Rect(px + off + 2 * s, py - h / 2, w, h), new Rect(px - off - 2 * s - w, py - h / 2, w, h)}
                        : new Rect[] {new Rect(px - w / 2, py - off - h, w, h), new Rect(px - w / 2, py + off, w, h)};
                for (Rect spot : spots) {
                    if (first == null) {
                        first = spot;
                    }
                    if (free(spot)) {
                        taken(spot);
                        return spot;
                    }
                }
            }
        }
        taken(first);
        return first;
    }

    void taken(Rect r) {
        if (r == null) {
            return;
        }
        forCells(r, cell -> grid.computeIfAbsent(cell, k -> new ArrayList<>()).add(r));
    }

    private boolean free(Rect spot) {
        Rect grown = spot.grow(margin, margin, margin, margin);
        boolean[] free = {true};
        forCells(grown, cell -> {
            List<Rect> rs = grid.get(cell);
            if (free[0] && rs != null) {
                for (Rect r : rs) {
                    if (r.intersects(grown)) {
                        free[0] = false;
                        return;
                    }
                }
            }
        });
        return free[0];
    }

    private static void forCells(Rect r, java.util.function.LongConsumer action) {
        long x0 = (long) Math.floor(r.x() / CELL);
        long x1 = (long) Math.floor(r.maxX() / CELL);
        long y0 = (long) Math.floor(r.y() / CELL);
        long y1 = (long) Math.floor(r.maxY() / CELL);
        for (long x = x0; x <= x1; x++) {
            for (long y = y0; y <= y1; y++) {
                action.accept(x << 32 ^ (y & 0xffffffffL));
            }
        }
    }
}
