package io.egressstudio.gui.canvas;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Text widths in the font the canvas draws with (the default font; the stylesheet sets only size and weight), so
 * boxes are exactly as wide as their texts need on this machine. Widths are cached: a layout asks for each text on
 * every edit. Not thread-safe: one per canvas, used where the canvas lays out.
 */
final class FxTextMeasure implements TextMetrics.Measure {
    private record Key(String text, double size, boolean bold) {
    }

    private final Map<Key, Double> widths = new HashMap<>();
    private final Text probe = new Text();

    @Override
    public double width(String text, double size, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (widths.size() > 20_000) {
            widths.clear();
        }
        return widths.computeIfAbsent(new Key(text, size, bold), k -> {
            probe.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
            probe.setText(text);
            return Math.ceil(probe.getLayoutBounds().getWidth()) + 1;
        });
    }
}
