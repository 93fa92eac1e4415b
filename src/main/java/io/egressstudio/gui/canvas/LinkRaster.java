package io.egressstudio.gui.canvas;

import io.egressstudio.gui.canvas.Diagram.Rect;
import java.util.List;

/**
 * Draws link hops as solid pixel lines into an ARGB buffer: the overview's links (below {@link CanvasView#DETAIL_ZOOM}),
 * computed off the FX thread. At that zoom the thousands of shape nodes cost the software renderer a second per redraw
 * (every line crossing the view is antialiased row by row, and any recolour redraws all of them); a plain line
 * algorithm over a buffer takes milliseconds. Pure: no JavaFX types, so it is tested without a window.
 */
final class LinkRaster {
    /** One hop to draw, in world coordinates; {@code argb} non-premultiplied, opaque; {@code width} 1-3 pixels. */
    record Segment(double x1, double y1, double x2, double y2, int argb, int width) {
    }

    /** The pixels of {@code world} at {@code zoom}, {@code width × height}, row-major, transparent where no link is. */
    record Frame(Rect world, double zoom, int width, int height, int[] argb) {
    }

    private LinkRaster() {
    }

    static Frame draw(List<Segment> segments, Rect world, double zoom) {
        // (less a rounding error, so that a world rectangle of whole pixels gives exactly that many)
        int width = Math.max(1, (int) Math.ceil(world.w() * zoom - 1e-6));
        int height = Math.max(1, (int) Math.ceil(world.h() * zoom - 1e-6));
        int[] pixels = new int[width * height];
        for (Segment s : segments) {
            line(pixels, width, height, (s.x1() - world.x()) * zoom, (s.y1() - world.y()) * zoom,
                    (s.x2() - world.x()) * zoom, (s.y2() - world.y()) * zoom, s.argb(), s.width());
        }
        return new Frame(world, zoom, width, height, pixels);
    }

    /**
     * A DDA line clipped to the buffer; wider lines repeat it beside itself across the minor axis. Clipping first
     * (Liang-Barsky) keeps a line that runs far outside the view from costing more than its visible part.
     */
    private static void line(int[] px, int w, int h, double x1, double y1, double x2, double y2, int argb, int width) {
        double[] c = clip(x1, y1, x2, y2, -2, -2, w + 1, h + 1);
        if (c == null) {
            return;
        }
        double dx = c[2] - c[0];
        double dy = c[3] - c[1];
        int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
        boolean steep = Math.abs(dy) > Math.abs(dx);
        double sx = steps == 0 ? 0 : dx / steps;
        double sy = steps == 0 ? 0 : dy / steps;
        int first = -(width - 1) / 2;
        for (int i = 0; i <= steps; i++) {
            int x = (int) Math.floor(c[0] + sx * i);
            int y = (int) Math.floor(c[1] + sy * i);
            for (int k = first; k < first + width; k++) {
                int px0 = steep ? x + k : x;
                int py0 = steep ? y : y + k;
                if (px0 >= 0 && py0 >= 0 && px0 < w && py0 < h) {
                    px[py0 * w + px0] = argb;
                }
            }
        }
    }

    /** The part of a segment inside a rectangle, as {x1, y1, x2, y2}, or null when none is. */
    static double[] clip(double x1, double y1, double x2, double y2, double minX, double minY, double maxX, double maxY) {
        double t0 = 0;
        double t1 = 1;
        double dx = x2 - x1;
        double dy = y2 - y1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - minX, maxX - x1, y1 - minY, maxY - y1};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy};
    }
}
