package io.egressstudio.gui;

import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Renders the main window on a scenario to a PNG once its analysis has arrived, then exits (docs screenshot). */
final class Snapshot {
    private Snapshot() {
    }

    static void take(Stage stage, Scenario scenario, Path file) {
        MainView view = DesignerApp.show(stage, scenario);
        new AnimationTimer() {
            private int framesAfterAnalysis;

            @Override
            public void handle(long now) {
                if (view.viewModel().analysis() == null) {
                    return;
                }
                if (framesAfterAnalysis++ == 2) {
                    view.fit();
                }
                if (framesAfterAnalysis < 10) {
                    return;
                }
                stop();
                int code = 0;
                try {
                    MainView.writePng(stage.getScene().snapshot(null), file);
                    System.out.println("wrote " + file.toAbsolutePath());
                } catch (IOException e) {
                    System.err.println("cannot write " + file + ": " + e.getMessage());
                    code = 1;
                }
                Platform.exit();
                if (code != 0) {
                    System.exit(code);
                }
            }
        }.start();
    }
}
