package io.egressstudio.gui.canvas.export;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * A {@link Page} painted with Java2D into an image: no JavaFX and no display needed (headless AWT), so the command
 * line draws the same picture as the window's export, anywhere.
 */
public final class Java2dPainter {
    private Java2dPainter() {
    }

    /** The page at {@code scale} (2: twice the pixels each way, the same layout). */
    public static BufferedImage paint(Page page, double scale) {
        int w = (int) Math.round(page.width() * scale);
        int h = (int) Math.round(page.height() * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(page.background().awt());
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            for (Group group : page.groups()) {
                for (Shape s : group.shapes()) {
                    paint(g, s);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void paint(Graphics2D g, Shape shape) {
        if (shape instanceof Shape.Box b) {
            RoundRectangle2D r = new RoundRectangle2D.Double(b.rect().x(), b.rect().y(), b.rect().w(), b.rect().h(),
                    b.radius() * 2, b.radius() * 2);
            if (b.fill() != null) {
                g.setColor(b.fill().awt());
                g.fill(r);
            }
            if (b.stroke() != null) {
                g.setColor(b.stroke().awt());
                g.setStroke(stroke(b.strokeWidth(), b.dash()));
                g.draw(r);
            }
        } else if (shape instanceof Shape.Line l) {
            g.setColor(l.stroke().awt());
            g.setStroke(stroke(l.width(), l.dash()));
            g.draw(new Line2D.Double(l.from().x(), l.from().y(), l.to().x(), l.to().y()));
        } else if (shape instanceof Shape.Polygon p) {
            Path2D path = new Path2D.Double();
            path.moveTo(p.points().get(0).x(), p.points().get(0).y());
            p.points().subList(1, p.points().size()).forEach(pt -> path.lineTo(pt.x(), pt.y()));
            path.closePath();
            g.setColor(p.fill().awt());
            g.fill(path);
        } else if (shape instanceof Shape.Text t) {
            g.setColor(t.fill().awt());
            g.setFont(new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) t.size()));
            g.drawString(t.text(), (float) t.x(), (float) t.baseline());
        } else if (shape instanceof Shape.Lock k) {
            double s = k.size();
            g.setColor(k.fill().awt());
            g.setStroke(new BasicStroke((float) (s * 0.13)));
            Path2D shackle = new Path2D.Double();
            shackle.moveTo(k.x() + s * 0.28, k.y() + s * 0.5);
            shackle.lineTo(k.x() + s * 0.28, k.y() + s * 0.3);
            shackle.append(new Arc2D.Double(k.x() + s * 0.28, k.y() + s * 0.08, s * 0.44, s * 0.44, 180, -180,
                    Arc2D.OPEN), true);
            shackle.lineTo(k.x() + s * 0.72, k.y() + s * 0.5);
            g.draw(shackle);
            g.fill(new RoundRectangle2D.Double(k.x() + s * 0.1, k.y() + s * 0.45, s * 0.8, s * 0.55, s * 0.2, s * 0.2));
        }
    }

    private static BasicStroke stroke(double width, double dash) {
        if (dash > 0) {
            return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                    new float[] {(float) dash, (float) (dash * 2 / 3)}, 0);
        }
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
