package io.egressstudio.gui.canvas.export;

import io.egressstudio.gui.canvas.Diagram.Point;
import io.egressstudio.gui.canvas.Diagram.Rect;
import java.util.List;

/**
 * What an export draws, in one vocabulary for both writers (SVG and Java2D): every shape carries its own colours,
 * sizes and, for text, its measured width, so that nothing depends on a stylesheet and the extent of the drawing is
 * known before it is written.
 */
public sealed interface Shape {
    /** The area the shape covers (text: its measured advance, ascent and descent). */
    Rect extent();

    /** The shape moved by {@code t}, with sizes (strokes, fonts, dashes) scaled with it. */
    Shape moved(Transform t);

    /** A rounded box. {@code fill} may be null (outline only), {@code stroke} null (no outline). */
    record Box(Rect rect, double radius, Colour fill, Colour stroke, double strokeWidth, double dash) implements Shape {
        @Override
        public Rect extent() {
            return rect.grow(strokeWidth / 2, strokeWidth / 2, strokeWidth / 2, strokeWidth / 2);
        }

        @Override
        public Box moved(Transform t) {
            return new Box(t.rect(rect), radius * t.k(), fill, stroke, strokeWidth * t.k(), dash * t.k());
        }
    }

    /** A straight line; {@code dash} > 0 draws it dashed (dash, then a gap of two thirds of it). */
    record Line(Point from, Point to, Colour stroke, double width, double dash) implements Shape {
        @Override
        public Rect extent() {
            return new Rect(Math.min(from.x(), to.x()), Math.min(from.y(), to.y()), Math.abs(to.x() - from.x()),
                    Math.abs(to.y() - from.y())).grow(width, width, width, width);
        }

        @Override
        public Line moved(Transform t) {
            return new Line(t.point(from), t.point(to), stroke, width * t.k(), dash * t.k());
        }
    }

    /** A filled polygon (an arrow head). */
    record Polygon(List<Point> points, Colour fill) implements Shape {
        public Polygon {
            points = List.copyOf(points);
        }

        @Override
        public Rect extent() {
            Rect r = null;
            for (Point p : points) {
                r = new Rect(p.x(), p.y(), 0, 0).union(r);
            }
            return r;
        }

        @Override
        public Polygon moved(Transform t) {
            return new Polygon(points.stream().map(t::point).toList(), fill);
        }
    }

    /**
     * One line of text, left-aligned at {@code x} on {@code baseline}. {@code full} is the whole text when
     * {@code text} had to be shortened to fit (a viewer shows it as the tooltip), else null.
     */
    record Text(double x, double baseline, String text, String full, double size, boolean bold, Colour fill,
                double width) implements Shape {
        @Override
        public Rect extent() {
            return new Rect(x, baseline - size * TextMetrics.ASCENT, width, size * (TextMetrics.ASCENT + TextMetrics.DESCENT));
        }

        @Override
        public Text moved(Transform t) {
            return new Text(t.x(x), t.y(baseline), text, full, size * t.k(), bold, fill, width * t.k());
        }
    }

    /** A padlock of {@code size} (width and height) with its top-left corner at x, y: an encrypted hop. */
    record Lock(double x, double y, double size, Colour fill) implements Shape {
        @Override
        public Rect extent() {
            return new Rect(x, y, size, size);
        }

        @Override
        public Lock moved(Transform t) {
            return new Lock(t.x(x), t.y(y), size * t.k(), fill);
        }
    }

    /** Moves by (dx, dy) after scaling by k. */
    record Transform(double dx, double dy, double k) {
        public double x(double x) {
            return dx + x * k;
        }

        public double y(double y) {
            return dy + y * k;
        }

        public Point point(Point p) {
            return new Point(x(p.x()), y(p.y()));
        }

        public Rect rect(Rect r) {
            return new Rect(x(r.x()), y(r.y()), r.w() * k, r.h() * k);
        }
    }
}
