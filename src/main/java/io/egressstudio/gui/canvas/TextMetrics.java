package io.egressstudio.gui.canvas;

/**
 * How wide a canvas text will be, without JavaFX: the layout sizes boxes to their texts off the FX thread (and for
 * the SVG export). Advance widths of DejaVu Sans (the font JavaFX's "System" resolves to on Linux), rounded up, so an
 * estimate is never narrower than the drawn text; the view still measures and shortens what does not fit.
 */
public final class TextMetrics {
    /** Advance width in thousandths of an em, for ' ' (32) to '~' (126). */
    private static final int[] REGULAR = {
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, // space ! " # $ % & ' ( ) * + , - . /
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, // 0-9 : ; < = > ?
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, // @ A-O
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, // P-Z [ \ ] ^ _
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, // ` a-o
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,      // p-z { | } ~
    };
    /** Bold DejaVu Sans is about this much wider. */
    private static final double BOLD = 1.14;
    /** Line height of a text, in ems (ascent + descent, with a little room). */
    public static final double LINE = 1.3;

    /** Measures a text's width at a size in px, bold or not. */
    @FunctionalInterface
    public interface Measure {
        double width(String text, double size, boolean bold);
    }

    /** The estimate (no JavaFX needed): for exports and layouts made off the FX toolkit. */
    public static final Measure ESTIMATE = TextMetrics::width;

    private TextMetrics() {
    }

    /** The width of {@code text} at {@code size} px, never less than JavaFX draws it with DejaVu Sans. */
    public static double width(String text, double size, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            em += c >= 32 && c <= 126 ? REGULAR[c - 32] : c == '·' ? 318 : 1000;
        }
        return Math.ceil(em / 1000 * size * (bold ? BOLD : 1.0) * 1.03 + 1);
    }

    public static double height(double size) {
        return Math.ceil(size * LINE);
    }
}
