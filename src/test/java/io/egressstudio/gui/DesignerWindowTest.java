package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, driven with the mouse (headless Monocle): the seed's Option 1a variation 1 built from an empty
 * canvas, its outcomes as the design changes, undo and redo, save and reopen, a malformed file, walkthrough steps.
 */
@ExtendWith(ApplicationExtension.class)
class DesignerWindowTest {
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty("egressstudio.home", System.getProperty("java.io.tmpdir") + "/egress-studio-test");
        view = DesignerApp.show(stage, ScenarioEdits.empty("1a-unencrypted-v1"));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void buildsVariationOneWithTheMouseAndPredictsEachChange(FxRobot robot, @TempDir Path dir) throws Exception {
        Bounds canvas = screen(robot, "#canvas");

        // a mesh, a workload in it, an external service beside it
        robot.drag("#palette-mesh", MouseButton.PRIMARY).moveTo(new Point2D(canvas.getMinX() + 90, canvas.getMinY() + 90)).drop();
        waitUntil(() -> scenario().meshes().size() == 1);
        String mesh = scenario().meshes().get(0).id();
        Bounds meshBox = screen(robot, "#node-" + mesh);
        robot.drag("#palette-workload", MouseButton.PRIMARY)
                .moveTo(new Point2D(meshBox.getMinX() + meshBox.getWidth() / 2, meshBox.getMinY() + meshBox.getHeight() * 0.7)).drop();
        waitUntil(() -> scenario().workloads().size() == 1);
        Workload workload = scenario().workloads().get(0);
        assertThat(scenario().meshes().get(0).owns(workload.namespace())).as("dropped inside the mesh").isTrue();
        meshBox = screen(robot, "#node-" + mesh);
        double serviceX = Math.min(canvas.getMaxX() - 80, meshBox.getMaxX() + 170);
        robot.drag("#palette-external-service", MouseButton.PRIMARY)
                .moveTo(new Point2D(serviceX, meshBox.getMinY() + 40)).drop();
        waitUntil(() -> scenario().externalServices().size() == 1);
        ExternalService service = scenario().externalServices().get(0);
        assertThat(service.registered()).isFalse();

        // connect by dragging from the workload's handle to the service
        robot.drag("#connect-" + workload.id(), MouseButton.PRIMARY).moveTo("#node-" + service.id()).drop();
        waitUntil(() -> scenario().links().size() == 1);
        Link link = scenario().links().get(0);
        assertThat(link.from()).isEqualTo(workload.id());
        assertThat(link.to()).isEqualTo(service.id());
        awaitOutcome(robot, link.id(), "outcome-passthrough");

        // REGISTRY_ONLY in the mesh's inspector: the unknown host goes to BlackHoleCluster
        clickTitle(robot, mesh);
        waitUntil(() -> robot.lookup("#field-outboundPolicy").tryQuery().isPresent());
        robot.clickOn("#field-outboundPolicy").clickOn("REGISTRY_ONLY");
        waitUntil(() -> scenario().meshes().get(0).outboundPolicy() == OutboundPolicy.REGISTRY_ONLY);
        awaitOutcome(robot, link.id(), "outcome-blackhole");

        // register the ServiceEntry in the service's inspector: OK
        robot.clickOn("#node-" + service.id());
        waitUntil(() -> robot.lookup("#field-registered").tryQuery().isPresent());
        robot.clickOn("#field-registered");
        waitUntil(() -> scenario().externalServices().get(0).registered());
        awaitOutcome(robot, link.id(), "outcome-ok");

        // undo and redo, with the keyboard and the toolbar
        robot.clickOn("#canvas");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> !scenario().externalServices().get(0).registered());
        awaitOutcome(robot, link.id(), "outcome-blackhole");
        robot.clickOn("#button-redo");
        waitUntil(() -> scenario().externalServices().get(0).registered());
        awaitOutcome(robot, link.id(), "outcome-ok");

        // save, reopen: the same scenario
        Path file = dir.resolve("built.yaml");
        Scenario built = scenario();
        WaitForAsyncUtils.asyncFx(() -> view.saveTo(file)).get().get(10, TimeUnit.SECONDS);
        waitUntil(() -> !view.viewModel().document().isDirty());
        assertThat(stage.getTitle()).isEqualTo("Egress Studio — 1a-unencrypted-v1");
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().replace(BuiltInScenarios.get("1a-simple"), null)).get();
        WaitForAsyncUtils.asyncFx(() -> view.openFile(file)).get().get(10, TimeUnit.SECONDS);
        waitUntil(() -> built.equals(scenario()));
        assertThat(ScenarioFile.load(file)).isEqualTo(built);
        awaitOutcome(robot, link.id(), "outcome-ok");
    }

    @Test
    void aMalformedFileShowsTheLocatedMessageAndKeepsTheDocument(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: egress-studio/v1\nkind: Scenario\nname: bad\nmeshes:\n  - id: m\n    outboundPolicy: SOMETIMES\n");
        Scenario before = scenario();
        WaitForAsyncUtils.asyncFx(() -> view.openFile(bad)).get();
        waitUntil(() -> robot.lookup("#open-error").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#open-error").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains(bad.toString() + ":6:").contains("outboundPolicy").contains("SOMETIMES");
        robot.clickOn(robot.from(dialog).lookup(".button").queryButton());
        waitUntil(() -> robot.lookup("#open-error").tryQuery().isEmpty());
        assertThat(scenario()).isSameAs(before);
        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void showsTheWalkthroughAfterEachStep(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().openTemplate("1a-unencrypted-v1")).get();
        awaitOutcome(robot, "greeting-call", "outcome-passthrough");
        robot.clickOn("#steps").clickOn("After step 2: Step 2: REGISTRY_ONLY blocks unknown hosts");
        awaitOutcome(robot, "greeting-call", "outcome-blackhole");
        assertThat(robot.lookup("#step-narrative").queryLabeled().getText()).contains("BLACKHOLE");
        robot.clickOn("#steps").clickOn("After step 3: Step 3: a ServiceEntry registers the external service");
        awaitOutcome(robot, "greeting-call", "outcome-ok");
        assertThat(scenario().meshes().get(0).outboundPolicy()).as("steps are views: the drawing is unchanged")
                .isEqualTo(OutboundPolicy.ALLOW_ANY);
    }

    @Test
    void deletesCopiesAndPastesWithTheKeyboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().openTemplate("1a-unencrypted-v1")).get();
        waitUntil(() -> robot.lookup("#node-rest-greeting-remote").tryQuery().isPresent());
        robot.clickOn("#node-rest-greeting-remote");
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        waitUntil(() -> scenario().externalServices().size() == 2);
        assertThat(scenario().externalServices().get(1).id()).isEqualTo("rest-greeting-remote-copy");
        robot.clickOn("#node-rest-greeting-remote");
        robot.type(KeyCode.DELETE);
        waitUntil(() -> scenario().externalService("rest-greeting-remote").isEmpty());
        assertThat(scenario().links()).as("the link went with its destination").isEmpty();
        robot.clickOn("#button-undo");
        waitUntil(() -> scenario().links().size() == 1);
    }

    @Test
    void inTheOverviewLinksAreDrawnAsPixelsAndStillSelectedByAClick(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().openTemplate("1a-unencrypted-v1")).get();
        awaitOutcome(robot, "greeting-call", "outcome-passthrough");
        var canvas = view.canvasViewModel();
        WaitForAsyncUtils.asyncFx(() -> canvas.zoomProperty().set(0.3)).get();
        waitUntil(() -> robot.lookup("#link-greeting-call").tryQuery().isEmpty());

        // the middle of the link's last hop, from world to screen coordinates
        var hops = canvas.diagram().links().get(0).hops();
        var hop = hops.get(hops.size() - 1);
        double wx = (hop.from().x() + hop.to().x()) / 2;
        double wy = (hop.from().y() + hop.to().y()) / 2;
        Node root = robot.lookup("#canvas").query();
        Point2D at = WaitForAsyncUtils.asyncFx(() -> root.localToScreen(canvas.panXProperty().get() + wx * 0.3,
                canvas.panYProperty().get() + wy * 0.3)).get();
        // drawn in the PASSTHROUGH colour of designer.css (-es-outcome-passthrough: #bf8700, an ochre; the cached
        // bitmap blends the line's edges with the background, so the strongest pixel's hue is what is compared)
        double lx = canvas.panXProperty().get() + wx * 0.3;
        double ly = canvas.panYProperty().get() + wy * 0.3;
        javafx.scene.paint.Color passthrough = javafx.scene.paint.Color.web("#bf8700");
        waitUntil(() -> {
            var pixels = root.snapshot(null, null).getPixelReader();
            javafx.scene.paint.Color strongest = javafx.scene.paint.Color.WHITE;
            for (int dx = -2; dx <= 2; dx++) {
                for (int dy = -2; dy <= 2; dy++) {
                    javafx.scene.paint.Color c = pixels.getColor((int) lx + dx, (int) ly + dy);
                    if (c.getSaturation() > strongest.getSaturation()) {
                        strongest = c;
                    }
                }
            }
            return strongest.getSaturation() > 0.3 && Math.abs(strongest.getHue() - passthrough.getHue()) < 8;
        });
        robot.clickOn(at);
        waitUntil(() -> view.viewModel().selection().ids().equals(java.util.List.of("greeting-call")));

        WaitForAsyncUtils.asyncFx(() -> canvas.zoomProperty().set(1)).get();
        awaitOutcome(robot, "greeting-call", "outcome-passthrough");
    }

    private Scenario scenario() {
        return view.viewModel().document().scenario();
    }

    private static Bounds screen(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        return WaitForAsyncUtils.asyncFx(() -> node.localToScreen(node.getBoundsInLocal())).get();
    }

    /** Clicks a mesh's title strip (not the namespaces inside it). */
    private static void clickTitle(FxRobot robot, String mesh) throws Exception {
        Bounds box = screen(robot, "#node-" + mesh);
        robot.clickOn(new Point2D(box.getMinX() + 40, box.getMinY() + 8));
    }

    /** The link's colour comes from its outcome pseudo-class ({@code .link:outcome-ok .hop} in designer.css). */
    private static void awaitOutcome(FxRobot robot, String linkId, String outcome) throws Exception {
        waitUntil(() -> robot.lookup("#link-" + linkId).tryQuery()
                .map(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass(outcome))).orElse(false));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    @SuppressWarnings("unused")
    private static boolean checked(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(CheckBox.class).isSelected();
    }

    @SuppressWarnings("unused")
    private static String choice(FxRobot robot, String query) {
        return (String) robot.lookup(query).queryAs(ComboBox.class).getValue();
    }
}
