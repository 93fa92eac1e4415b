package io.egressstudio.gui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.cluster.ApiKind;
import io.egressstudio.cluster.MockCluster;
import io.egressstudio.gui.DesignerApp;
import io.egressstudio.gui.cluster.ClusterSettings;
import io.egressstudio.gui.cluster.MockKubeconfig;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Step;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode in the real windows (headless Monocle): opened with F5 from the main window on the built-in
 * 1a-unencrypted-v1 walkthrough, driven with its buttons. Offline it presents; after Cluster ▸ Connect… (fabric8's
 * mock API server in CRUD mode) the same F5 opens it connected, and "Apply step to cluster" puts the step there.
 */
@ExtendWith(ApplicationExtension.class)
@EnableKubernetesMockClient(crud = true, https = false)
class PresenterWindowTest {
    private static final String LINK = "greeting-call";

    KubernetesClient client;

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeTheOtherWindows() throws Exception {
        ClusterSettings.use(ClusterSettings::fromEnvironment);
        io.egressstudio.gui.TestWindows.close(s -> s != stage);
    }

    private void showMainWindow(Scenario scenario) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            DesignerApp.show(stage, scenario);
            stage.setX(0);
            stage.setY(0);
        }).get();
    }

    /** F5 in the main window (brought to the front and focused first); returns the presenter's window. */
    private Stage pressF5(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(stage::toFront).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#scenario-title");
        robot.type(KeyCode.F5);
        waitUntil(() -> presenter() != null);
        return WaitForAsyncUtils.asyncFx(PresenterWindowTest::presenter).get();
    }

    private static Stage presenter() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Presenter — ")).map(w -> (Stage) w).findFirst().orElse(null);
    }

    @Test
    void f5WalksTheStepsPassthroughBlackholeOkBesideTheExpectedOutcome(FxRobot robot) throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-unencrypted-v1");
        showMainWindow(scenario);
        Stage presenter = pressF5(robot);
        assertThat(presenter.getTitle()).isEqualTo("Presenter — 1a-unencrypted-v1");
        assertThat(WaitForAsyncUtils.asyncFx(presenter::isFullScreen).get()).as("F5 opens presenter mode full screen")
                .isTrue();

        // as drawn: the scenario's own title and description, nothing expected yet, the prediction arrives
        assertThat(text("#presenter-title")).isEqualTo(scenario.title());
        assertThat(text("#presenter-narrative")).isEqualTo(scenario.description().strip());
        assertThat(text("#presenter-position")).isEqualTo("As drawn (3 steps)");
        assertThat(text("#presenter-expected-" + LINK)).isEqualTo("—");
        waitUntil(() -> !text("#presenter-predicted-" + LINK).equals("…"));
        assertThat(disabled("#presenter-previous")).isTrue();
        assertThat(robot.lookup("#presenter-apply-step").tryQuery()).as("offline: nothing to apply to").isEmpty();
        assertThat(robot.lookup("#presenter-observed-" + LINK).tryQuery()).as("Live is off").isEmpty();

        // Next through the steps: the narrative changes, the prediction follows the expectation, the canvas too
        List<String> predicted = new ArrayList<>();
        List<String> narratives = new ArrayList<>();
        for (int i = 1; i <= scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i - 1);
            String expected = step.expect().get(LINK).name();
            robot.clickOn("#presenter-next");
            waitUntil(() -> text("#presenter-predicted-" + LINK).equals(expected));
            assertThat(text("#presenter-title")).isEqualTo(step.title());
            assertThat(text("#presenter-narrative")).isEqualTo(step.narrative().strip());
            assertThat(text("#presenter-position")).isEqualTo("Step " + i + " of 3");
            assertThat(text("#presenter-expected-" + LINK)).isEqualTo(expected);
            String outcomeClass = "outcome-" + expected.toLowerCase(Locale.ROOT).replace('_', '-');
            waitUntil(() -> canvasLink(robot).getPseudoClassStates().contains(PseudoClass.getPseudoClass(outcomeClass)));
            predicted.add(text("#presenter-predicted-" + LINK));
            narratives.add(text("#presenter-narrative"));
        }
        assertThat(predicted).containsExactly(Outcome.PASSTHROUGH.name(), Outcome.BLACKHOLE.name(), Outcome.OK.name());
        assertThat(narratives).doesNotHaveDuplicates();
        assertThat(disabled("#presenter-next")).as("the last step").isTrue();

        // Previous goes back one step, with its prediction
        robot.clickOn("#presenter-previous");
        waitUntil(() -> text("#presenter-predicted-" + LINK).equals("BLACKHOLE"));
        assertThat(text("#presenter-title")).isEqualTo(scenario.steps().get(1).title());
        assertThat(text("#presenter-expected-" + LINK)).isEqualTo("BLACKHOLE");

        // Reset returns to the scenario as drawn
        robot.clickOn("#presenter-reset");
        waitUntil(() -> text("#presenter-position").equals("As drawn (3 steps)"));
        assertThat(text("#presenter-title")).isEqualTo(scenario.title());
        assertThat(text("#presenter-expected-" + LINK)).isEqualTo("—");
        waitUntil(() -> text("#presenter-predicted-" + LINK).equals("PASSTHROUGH"));
        assertThat(disabled("#presenter-previous")).isTrue();
    }

    @Test
    void withAClusterConnectionF5OpensItConnectedAndAppliesTheStep(FxRobot robot) throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-unencrypted-v1");
        MockCluster.installCrds(client, EnumSet.allOf(ApiKind.class),
                scenario.istioApi().name().toLowerCase(Locale.ROOT));
        Path kubeconfig = MockKubeconfig.write(dir.resolve("kube/config"), "mock-ctx",
                client.getConfiguration().getMasterUrl());
        ClusterSettings.use(() -> MockKubeconfig.settings(kubeconfig, dir.resolve("snapshots")));
        showMainWindow(scenario);

        // Cluster ▸ Connect…
        robot.clickOn("Cluster").clickOn("Connect…");
        waitUntil(() -> "mock-ctx".equals(robot.lookup("#cluster-contexts").queryAs(ComboBox.class).getValue()));
        robot.clickOn("#cluster-connect");
        waitUntil(() -> text("#cluster-check").contains("answers and accepts the credentials"));
        WaitForAsyncUtils.asyncFx(() -> ((Stage) robot.lookup("#cluster-connect").query().getScene().getWindow())
                .close()).get();

        pressF5(robot);
        waitUntil(() -> !disabled("#presenter-apply-step"));
        robot.clickOn("#presenter-next");
        waitUntil(() -> text("#presenter-predicted-" + LINK).equals("PASSTHROUGH"));
        robot.clickOn("#presenter-apply-step");
        waitUntil(() -> text("#presenter-cluster-result").startsWith("Step 1: applied "));
        assertThat(text("#presenter-cluster-result")).contains("to mock-ctx");
        assertThat(client.genericKubernetesResources("maistra.io/v2", "ServiceMeshControlPlane")
                .inNamespace("istio-system").withName("tenant-1").get()).as("step 1 is on the cluster").isNotNull();
    }

    /** The link as the presenter's own canvas draws it (the main window draws one too). */
    private static Node canvasLink(FxRobot robot) {
        return robot.from(robot.lookup("#presenter-root").queryAs(Node.class)).lookup("#link-" + LINK).query();
    }

    private static String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new FxRobot().lookup(id).tryQuery()
                .map(n -> n instanceof TextInputControl t ? t.getText() : ((Labeled) n).getText()).orElse("")).get();
    }

    private static boolean disabled(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new FxRobot().lookup(id).query().isDisabled()).get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
