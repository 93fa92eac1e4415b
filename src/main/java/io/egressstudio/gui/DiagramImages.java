package io.egressstudio.gui;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.canvas.DiagramLayout;
import io.egressstudio.gui.canvas.SvgExport;
import io.egressstudio.gui.canvas.export.DiagramDrawing;
import io.egressstudio.gui.canvas.export.Java2dPainter;
import io.egressstudio.gui.canvas.export.Page;
import io.egressstudio.gui.canvas.export.Palette;
import io.egressstudio.io.AtomicFile;
import io.egressstudio.io.DiagramRenderer;
import io.egressstudio.io.ExportOptions;
import io.egressstudio.model.Scenario;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * The diagram of a scenario (the canvas's {@link DiagramLayout}, with its predictions) as a PNG or an SVG, for the
 * window's File ▸ Export and the command line's {@code export}. The PNG is painted with Java2D in headless AWT, not
 * with JavaFX: it needs no display and no running toolkit, so {@code export} draws on a server as in the window.
 */
public final class DiagramImages implements DiagramRenderer {
    private DiagramImages() {
    }

    /**
     * Lets the command line's exports draw diagrams. The command line opens no window: AWT runs headless, else a
     * DISPLAY it cannot reach would stop it drawing into an image.
     */
    public static void install() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Installed.set(new DiagramImages());
    }

    @Override
    public void png(Scenario scenario, ExportOptions options, Path file) throws IOException {
        png(scenario, analyze(scenario), options, file);
    }

    @Override
    public String svg(Scenario scenario, ExportOptions options) {
        return svg(scenario, analyze(scenario)::prediction, options);
    }

    /**
     * The window's File ▸ Export PNG: the scenario shown with the analysis the window has (analysed afresh when that
     * analysis is of another scenario or not done yet). Call it off the FX thread: it draws and writes the file.
     */
    public static void png(Scenario scenario, DesignAnalysis analysis, ExportOptions options, Path file) throws IOException {
        png(scenario, of(scenario, analysis)::prediction, options, file);
    }

    /** The window's File ▸ Export SVG, as {@link #png(Scenario, DesignAnalysis, ExportOptions, Path)}. */
    public static String svg(Scenario scenario, DesignAnalysis analysis, ExportOptions options) {
        return svg(scenario, of(scenario, analysis)::prediction, options);
    }

    private static DesignAnalysis of(Scenario scenario, DesignAnalysis analysis) {
        return analysis != null && analysis.scenario() == scenario ? analysis : analyze(scenario);
    }

    /** Writes the PNG (atomically): the whole diagram fitted into the options' size, at their scale. */
    public static void png(Scenario scenario, Function<String, LinkPrediction> predictions, ExportOptions options,
                           Path file) throws IOException {
        BufferedImage image = image(page(scenario, predictions, options), options);
        AtomicFile.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** The page a PNG shows (where its title, diagram and legend are), in layout pixels. */
    public static Page page(Scenario scenario, Function<String, LinkPrediction> predictions, ExportOptions options) {
        Palette palette = Palette.of(options.dark());
        // along the predicted hops, as the canvas draws it
        return Page.fitted(DiagramDrawing.of(DiagramLayout.of(scenario, predictions), predictions, palette),
                title(scenario),
                options, palette);
    }

    /** The page painted at the options' scale; a failure of the graphics (no fonts at all) says so. */
    public static BufferedImage image(Page page, ExportOptions options) throws IOException {
        try {
            return Java2dPainter.paint(page, options.scale());
        } catch (RuntimeException | LinkageError | InternalError e) {
            // AWT without fonts (fontconfig missing) fails deep inside with an NPE or an Error; name what to do
            throw new IOException("cannot paint the diagram with Java2D (" + e + "); on Linux, install fontconfig "
                    + "and a font such as DejaVu Sans", e);
        }
    }

    public static String svg(Scenario scenario, Function<String, LinkPrediction> predictions, ExportOptions options) {
        return SvgExport.toSvg(DiagramLayout.of(scenario, predictions), predictions, title(scenario), options);
    }

    /** The scenario's title, else its name. */
    public static String title(Scenario scenario) {
        return scenario.title() == null || scenario.title().isBlank() ? scenario.name() : scenario.title();
    }

    private static DesignAnalysis analyze(Scenario scenario) {
        return DesignPipeline.standard().analyze(scenario);
    }
}
