package io.egressstudio.io;

/**
 * How an exported diagram looks: the PNG's size in layout pixels and its scale (2 = twice the pixels, same layout,
 * for slides), whether the title and the legend are drawn, the theme, and the line under the title (the walkthrough
 * step shown, or null). An SVG takes everything but the size and scale: it is as large as the diagram.
 */
public record ExportOptions(int width, int height, double scale, boolean title, boolean legend, boolean dark,
                            String caption) {
    public static final int MIN_SIZE = 200;
    public static final int MAX_SIZE = 8000;
    public static final double MAX_SCALE = 4;

    public ExportOptions {
        if (width < MIN_SIZE || height < MIN_SIZE || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("the size " + width + "x" + height + " is out of range: each side "
                    + MIN_SIZE + " to " + MAX_SIZE);
        }
        if (!(scale > 0) || scale > MAX_SCALE) {
            throw new IllegalArgumentException("the scale " + scale + " is out of range: more than 0, at most " + MAX_SCALE);
        }
    }

    /** The command line's PNG until now: 1200x720 at 1x, light, with title and legend. */
    public static ExportOptions defaults() {
        return new ExportOptions(1200, 720, 1, true, true, false, null);
    }

    public ExportOptions withSize(int w, int h) {
        return new ExportOptions(w, h, scale, title, legend, dark, caption);
    }

    public ExportOptions withScale(double s) {
        return new ExportOptions(width, height, s, title, legend, dark, caption);
    }

    public ExportOptions withTitle(boolean on) {
        return new ExportOptions(width, height, scale, on, legend, dark, caption);
    }

    public ExportOptions withLegend(boolean on) {
        return new ExportOptions(width, height, scale, title, on, dark, caption);
    }

    public ExportOptions withDark(boolean on) {
        return new ExportOptions(width, height, scale, title, legend, on, caption);
    }

    public ExportOptions withCaption(String text) {
        return new ExportOptions(width, height, scale, title, legend, dark, text);
    }

    /** The PNG's width in pixels. */
    public int pixelWidth() {
        return (int) Math.round(width * scale);
    }

    /** The PNG's height in pixels. */
    public int pixelHeight() {
        return (int) Math.round(height * scale);
    }

    /** {@code 1920x1080} → [1920, 1080]; a clear message for anything else. */
    public static int[] parseSize(String text) {
        String[] parts = text == null ? new String[0] : text.trim().toLowerCase(java.util.Locale.ROOT).split("[x×]");
        if (parts.length == 2) {
            try {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            } catch (NumberFormatException e) {
                // explained below
            }
        }
        throw new IllegalArgumentException("the size \"" + text + "\" is not WIDTHxHEIGHT (e.g. 1920x1080)");
    }
}
