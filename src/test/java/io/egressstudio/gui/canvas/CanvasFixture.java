package io.egressstudio.gui.canvas;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A canvas alone in a window of a chosen size, over a main view model that analyses on the FX thread (so a scenario
 * is predicted as soon as it is shown). With {@code -Dcanvas.snapshots=DIR} it also writes what it shows as PNGs, for
 * a person to look at.
 */
final class CanvasFixture {
    final MainViewModel main;
    final CanvasViewModel vm;
    final CanvasView view;
    final Scene scene;

    CanvasFixture(Stage stage, Scenario scenario, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        main = new MainViewModel(scenario, new DesignPipeline(PredictionEngines.standard()), Runnable::run, Runnable::run);
        vm = new CanvasViewModel(main);
        view = new CanvasView(vm);
        StackPane root = new StackPane(view.root());
        root.getStylesheets().add(CanvasFixture.class.getResource(Styles.DESIGNER_CSS).toExternalForm());
        scene = new Scene(root, width, height);
        stage.setScene(scene);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
    }

    static void theme(boolean dark, Parent root) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String css = CanvasFixture.class.getResource(Styles.DARK_CSS).toExternalForm();
        root.getStylesheets().remove(css);
        if (dark) {
            root.getStylesheets().add(css);
        }
    }

    void open(FxRobot robot, String template) {
        robot.interact(() -> {
            main.replace(io.egressstudio.io.BuiltInDesigns.finished(template), null);
            view.fit();
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> main.analysis() != null && main.analysis().scenario() == main.shown());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The drawn texts (titles, sub-labels, hop labels, badges), icons left out, that are in the scene and visible. */
    List<Text> texts() {
        List<Text> out = new ArrayList<>();
        collect(view.root(), out);
        return out;
    }

    private static void collect(Node n, List<Text> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Text t && !(n instanceof FontIcon) && t.getText() != null && !t.getText().isBlank()) {
            out.add(t);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /** Bounds in the canvas's world (the coordinates of the diagram). */
    static Bounds world(Node n, CanvasView view) {
        Node worldGroup = view.root().getChildrenUnmodifiable().get(0);
        return worldGroup.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
    }

    void snapshot(FxRobot robot, String name) {
        String dir = System.getProperty("canvas.snapshots");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = scene.getRoot().snapshot(null, null));
        try {
            Files.createDirectories(Path.of(dir));
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (Exception e) {
            throw new AssertionError("condition not met in 10 s", e);
        }
    }
}
