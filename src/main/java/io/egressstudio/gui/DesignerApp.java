package io.egressstudio.gui;

import atlantafx.base.theme.PrimerLight;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The desktop application. Opens on the built-in Option 1a scenario, or recovers unsaved work after a crash.
 * {@code --snapshot FILE} (optionally {@code --template NAME}) renders the main window to a PNG and exits.
 */
public final class DesignerApp extends Application {
    public static final String TITLE = MainViewModel.TITLE;
    /** Background work (analysis, YAML, file IO): one daemon thread, so results arrive in order. */
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(BackgroundPriority.lowered(r), "egress-studio-background");
        t.setDaemon(true);
        return t;
    });

    /** Lets the command line's exports draw diagrams with the canvas. */
    public static void installDiagramRenderer() {
        DiagramImages.install();
    }

    /**
     * Runs the designer until its window closes; false when it could not start (no display, a broken toolkit), which
     * it says in one line naming a log file with the details, never as a stack trace.
     */
    public static boolean launchApp(String[] args) {
        try {
            warmUpScenarioReading();
            Application.launch(DesignerApp.class, args);
            return true;
        } catch (Throwable e) {
            System.err.println(io.egressstudio.io.CrashLog.report(e, "starting the designer"));
            return false;
        }
    }

    /**
     * First frame first: the window's first act is to read a scenario, and the first read builds the YAML mapper's
     * deserializers for the whole model (~0.3 s); its theme comes from the user's preferences, whose first read starts
     * an XML parser (~190 classes). Done on a side thread while the toolkit starts, neither delays the first frame;
     * the window's own reads then find them ready.
     */
    private static void warmUpScenarioReading() {
        Thread warmUp = new Thread(() -> {
            try {
                java.util.prefs.Preferences.userRoot().node("io/egressstudio/gui").keys();
            } catch (java.util.prefs.BackingStoreException | RuntimeException e) {
                // the window reads them again and falls back to its defaults
            }
            try {
                BuiltInScenarios.get(BuiltInScenarios.DEFAULT);
            } catch (RuntimeException e) {
                // the window reads it again and reports what is wrong
            }
        }, "egress-studio-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @Override
    public void start(Stage stage) {
        UncaughtErrors.install(io.egressstudio.io.ConfigFolder.get().resolve("logs"));
        List<String> args = getParameters().getRaw();
        int snapshot = args.indexOf("--snapshot");
        int template = args.indexOf("--template");
        String name = template >= 0 && template + 1 < args.size() ? args.get(template + 1) : BuiltInScenarios.DEFAULT;
        if (snapshot >= 0 && snapshot + 1 < args.size()) {
            Snapshot.take(stage, BuiltInScenarios.get(name), Path.of(args.get(snapshot + 1)));
            return;
        }
        java.util.Optional<Scenario> file = openedFile(args);
        Path autosave = Autosave.file();
        Scenario recovered = Autosave.recoverable(autosave);
        boolean recover = recovered != null && askRecover(recovered);
        WindowMemory memory = new WindowMemory(io.egressstudio.io.ConfigFolder.get());
        WindowGeometry opening = memory.opening();
        MainView view = show(stage, recover ? recovered : file.orElseGet(() -> BuiltInScenarios.get(name)), opening);
        if (!recover && file.isEmpty()) {
            view.showFinishedWalkthrough();
        }
        memory.follow(stage, view, opening);
        FirstFrameProbe.install(stage);
        Autosave.start(view, autosave);
        stage.setOnCloseRequest(e -> {
            if (!view.confirmDiscard()) {
                e.consume();
            } else {
                Autosave.clear(autosave);
            }
        });
    }

    /** The scenario file the app was opened with (a file association), or empty; a bad file is explained, not fatal. */
    private static java.util.Optional<Scenario> openedFile(List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(ScenarioFile.load(Path.of(args.get(0))));
        } catch (io.egressstudio.io.ScenarioFormatException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK);
            alert.setTitle("Cannot open scenario");
            alert.setHeaderText("The scenario could not be opened; showing the built-in example instead.");
            alert.showAndWait();
            return java.util.Optional.empty();
        }
    }

    private static boolean askRecover(Scenario recovered) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Egress Studio did not close cleanly. Recover the unsaved "
                + "scenario '" + recovered.name() + "'?", ButtonType.YES, ButtonType.NO);
        alert.setTitle("Recover unsaved work");
        return alert.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    /** Puts the main window for a scenario on the stage, at the default size for the primary screen. */
    public static MainView show(Stage stage, Scenario scenario) {
        return show(stage, scenario, WindowMemory.defaultGeometry());
    }

    /** Puts the main window for a scenario on the stage with a size, position, maximised state and dividers. */
    public static MainView show(Stage stage, Scenario scenario, WindowGeometry geometry) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // the first analysis and the YAML start once the first frame is painted: not competing for the cores
        FirstFrameGate firstFrame = new FirstFrameGate(BACKGROUND);
        firstFrame.openAfterFirstFrame(stage);
        MainViewModel vm = new MainViewModel(scenario, new DesignPipeline(PredictionEngines.standard(),
                io.egressstudio.gui.certs.CertificateStore.defaultStore()::generatorOptions), firstFrame,
                Platform::runLater);
        MainView view = new MainView(vm, firstFrame, Platform::runLater);
        stage.titleProperty().bind(vm.windowTitleProperty());
        stage.setScene(new Scene(view.root()));
        // sized explicitly, never from the scene (see StageSizing); until the window has settled at its final size,
        // the dividers and the canvas's fit follow that size
        view.followSizeUntil(geometry.dividers(), StageSizing.place(stage, geometry));
        stage.show();
        view.applySavedTheme();
        Platform.runLater(view::fit);
        return view;
    }

    /** Writes the document to an autosave file every 30 s while it has unsaved changes. */
    static final class Autosave {
        private Autosave() {
        }

        static Path file() {
            String home = System.getProperty("egressstudio.home", System.getProperty("user.home") + "/.egress-studio");
            return Path.of(home, "autosave.yaml");
        }

        static Scenario recoverable(Path file) {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                return ScenarioFile.load(file);
            } catch (Exception e) {
                return null;
            }
        }

        static void start(MainView view, Path file) {
            Timeline timer = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
                if (view.viewModel().document().isDirty()) {
                    Scenario s = view.viewModel().document().scenario();
                    BACKGROUND.execute(() -> {
                        try {
                            ScenarioFile.save(s, file);
                        } catch (IOException ignored) {
                            // autosave is best effort; the next tick tries again
                        }
                    });
                } else {
                    clear(file);
                }
            }));
            timer.setCycleCount(Timeline.INDEFINITE);
            timer.play();
        }

        static void clear(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing to recover from then
            }
        }
    }
}
