package io.egressstudio.gui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.canvas.CanvasViewModel;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.io.BuiltInScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode's window on a projector (headless Monocle): it opens full screen, F11 and Esc work as a presenter
 * expects, it follows the main window's dark theme, no text is too small for the back of the room, and the outcome
 * table leaves the width to the canvas.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterScreenTest {
    private static final Preferences PREFS = Preferences.userRoot().node("io/egressstudio/gui");

    private Stage presenter;
    private PresenterView view;
    private PresenterViewModel vm;
    private Boolean darkBefore;

    private Stage main;

    /** A stand-in for the main window, focused as it is when the presenter presses F5 (Monocle needs one). */
    @Start
    void start(Stage stage) {
        main = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(new javafx.scene.control.Label("main")),
                400, 300));
        stage.show();
    }

    @BeforeEach
    void rememberTheTheme() {
        darkBefore = PREFS.getBoolean(PresenterView.DARK_PREFERENCE, false);
    }

    @AfterEach
    void closeAndRestore() throws Exception {
        PREFS.putBoolean(PresenterView.DARK_PREFERENCE, darkBefore);
        io.egressstudio.gui.TestWindows.close(s -> s.getTitle() != null && s.getTitle().startsWith("Presenter — "));
    }

    private void open(String scenario, Window owner) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm = new PresenterViewModel(BuiltInScenarios.get(scenario),
                    new DesignPipeline(PredictionEngines.standard()), ForkJoinPool.commonPool(), Platform::runLater);
            presenter = PresenterView.open(vm, owner == null ? main : owner);
            view = (PresenterView) presenter.getScene().getRoot().getProperties().get(PresenterView.class);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensFullScreenF11TogglesItAndEscLeavesFullScreenThenPresenterMode(FxRobot robot) throws Exception {
        open("1a-unencrypted-v1", null);
        assertThat(fx(presenter::isFullScreen)).as("opens full screen").isTrue();
        assertThat(fx(() -> robot.lookup("#presenter-keys").queryLabeled().getText()))
                .as("the keys are in view").contains("Esc").contains("F11");

        robot.clickOn("#presenter-title");
        robot.type(javafx.scene.input.KeyCode.F11);
        waitUntil(() -> !presenter.isFullScreen());
        robot.type(javafx.scene.input.KeyCode.F11);
        waitUntil(presenter::isFullScreen);

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> !presenter.isFullScreen());
        assertThat(fx(presenter::isShowing)).as("the first Esc only leaves full screen").isTrue();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> !presenter.isShowing());
    }

    @Test
    void theWindowHasAnExplicitSizeOnTheScreenItOpensOn() throws Exception {
        open("1a-unencrypted-v1", null);
        WaitForAsyncUtils.asyncFx(() -> presenter.setFullScreen(false)).get();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(fx(presenter::getWidth)).isEqualTo(screen.getWidth());
        assertThat(fx(presenter::getHeight)).isEqualTo(screen.getHeight());
        assertThat(fx(presenter::getX)).isEqualTo(screen.getMinX());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "dark preference {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void thePresenterFollowsTheThemePreferenceCanvasIncluded(boolean dark) throws Exception {
        PREFS.putBoolean(PresenterView.DARK_PREFERENCE, dark);
        open("1a-simple", null);

        String darkCss = PresenterView.class.getResource(Styles.DARK_CSS).toExternalForm();
        assertThat(fx(() -> presenter.getScene().getRoot().getStylesheets().contains(darkCss))).isEqualTo(dark);
        Color canvas = fx(() -> (Color) view.canvasRoot().getBackground().getFills().get(0).getFill());
        if (dark) {
            assertThat(canvas.getBrightness()).as("canvas background " + canvas).isLessThan(0.25);
        } else {
            assertThat(canvas.getBrightness()).as("canvas background " + canvas).isGreaterThan(0.75);
        }
    }

    @Test
    void at1280x720NoTextOutsideTheCanvasIsUnder18PxAndAt1920x1080TextGrowsWithTheWindow() throws Exception {
        open("1b-egress-encrypted", null);
        resize(1280, 720);
        // every step, so that the title, the narrative, the step's resources and the table are all measured
        for (int step = 0; step <= vm.stepCount(); step++) {
            int n = step;
            WaitForAsyncUtils.asyncFx(() -> vm.state().stepProperty().set(n)).get();
            waitUntil(() -> vm.predicted());
            WaitForAsyncUtils.waitForFxEvents();
            List<String> small = fx(() -> smallTexts(presenter.getScene().getRoot(), 18));
            assertThat(small).as("texts under 18 px at step " + n).isEmpty();
            assertThat(fx(() -> texts(presenter.getScene().getRoot()))).as("texts measured at step " + n)
                    .hasSizeGreaterThan(8);
        }
        double narrativeAt720 = fx(() -> ((Labeled) presenter.getScene().lookup("#presenter-narrative")).getFont().getSize());

        resize(1920, 1080);
        double narrativeAt1080 = fx(() -> ((Labeled) presenter.getScene().lookup("#presenter-narrative")).getFont().getSize());
        assertThat(narrativeAt1080).as("the narrative scales with the window").isCloseTo(narrativeAt720 * 1.5,
                org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void theOutcomeTableIsNoWiderThanItsContentAndTheCanvasGetsTheRest() throws Exception {
        open("1a-unencrypted-v1", null);
        resize(1280, 720);
        waitUntil(() -> vm.predicted());
        WaitForAsyncUtils.waitForFxEvents();
        Region table = fx(() -> (Region) presenter.getScene().lookup("#presenter-outcomes"));
        double width = fx(table::getWidth);
        double content = fx(() -> table.prefWidth(-1));
        assertThat(width).as("table width").isLessThanOrEqualTo(content + 0.5).isLessThan(1280 * 0.3);
        assertThat(fx(() -> view.canvasRoot().getWidth())).as("canvas width").isGreaterThan(1280 - width - 60);
    }

    @Test
    void theCanvasIsDrawnForAnAudienceWithTheStepsChangesHighlighted() throws Exception {
        open("1a-unencrypted-v1", null);
        CanvasViewModel canvas = fx(view::canvasViewModel);
        assertThat(fx(() -> canvas.presentingProperty().get())).isTrue();
        assertThat(fx(() -> List.copyOf(canvas.highlighted()))).as("as drawn, nothing is new").isEmpty();

        WaitForAsyncUtils.asyncFx(vm::next).get();
        WaitForAsyncUtils.asyncFx(vm::next).get();
        waitUntil(() -> canvas.highlighted().contains("greeting-call"));
        assertThat(fx(() -> List.copyOf(canvas.highlighted()))).containsExactlyInAnyOrder("client-mesh", "greeting-call");
        waitUntil(() -> presenter.getScene().lookup("#presenter-changes").isVisible());
        assertThat(fx(() -> labels(presenter.getScene().lookup("#presenter-changes"))))
                .contains("~ ServiceMeshControlPlane tenant-1 in istio-system (outbound.policy)");

        WaitForAsyncUtils.asyncFx(vm::reset).get();
        waitUntil(() -> canvas.highlighted().isEmpty() && !presenter.getScene().lookup("#presenter-changes").isVisible());
    }

    @Test
    void at1280x720EveryStepOfEveryBuiltInShowsItsWholeCanvasWithNoTextUnder18Px() throws Exception {
        for (String template : BuiltInScenarios.names()) {
            open(template, null);
            resize(1280, 720);
            for (int step = 0; step <= vm.stepCount(); step++) {
                int n = step;
                WaitForAsyncUtils.asyncFx(() -> vm.state().stepProperty().set(n)).get();
                waitUntil(() -> vm.predicted());
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.waitForFxEvents();
                List<String> cut = fx(() -> {
                    javafx.scene.layout.Region canvas = view.canvasRoot();
                    javafx.geometry.Bounds area = canvas.getLayoutBounds();
                    List<String> out = new ArrayList<>();
                    // every Text by type: the canvas's texts have their own style classes, not ".text"
                    for (Node t : canvasTexts(canvas)) {
                        if (!(t instanceof javafx.scene.text.Text text) || !text.isVisible() || text.getScene() == null
                                || text.getText() == null || text.getText().isBlank()) {
                            continue;
                        }
                        double px = text.getFont().getSize() * text.getLocalToSceneTransform().getMyy();
                        if (px < 18 - 0.01) {
                            out.add("'" + text.getText() + "' at " + String.format(java.util.Locale.ROOT, "%.1f", px)
                                    + " px");
                        }
                        javafx.geometry.Bounds b = canvas.sceneToLocal(t.localToScene(t.getBoundsInLocal()));
                        if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > area.getWidth() + 1
                                || b.getMaxY() > area.getHeight() + 1) {
                            out.add("'" + text.getText() + "' at " + Math.round(b.getMinX()) + ".." + Math.round(b.getMaxX()));
                        }
                    }
                    return out;
                });
                assertThat(cut).as(template + " step " + n + ": texts under 18 px or outside the presenter's canvas ("
                        + fx(() -> view.canvasRoot().getWidth()) + " wide)").isEmpty();
            }
            io.egressstudio.gui.TestWindows.close(s -> s == presenter);
        }
    }

    private static List<Text> canvasTexts(Node node) {
        List<Text> found = new ArrayList<>();
        if (node instanceof Text t) {
            found.add(t);
        } else if (node instanceof Parent p && !(node instanceof org.kordamp.ikonli.javafx.FontIcon)) {
            p.getChildrenUnmodifiable().forEach(c -> found.addAll(canvasTexts(c)));
        }
        return found;
    }

    private void resize(double width, double height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            presenter.setFullScreen(false);
            presenter.setWidth(width);
            presenter.setHeight(height);
        }).get();
        waitUntil(() -> Math.abs(presenter.getScene().getHeight() - height) < 40);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Each visible text outside the canvas (the canvas sizes its own) under {@code min} px, with its size. */
    private List<String> smallTexts(Node node, double min) {
        List<String> small = new ArrayList<>();
        for (Node n : texts(node)) {
            double size = n instanceof Labeled l ? l.getFont().getSize() : ((Text) n).getFont().getSize();
            String text = n instanceof Labeled l ? l.getText() : ((Text) n).getText();
            if (size < min - 0.01) {
                small.add(size + " px: " + text);
            }
        }
        return small;
    }

    private List<Node> texts(Node node) {
        List<Node> found = new ArrayList<>();
        if (node == view.canvasRoot() || !node.isVisible()) {
            return found;
        }
        if ((node instanceof Labeled l && !l.getText().isEmpty()) || (node instanceof Text t && !t.getText().isEmpty())) {
            found.add(node);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                found.addAll(texts(child));
            }
        }
        return found;
    }

    private static List<String> labels(Node node) {
        List<String> texts = new ArrayList<>();
        if (node instanceof Labeled l) {
            texts.add(l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> texts.addAll(labels(child)));
        }
        return texts;
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
