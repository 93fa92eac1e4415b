package io.egressstudio.gui.canvas.export;

import java.util.Locale;

/** A colour of the theme, for both writers: SVG takes {@link #hex()} and {@link #alpha()}, Java2D {@link #awt()}. */
public record Colour(int red, int green, int blue, double alpha) {
    /** {@code #rrggbb} or {@code #rrggbbaa}, as designer.css writes them. */
    public static Colour parse(String hex) {
        int r = Integer.parseInt(hex.substring(1, 3), 16);
        int g = Integer.parseInt(hex.substring(3, 5), 16);
        int b = Integer.parseInt(hex.substring(5, 7), 16);
        double a = hex.length() >= 9 ? Integer.parseInt(hex.substring(7, 9), 16) / 255.0 : 1;
        return new Colour(r, g, b, a);
    }

    /** Six-digit hex: every SVG viewer reads it (not all read eight digits or rgba()). */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    public boolean opaque() {
        return alpha >= 0.999;
    }

    public Colour withAlpha(double a) {
        return new Colour(red, green, blue, a);
    }

    public java.awt.Color awt() {
        return new java.awt.Color(red, green, blue, (int) Math.round(alpha * 255));
    }
}
