package io.egressstudio.gui.canvas;

import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.canvas.export.DiagramDrawing;
import io.egressstudio.gui.canvas.export.Page;
import io.egressstudio.gui.canvas.export.Palette;
import io.egressstudio.gui.canvas.export.SvgWriter;
import io.egressstudio.io.ExportOptions;
import java.util.function.Function;

/**
 * The diagram as SVG: inline colours and fonts on every element, texts fitted to their boxes, a viewBox around
 * everything drawn, and (with the options' title and legend) the title on top and the legend below.
 */
public final class SvgExport {
    private SvgExport() {
    }

    /** Light theme, with the legend, without a title (the window's File ▸ Export SVG until it passes options). */
    public static String toSvg(Diagram d, Function<String, LinkPrediction> predictions) {
        return toSvg(d, predictions, null, ExportOptions.defaults());
    }

    /** {@code title} (the scenario's) is drawn when the options ask for it; the options' caption under it. */
    public static String toSvg(Diagram d, Function<String, LinkPrediction> predictions, String title, ExportOptions options) {
        Palette palette = Palette.of(options.dark());
        return SvgWriter.write(Page.natural(DiagramDrawing.of(d, predictions, palette), title, options, palette));
    }
}
