package io.egressstudio.gui.canvas;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.Node;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Sizes, fonts and style classes of the canvas's glyphs and badges, set so that a glyph measures as it will be drawn
 * and a style is touched only when it changes (each change re-applies CSS, on thousands of glyphs).
 */
final class GlyphStyles {
    private GlyphStyles() {
    }

    /**
     * An icon's size inline (0: the stylesheet's), keeping the inline style Ikonli gives the icon (its font).
     */
    static void iconSize(FontIcon icon, long size) {
        String base = (String) icon.getProperties().computeIfAbsent("egress.style", k -> icon.getStyle() == null ? ""
                : icon.getStyle());
        String style = size <= 0 ? base : base + (base.isEmpty() || base.endsWith(";") ? "" : ";")
                + " -fx-icon-size: " + size + ";";
        if (!style.equals(icon.getStyle())) {
            icon.setStyle(style);
        }
    }

    /** Sets a canvas text's font in code and inline, so that it measures as it will be drawn. */
    static void font(Text text, double size, boolean bold) {
        String style = "-fx-font-size: " + size + "px;" + (bold ? " -fx-font-weight: bold;" : "");
        if (!style.equals(text.getStyle())) {
            text.setStyle(style);
            if (FONTS.size() > 256) {
                // presenting fits the text sizes to the view: sizes seen once are not kept for ever
                FONTS.clear();
            }
            text.setFont(FONTS.computeIfAbsent(List.of(size, bold), k -> Font.font(Font.getDefault().getFamily(),
                    bold ? FontWeight.BOLD : FontWeight.NORMAL, size)));
        }
    }

    /** One Font per size and weight, shared by all texts (a canvas has thousands of texts in a few sizes). */
    private static final Map<List<Object>, Font> FONTS = new ConcurrentHashMap<>();

    /** Shortens a text with an ellipsis until it fits the width (the longest prefix that fits, by bisection). */
    static void fitText(Text text, double width) {
        String full = text.getText();
        if (full == null || text.getLayoutBounds().getWidth() <= width) {
            return;
        }
        int lo = 4;
        int hi = full.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            text.setText(full.substring(0, mid) + "…");
            if (text.getLayoutBounds().getWidth() <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        text.setText(full.substring(0, Math.min(lo, full.length())) + "…");
    }

    /** Adds or removes a style class, touching the node only when that changes something. */
    static void setClass(Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
