package io.egressstudio.gui;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.AtomicFile;
import io.egressstudio.io.ExportOptions;
import io.egressstudio.model.Scenario;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File ▸ Export diagram as PNG… / SVG…: the diagram shown (the walkthrough step too), with its predictions, title
 * and legend. PNG asks for size, scale and the rest ({@link ExportPngDialog}); both draw and write off the FX thread
 * and say in the status line what they wrote, or why not.
 */
public final class DiagramExport {
    private final MainViewModel vm;
    private final BooleanSupplier dark;
    private final Executor background;
    private final Executor ui;
    private final Consumer<String> onError;

    /** Errors are shown in an alert. */
    public DiagramExport(MainViewModel vm, BooleanSupplier dark, Executor background, Executor ui) {
        this(vm, dark, background, ui, message -> new Alert(Alert.AlertType.ERROR, message).show());
    }

    DiagramExport(MainViewModel vm, BooleanSupplier dark, Executor background, Executor ui, Consumer<String> onError) {
        this.vm = vm;
        this.dark = dark;
        this.background = background;
        this.ui = ui;
        this.onError = onError;
    }

    /** Asks for the options, then for the file; call on the FX thread. */
    public void png(Window owner) {
        new ExportPngDialog(owner, dark.getAsBoolean(), ExportPngDialog.caption(vm)).showAndWait()
                .ifPresent(options -> choose(owner, ".png").ifPresent(file -> writePng(options, file)));
    }

    /** Asks for the file; call on the FX thread. */
    public void svg(Window owner) {
        choose(owner, ".svg").ifPresent(file -> writeSvg(svgOptions(), file));
    }

    /** The SVG's options: the window's theme, with title, legend and the step shown. */
    ExportOptions svgOptions() {
        return ExportOptions.defaults().withDark(dark.getAsBoolean()).withCaption(ExportPngDialog.caption(vm));
    }

    /** Draws what the window shows now into file (PNG). Call on the FX thread; completes with the file. */
    public CompletableFuture<Path> writePng(ExportOptions options, Path file) {
        Scenario shown = vm.shown();
        DesignAnalysis analysis = vm.analysis();
        return write(file, options.pixelWidth() + "×" + options.pixelHeight() + " PNG",
                () -> DiagramImages.png(shown, analysis, options, file));
    }

    /** Draws what the window shows now into file (SVG). Call on the FX thread; completes with the file. */
    public CompletableFuture<Path> writeSvg(ExportOptions options, Path file) {
        Scenario shown = vm.shown();
        DesignAnalysis analysis = vm.analysis();
        return write(file, "SVG", () -> {
            String svg = DiagramImages.svg(shown, analysis, options);
            AtomicFile.write(file, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
        });
    }

    private interface Writing {
        void run() throws IOException;
    }

    private CompletableFuture<Path> write(Path file, String what, Writing writing) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        background.execute(() -> {
            try {
                writing.run();
                ui.execute(() -> {
                    vm.statusProperty().set("Exported the diagram as " + what + " to " + file);
                    done.complete(file);
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    String message = "Cannot export the diagram to " + file + ": " + e.getMessage();
                    vm.statusProperty().set(message);
                    onError.accept(message);
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    private java.util.Optional<Path> choose(Window owner, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(vm.shown().name() + extension);
        File file = chooser.showSaveDialog(owner);
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }
}
