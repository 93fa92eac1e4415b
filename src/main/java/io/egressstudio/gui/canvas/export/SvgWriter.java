package io.egressstudio.gui.canvas.export;

import io.egressstudio.gui.canvas.Diagram.Point;
import io.egressstudio.gui.canvas.Diagram.Rect;
import java.util.Locale;

/**
 * A {@link Page} as SVG 1.1: every element carries its own fill, stroke and font (no stylesheet, which some viewers
 * and slide tools ignore), the viewBox is the page, and shortened texts keep their full text as a tooltip.
 */
public final class SvgWriter {
    private SvgWriter() {
    }

    public static String write(Page page) {
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                + "viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\">%n", n(page.width()), n(page.height()),
                n(page.width()), n(page.height())));
        svg.append(String.format(Locale.ROOT, "<rect id=\"background\" x=\"0\" y=\"0\" width=\"%s\" height=\"%s\"%s/>%n",
                n(page.width()), n(page.height()), paint("fill", page.background())));
        for (Group g : page.groups()) {
            svg.append("<g id=\"").append(escape(g.id())).append("\">");
            if (g.tooltip() != null) {
                svg.append("<title>").append(escape(g.tooltip())).append("</title>");
            }
            for (Shape s : g.shapes()) {
                shape(svg, s);
            }
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void shape(StringBuilder svg, Shape shape) {
        if (shape instanceof Shape.Box b) {
            Rect r = b.rect();
            svg.append("<rect x=\"").append(n(r.x())).append("\" y=\"").append(n(r.y())).append("\" width=\"")
                    .append(n(r.w())).append("\" height=\"").append(n(r.h())).append("\" rx=\"").append(n(b.radius()))
                    .append('"').append(b.fill() == null ? " fill=\"none\"" : paint("fill", b.fill()));
            if (b.stroke() != null) {
                svg.append(paint("stroke", b.stroke())).append(" stroke-width=\"").append(n(b.strokeWidth())).append('"')
                        .append(dash(b.dash()));
            }
            svg.append("/>");
        } else if (shape instanceof Shape.Line l) {
            svg.append("<path d=\"M").append(n(l.from().x())).append(' ').append(n(l.from().y()))
                    .append(" L").append(n(l.to().x())).append(' ').append(n(l.to().y())).append("\" fill=\"none\"")
                    .append(paint("stroke", l.stroke())).append(" stroke-width=\"").append(n(l.width())).append('"')
                    .append(dash(l.dash())).append("/>");
        } else if (shape instanceof Shape.Polygon p) {
            svg.append("<polygon points=\"");
            for (Point pt : p.points()) {
                svg.append(n(pt.x())).append(',').append(n(pt.y())).append(' ');
            }
            svg.setLength(svg.length() - 1);
            svg.append('"').append(paint("fill", p.fill())).append("/>");
        } else if (shape instanceof Shape.Text t) {
            if (t.full() != null) {
                svg.append("<g><title>").append(escape(t.full())).append("</title>");
            }
            svg.append("<text x=\"").append(n(t.x())).append("\" y=\"").append(n(t.baseline()))
                    .append("\" font-family=\"").append(TextMetrics.FONT_FAMILY).append("\" font-size=\"")
                    .append(n(t.size())).append('"').append(t.bold() ? " font-weight=\"bold\"" : "")
                    .append(paint("fill", t.fill())).append('>').append(escape(t.text())).append("</text>");
            if (t.full() != null) {
                svg.append("</g>");
            }
        } else if (shape instanceof Shape.Lock k) {
            double s = k.size();
            svg.append("<path d=\"M").append(n(k.x() + s * 0.28)).append(' ').append(n(k.y() + s * 0.5))
                    .append(" V").append(n(k.y() + s * 0.3)).append(" A").append(n(s * 0.22)).append(' ')
                    .append(n(s * 0.22)).append(" 0 0 1 ").append(n(k.x() + s * 0.72)).append(' ')
                    .append(n(k.y() + s * 0.3)).append(" V").append(n(k.y() + s * 0.5)).append("\" fill=\"none\"")
                    .append(paint("stroke", k.fill())).append(" stroke-width=\"").append(n(s * 0.13)).append("\"/>");
            svg.append("<rect x=\"").append(n(k.x() + s * 0.1)).append("\" y=\"").append(n(k.y() + s * 0.45))
                    .append("\" width=\"").append(n(s * 0.8)).append("\" height=\"").append(n(s * 0.55))
                    .append("\" rx=\"").append(n(s * 0.1)).append('"').append(paint("fill", k.fill())).append("/>");
        }
    }

    /** fill="#rrggbb" (with fill-opacity when translucent); the same for stroke. */
    private static String paint(String attribute, Colour c) {
        String out = " " + attribute + "=\"" + c.hex() + "\"";
        return c.opaque() ? out : out + " " + attribute + "-opacity=\"" + String.format(Locale.ROOT, "%.2f", c.alpha()) + "\"";
    }

    private static String dash(double dash) {
        return dash > 0 ? " stroke-dasharray=\"" + n(dash) + " " + n(dash * 2 / 3) + "\"" : "";
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
