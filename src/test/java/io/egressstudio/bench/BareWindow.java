package io.egressstudio.bench;

import io.egressstudio.gui.FirstFrameProbe;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The start-up floor for {@code bin/bench}: an empty JavaFX window of the designer's size, launched the way the
 * Launcher launches the app (a plain main calling {@code Application.launch}) and timed by the same
 * {@link FirstFrameProbe}. The app's cold start is reported as a ratio to this one.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(EmptyStage.class, args);
    }

    /** One empty stage, nothing else. */
    public static final class EmptyStage extends Application {
        @Override
        public void start(Stage stage) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setTitle("Bare JavaFX window");
            stage.setScene(new Scene(new Pane(), Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight())));
            stage.show();
            FirstFrameProbe.install(stage);
        }
    }
}
