package io.egressstudio.gui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.DesignerApp;
import io.egressstudio.gui.MainView;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Findings tab of the real window (headless Monocle): a design predicted to fail shows its finding, never "No
 * findings", and a finding with one unambiguous fix offers Apply fix, one undoable edit.
 */
@ExtendWith(ApplicationExtension.class)
class FindingsWindowTest {
    private static final String STEP_2 = "After step 2: Step 2: REGISTRY_ONLY blocks unknown hosts";

    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("egressstudio.home", System.getProperty("java.io.tmpdir") + "/egress-studio-test");
        view = DesignerApp.show(stage, BuiltInScenarios.get("1a-unencrypted-v1"));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void registryOnlyWithoutAServiceEntryShowsABlackholeFindingNotNoFindings(FxRobot robot) throws Exception {
        robot.clickOn("#steps").clickOn(STEP_2);
        robot.clickOn("Findings");

        waitUntil(() -> message(robot, "[ES0021]").isPresent());
        Label summary = robot.lookup("#findings-summary").queryAs(Label.class);
        assertThat(WaitForAsyncUtils.asyncFx(summary::getText).get()).isEqualTo("1 finding (1 error) · some have a one-click fix");
        String text = WaitForAsyncUtils.asyncFx(() -> message(robot, "[ES0021]").orElseThrow().getText()).get();
        assertThat(text).contains("Predicted BLACKHOLE").contains("REGISTRY_ONLY");
        assertThat(WaitForAsyncUtils.asyncFx(() -> shownText(message(robot, "[ES0021]").orElseThrow())).get())
                .as("the whole message is drawn, wrapped, not cut with an ellipsis").isEqualTo(text.replace("\n", ""));
        assertThat(WaitForAsyncUtils.asyncFx(() -> labelStarting(robot, "Fix: ").orElseThrow().getText()).get())
                .contains("ServiceEntry");
        Button apply = applyButton(robot).orElseThrow();
        assertThat(apply.isDisabled()).as("a walkthrough step is a read-only view").isTrue();
        // the status line counts in words a person would write
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.viewModel().statusProperty().get()).get())
                .contains("1 BLACKHOLE · 1 finding ·");
    }

    @Test
    void applyFixRegistersTheServiceAndUndoBringsTheFindingBack(FxRobot robot) throws Exception {
        Scenario failing = Steps.after(BuiltInScenarios.get("1a-unencrypted-v1"), 2);
        Scenario drawn = new Scenario(failing.name(), failing.title(), failing.description(), failing.istioApi(),
                failing.meshes(), failing.workloads(), failing.egressGateways(), failing.externalServices(),
                failing.links(), failing.federations(), failing.certificates(), List.of(), failing.layout());
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().replace(drawn, null)).get();
        robot.clickOn("Findings");
        waitUntil(() -> outcome() == Outcome.BLACKHOLE && applyButton(robot).filter(Node::isVisible).isPresent());

        robot.clickOn(applyButton(robot).orElseThrow());

        waitUntil(() -> outcome() == Outcome.OK);
        waitUntil(() -> "No findings".equals(robot.lookup("#findings-summary").queryAs(Label.class).getText()));
        assertThat(view.viewModel().document().scenario().externalServices().get(0).registered()).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.viewModel().document().undoDescriptionProperty().get()).get())
                .as("one undoable edit, named for the fix").startsWith("Apply fix: Register");

        robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);

        waitUntil(() -> outcome() == Outcome.BLACKHOLE);
        waitUntil(() -> message(robot, "[ES0021]").isPresent());
        assertThat(view.viewModel().document().scenario().externalServices().get(0).registered()).isFalse();
    }

    @Test
    void aNewScenarioSaysWhatToDoInsteadOfAParserMessage(FxRobot robot) throws Exception {
        robot.clickOn("Findings");
        robot.press(KeyCode.SHORTCUT, KeyCode.N).release(KeyCode.N, KeyCode.SHORTCUT);

        waitUntil(() -> view.viewModel().document().scenario().elements().isEmpty()
                && view.viewModel().analysis() != null && view.viewModel().analysis().scenario().elements().isEmpty());
        Label summary = robot.lookup("#findings-summary").queryAs(Label.class);
        waitUntil(() -> summary.getText().startsWith("Nothing drawn yet: drag a mesh from the palette"));
        Label status = robot.lookup("#status").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Nothing drawn yet"));
        assertThat(WaitForAsyncUtils.asyncFx(status::getText).get()).doesNotContain("Event", "expected", "Exception");
        assertThat(view.viewModel().analysis().error()).isNull();
    }

    private Outcome outcome() {
        var a = view.viewModel().analysis();
        return a == null || a.prediction("greeting-call") == null ? null : a.prediction("greeting-call").outcome();
    }

    private static Optional<Label> message(FxRobot robot, String prefix) {
        return labelStarting(robot, prefix);
    }

    private static Optional<Label> labelStarting(FxRobot robot, String prefix) {
        return robot.lookup("#findings .label").queryAll().stream()
                .filter(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith(prefix) && l.isVisible())
                .map(n -> (Label) n).findFirst();
    }

    /** What the label really draws: the text of its Text nodes (an ellipsis where it was cut), lines joined. */
    private static String shownText(Label label) {
        return label.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText().replace("\n", "")).reduce("", String::concat);
    }

    private static Optional<Button> applyButton(FxRobot robot) {
        return robot.lookup("#findings .apply-fix").queryAll().stream()
                .filter(n -> n instanceof Button b && b.isVisible()).map(n -> (Button) n).findFirst();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
