package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignFinding;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the canvas marks: what a step added, what has findings, an empty canvas; where a gateway lands; Fit. */
@ExtendWith(ApplicationExtension.class)
class CanvasMarksTest {
    private CanvasFixture canvas;

    @Start
    void start(Stage stage) {
        canvas = new CanvasFixture(stage, io.egressstudio.io.BuiltInDesigns.finished("1b-egress-encrypted"), 1280, 700);
    }

    @Test
    void highlightedElementsAndLinksAreDrawnAsNewInThisStepAndLoseItWhenTheStepChanges(FxRobot robot) {
        canvas.open(robot, "1b-egress-encrypted");
        robot.interact(() -> canvas.vm.highlighted().addAll(List.of("client-egress", "greeting-call")));
        Node gateway = canvas.view.boxNode("client-egress");
        Node link = canvas.view.linkNode("greeting-call");
        assertThat(gateway.getStyleClass()).contains(Styles.NEW_IN_STEP);
        assertThat(link.getStyleClass()).contains(Styles.NEW_IN_STEP);
        assertThat(canvas.view.boxNode("rest-client-greeting").getStyleClass()).doesNotContain(Styles.NEW_IN_STEP);
        assertThat(robot.lookup("#new-badge-client-egress").tryQuery()).isPresent();
        assertThat(robot.lookup("#new-badge-greeting-call").tryQuery()).isPresent();
        canvas.snapshot(robot, "1b-new-in-step");
        javafx.scene.paint.Paint light = ((javafx.scene.shape.Rectangle) robot.lookup("#new-badge-client-egress .new-badge")
                .query()).getFill();
        robot.interact(() -> CanvasFixture.theme(true, canvas.scene.getRoot()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.paint.Paint dark = ((javafx.scene.shape.Rectangle) robot.lookup("#new-badge-client-egress .new-badge")
                .query()).getFill();
        assertThat(dark).as("the dark theme has its own accent for new elements").isNotEqualTo(light);
        canvas.snapshot(robot, "1b-new-in-step-dark");
        robot.interact(() -> canvas.vm.presentingProperty().set(true));
        robot.interact(canvas.view::fit);
        WaitForAsyncUtils.waitForFxEvents();
        canvas.snapshot(robot, "1b-new-in-step-dark-presenting");
        robot.interact(() -> {
            canvas.vm.presentingProperty().set(false);
            CanvasFixture.theme(false, canvas.scene.getRoot());
        });

        robot.interact(() -> canvas.vm.highlighted().clear());
        assertThat(gateway.getStyleClass()).doesNotContain(Styles.NEW_IN_STEP);
        assertThat(robot.lookup("#new-badge-client-egress").tryQuery()).isEmpty();
    }

    @Test
    void anElementOrLinkWithAWarningCarriesABadgeWhoseTooltipSaysTheFinding(FxRobot robot) {
        canvas.open(robot, "1b-egress-encrypted");
        List<DesignFinding> warnings = canvas.main.analysis().findings().stream()
                .filter(f -> f.elementId() != null && ("WARNING".equals(f.severity()) || "ERROR".equals(f.severity())))
                .toList();
        assertThat(warnings).as("1b-egress-encrypted has a WARNING (no caCertificates)").isNotEmpty();
        String id = warnings.get(0).elementId();
        Node badge = robot.lookup("#finding-badge-" + id).query();
        assertThat(badge.isVisible()).isTrue();
        robot.moveTo(badge);
        CanvasFixture.waitUntil(() -> badge.getProperties().containsKey(javafx.scene.control.Tooltip.class));
        javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) badge.getProperties()
                .get(javafx.scene.control.Tooltip.class);
        assertThat(tip.getText()).contains(warnings.get(0).code()).contains(warnings.get(0).message());
        assertThat(badge.lookup(".finding-warning")).isNotNull();
    }

    @Test
    void aGatewayDroppedOnAWorkloadsHandleLandsClearOfBoxesAndHandles(FxRobot robot) {
        canvas.open(robot, "1a-unencrypted-v1");
        Box workload = canvas.vm.diagram().box("rest-client-greeting");
        double hx = workload.rect().maxX();
        double hy = workload.rect().centerY();
        String[] id = new String[1];
        robot.interact(() -> id[0] = canvas.vm.place(NodeKind.EGRESS_GATEWAY, hx, hy));
        assertThat(id[0]).isNotNull();
        Diagram d = canvas.vm.diagram();
        Rect gateway = d.box(id[0]).rect();
        for (Box b : d.nodes()) {
            if (b.id().equals(id[0])) {
                continue;
            }
            assertThat(gateway.intersects(b.rect())).as("covers " + b.id()).isFalse();
            if (b.kind() == NodeKind.WORKLOAD) {
                Rect handle = new Rect(b.rect().maxX() - 7, b.rect().centerY() - 7, 14, 14);
                assertThat(gateway.intersects(handle)).as("covers the handle of " + b.id()).isFalse();
            }
        }
        assertThat(d.box(id[0]).owner()).isEqualTo(workload.owner());
    }

    @Test
    void anEmptyScenarioShowsAHintThatGoesWhenThereIsAnElement(FxRobot robot) {
        robot.interact(() -> canvas.main.replace(ScenarioEdits.empty("untitled"), null));
        Node hint = robot.lookup("#canvas-empty-hint").query();
        assertThat(hint.isVisible()).isTrue();
        assertThat(((javafx.scene.control.Label) hint).getText()).contains("Drag a Mesh").contains("New from template");
        assertThat(hint.getLayoutX()).as("centred").isGreaterThan(100);
        robot.interact(() -> canvas.vm.place(NodeKind.MESH, 200, 200));
        assertThat(hint.isVisible()).isFalse();
    }

    @Test
    void aFitAskedBeforeTheCanvasHasItsSizeTakesEffectWhenItGetsIt(FxRobot robot) {
        CanvasView[] late = new CanvasView[1];
        robot.interact(() -> {
            MainViewModel main = new MainViewModel(io.egressstudio.io.BuiltInDesigns.finished("2-federation"),
                    new DesignPipeline(PredictionEngines.standard()), Runnable::run, Runnable::run);
            late[0] = new CanvasView(new CanvasViewModel(main));
            late[0].fit();
            Stage stage = new Stage();
            StackPane root = new StackPane(late[0].root());
            stage.setScene(new Scene(root, 900, 500));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        CanvasFixture.waitUntil(() -> {
            Diagram d = vmOf(late[0]).diagram();
            Rect b = d.bounds();
            double z = vmOf(late[0]).zoomProperty().get();
            double x0 = vmOf(late[0]).panXProperty().get() + b.x() * z;
            double x1 = vmOf(late[0]).panXProperty().get() + b.maxX() * z;
            return z != 1 && x0 >= 0 && x1 <= late[0].root().getWidth();
        });
        CanvasFixture.waitUntil(() -> !late[0].fitted());
        double zoom = vmOf(late[0]).zoomProperty().get();
        robot.interact(() -> vmOf(late[0]).main().edit(io.egressstudio.gui.document.Edit.of("move",
                sc -> ScenarioEdits.move(sc, java.util.Map.of("travels", new io.egressstudio.model.Position(90, 150))))));
        assertThat(vmOf(late[0]).zoomProperty().get()).as("once settled, an edit keeps the view").isEqualTo(zoom);
    }

    private static CanvasViewModel vmOf(CanvasView view) {
        return view.viewModel();
    }
}
