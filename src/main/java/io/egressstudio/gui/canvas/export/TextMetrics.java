package io.egressstudio.gui.canvas.export;

import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * Text widths, measured with AWT's font metrics of the logical sans-serif font (DejaVu Sans on Linux, one of the
 * widest sans-serif faces, so that text measured here also fits where a viewer substitutes a narrower one). Works in
 * headless mode: no display, no JavaFX.
 */
public final class TextMetrics {
    /** The SVG's font list, the same face first. */
    public static final String FONT_FAMILY = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";
    /** Above and below the baseline, in ems (DejaVu's are 0.93 and 0.24; rounded up). */
    public static final double ASCENT = 0.95;
    public static final double DESCENT = 0.25;
    private static final float REFERENCE = 100f;
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, (int) REFERENCE);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, (int) REFERENCE);
    private static final String ELLIPSIS = "…";

    private TextMetrics() {
    }

    public static double width(String text, double size, boolean bold) {
        if (text.isEmpty()) {
            return 0;
        }
        return (bold ? BOLD : PLAIN).getStringBounds(text, CONTEXT).getWidth() * size / REFERENCE;
    }

    /** Text fitted to a width: as it is, else smaller down to {@code minSize}, else shortened with an ellipsis. */
    public record Fitted(String text, double size, double width, boolean shortened) {
    }

    public static Fitted fit(String text, double maxWidth, double size, double minSize, boolean bold) {
        double s = size;
        double w = width(text, s, bold);
        while (w > maxWidth && s - 0.5 >= minSize) {
            s -= 0.5;
            w = width(text, s, bold);
        }
        if (w <= maxWidth) {
            return new Fitted(text, s, w, false);
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(text.substring(0, mid) + ELLIPSIS, s, bold) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        String shortened = text.substring(0, lo).stripTrailing() + ELLIPSIS;
        return new Fitted(shortened, s, width(shortened, s, bold), true);
    }

    /** A Text shape at x, baseline, fitted to maxWidth. */
    public static Shape.Text text(double x, double baseline, String text, double maxWidth, double size, double minSize,
                                  boolean bold, Colour fill) {
        String t = text == null ? "" : text.strip().replace('\n', ' ');
        Fitted f = fit(t, Math.max(0, maxWidth), size, minSize, bold);
        return new Shape.Text(x, baseline, f.text(), f.shortened() ? t : null, f.size(), bold, fill, f.width());
    }
}
