import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the Egress Studio icon (a mesh hexagon with traffic leaving it through a lock) at the sizes installers need.
 * Run from the project root: {@code java assets/IconRenderer.java assets}.
 */
public class IconRenderer {
    public static void main(String[] args) throws Exception {
        File folder = new File(args.length > 0 ? args[0] : "assets");
        for (int size : new int[] {512}) {
            ImageIO.write(draw(size), "png", new File(folder, "egress-studio-" + size + ".png"));
        }
        ImageIO.write(draw(256), "png", new File(folder, "egress-studio.png"));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f, 0x4e, 0x8c), 256, 256, new Color(0x12, 0x2b, 0x4f)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        Path2D hexagon = new Path2D.Double();
        double cx = 96;
        double cy = 128;
        double r = 62;
        for (int i = 0; i < 6; i++) {
            double angle = Math.toRadians(60 * i + 30);
            double x = cx + r * Math.cos(angle);
            double y = cy + r * Math.sin(angle);
            if (i == 0) {
                hexagon.moveTo(x, y);
            } else {
                hexagon.lineTo(x, y);
            }
        }
        hexagon.closePath();
        g.setColor(new Color(0xe8, 0xf1, 0xfb));
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(hexagon);
        g.fillOval((int) cx - 14, (int) cy - 14, 28, 28);
        g.setColor(new Color(0x3d, 0xd6, 0x8c));
        g.drawLine((int) cx + 14, (int) cy, 200, (int) cy);
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(222, cy);
        arrow.lineTo(192, cy - 22);
        arrow.lineTo(192, cy + 22);
        arrow.closePath();
        g.fill(arrow);
        g.setColor(new Color(0xff, 0xc8, 0x57));
        g.fillRoundRect(146, 150, 44, 36, 8, 8);
        g.setStroke(new BasicStroke(8));
        g.drawArc(154, 128, 28, 40, 0, 180);
        g.dispose();
        return image;
    }
}
