package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Scenario;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window: the egress gateway's "Who may leave" field in the inspector, edited with the keyboard, turns the
 * refused link's colour back to OK (and a bad line shows its error under the field).
 */
@ExtendWith(ApplicationExtension.class)
class AccessRulesWindowTest {
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("egressstudio.home", System.getProperty("java.io.tmpdir") + "/egress-studio-test");
        Scenario builtIn = BuiltInScenarios.get("3-egress-authz");
        view = DesignerApp.show(stage, Steps.after(builtIn, builtIn.steps().size()).withSteps(List.of()));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void allowingTheOtherNamespaceInTheInspectorLetsItsLinkOut(FxRobot robot) throws Exception {
        awaitOutcome(robot, "other-call", "outcome-denied");
        robot.clickOn("#node-egress");
        waitUntil(() -> robot.lookup("#field-accessRules").tryQuery().isPresent());
        TextArea rules = robot.lookup("#field-accessRules").queryAs(TextArea.class);
        assertThat(rules.getText()).isEqualTo("ALLOW namespaces=greetings-client hosts=greeting.remote.com");
        snapshot(robot, rules, "3-egress-authz-inspector");

        robot.interact(() -> {
            rules.requestFocus();
            rules.setText("ALLOW namespaces=greetings-client,other-client hosts=greeting.remote.com");
        });
        robot.clickOn("#canvas");
        waitUntil(() -> view.viewModel().document().scenario().egressGateways().get(0).accessRules().get(0)
                .namespaces().contains("other-client"));
        awaitOutcome(robot, "other-call", "outcome-ok");

        robot.clickOn("#node-egress");
        waitUntil(() -> robot.lookup("#field-accessRules").tryQuery().isPresent());
        TextArea again = robot.lookup("#field-accessRules").queryAs(TextArea.class);
        robot.interact(() -> {
            again.requestFocus();
            again.setText("ALLOW from=other-client");
        });
        // focus moves to another field of the same inspector: the text is committed, and refused
        robot.clickOn("#field-name");
        waitUntil(() -> robot.lookup("#error-accessRules").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#error-accessRules").queryAs(Label.class).getText()).contains("from=other-client");
        awaitOutcome(robot, "other-call", "outcome-ok");
    }

    /** With {@code -Dcanvas.snapshots=DIR}, the window as it is, for a person to look at. */
    private static void snapshot(FxRobot robot, javafx.scene.Node any, String name) throws Exception {
        String dir = System.getProperty("canvas.snapshots");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = any.getScene().getRoot().snapshot(null, null));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot[0], null), "png",
                java.nio.file.Path.of(dir, name + ".png").toFile());
    }

    private static void awaitOutcome(FxRobot robot, String linkId, String outcome) throws Exception {
        waitUntil(() -> robot.lookup("#link-" + linkId).tryQuery()
                .map(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass(outcome))).orElse(false));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
