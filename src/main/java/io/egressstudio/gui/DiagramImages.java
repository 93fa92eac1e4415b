package io.egressstudio.gui;

import io.egressstudio.gui.analysis.AnalysisService;
import io.egressstudio.gui.analysis.DesignAnalysis;
import io.egressstudio.gui.analysis.PredictionEngines;
import io.egressstudio.gui.canvas.CanvasView;
import io.egressstudio.gui.canvas.CanvasViewModel;
import io.egressstudio.gui.canvas.DiagramLayout;
import io.egressstudio.gui.canvas.SvgExport;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;

/** The canvas of a scenario (with predictions) drawn off-screen, for the command line's exports. */
public final class DiagramImages implements io.egressstudio.io.DiagramRenderer {
    private static final Executor DIRECT = Runnable::run;

    private DiagramImages() {
    }

    /** Lets the command line's exports draw diagrams. */
    public static void install() {
        Installed.set(new DiagramImages());
    }

    @Override
    public void png(Scenario scenario, Path file) throws IOException {
        writePng(scenario, file);
    }

    @Override
    public String svg(Scenario scenario) {
        return toSvg(scenario);
    }

    /** Renders the canvas to a PNG; starts the JavaFX toolkit when it is not running (needs a display or Monocle). */
    public static void writePng(Scenario scenario, Path file) throws IOException {
        startToolkit();
        CompletableFuture<javafx.scene.image.WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                MainViewModel vm = new MainViewModel(scenario, new AnalysisService(PredictionEngines.standard()),
                        DIRECT, DIRECT);
                CanvasView canvas = new CanvasView(new CanvasViewModel(vm));
                Scene scene = new Scene(canvas.root(), 1200, 720);
                scene.getStylesheets().add(DiagramImages.class.getResource(Styles.DESIGNER_CSS).toExternalForm());
                canvas.root().applyCss();
                canvas.root().layout();
                canvas.fit();
                canvas.root().layout();
                image.complete(scene.snapshot(null));
            } catch (RuntimeException | Error e) {
                image.completeExceptionally(e);
            }
        });
        try {
            MainView.writePng(image.get(), file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot draw the diagram: " + e.getCause(), e.getCause());
        }
    }

    /** The diagram as SVG, with the predicted outcomes (no toolkit needed). */
    public static String toSvg(Scenario scenario) {
        DesignAnalysis analysis = new AnalysisService(PredictionEngines.standard()).analyze(scenario);
        return SvgExport.toSvg(DiagramLayout.of(scenario), analysis::prediction);
    }

    private static void startToolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by the app or a test
        }
        Platform.setImplicitExit(false);
        if (javafx.application.Application.getUserAgentStylesheet() == null) {
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        }
    }
}
