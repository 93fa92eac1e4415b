package io.egressstudio.gui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.DesignerApp;
import io.egressstudio.gui.MainView;
import io.egressstudio.gui.live.LiveConnectDialog;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Outcome;
import io.egressstudio.telemetry.IstioSeries;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.LinkTargets;
import io.egressstudio.telemetry.RealPrometheus;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode with Live on, in the real windows (headless Monocle) against a real Prometheus scraping a fake Istio
 * exporter that shows the 1a-unencrypted-v1 call leaving through PassthroughCluster. Live ▸ Connect to Prometheus…
 * in the main window, then F5: the presenter shows the observed outcome beside the expected and predicted ones,
 * flags it where the step predicts otherwise, and follows the polls when Prometheus goes away.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterLiveWindowTest {
    @RegisterExtension
    static final RealPrometheus PROMETHEUS = new RealPrometheus();

    private static final String LINK = "greeting-call";

    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = DesignerApp.show(stage, BuiltInScenarios.get("1a-unencrypted-v1"));
        stage.setX(0);
        stage.setY(0);
    }

    @AfterEach
    void closeTheOtherWindows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.live().viewModel().stop()).get();
        io.egressstudio.gui.TestWindows.close(s -> s != stage);
    }

    @Test
    void observedTrafficStandsBesideTheStepsPredictionAndFollowsThePolls(FxRobot robot) throws Exception {
        LinkTarget link = LinkTargets.of(view.viewModel().shown()).get(0);
        assertThat(link.linkId()).isEqualTo(LINK);
        PROMETHEUS.exporter().requests(link.from(), IstioSeries.PASSTHROUGH_CLUSTER, link.host(), "200", "-", 5);
        PROMETHEUS.awaitRates(1);

        // Live on in the main window
        LiveConnectDialog.connect(robot, PROMETHEUS.url());
        waitUntil(() -> text("#observed-" + LINK).startsWith("PASSTHROUGH"));

        // F5: presenter mode, live
        robot.clickOn("#scenario-title");
        robot.type(KeyCode.F5);
        waitUntil(() -> robot.lookup("#presenter-root").tryQuery().isPresent());
        assertThat(text("#presenter-live-status")).isEqualTo("● Observed traffic: Live");
        waitUntil(() -> text("#presenter-observed-" + LINK).startsWith("PASSTHROUGH "));
        assertThat(text("#presenter-observed-" + LINK)).endsWith("/s");
        waitUntil(() -> text("#presenter-predicted-" + LINK).equals("PASSTHROUGH"));
        assertThat(contradicted()).isFalse();

        // step 1 expects and predicts PASSTHROUGH: the traffic agrees
        robot.clickOn("#presenter-next");
        waitUntil(() -> text("#presenter-expected-" + LINK).equals("PASSTHROUGH"));
        assertThat(text("#presenter-predicted-" + LINK)).isEqualTo("PASSTHROUGH");
        assertThat(text("#presenter-observed-" + LINK)).doesNotContain("contradicts");

        // step 2 expects and predicts BLACKHOLE, the cluster still passes the call through: flagged
        robot.clickOn("#presenter-next");
        waitUntil(() -> text("#presenter-predicted-" + LINK).equals(Outcome.BLACKHOLE.name()));
        assertThat(text("#presenter-expected-" + LINK)).isEqualTo("BLACKHOLE");
        waitUntil(this::contradicted);
        assertThat(text("#presenter-observed-" + LINK)).startsWith("PASSTHROUGH ")
                .endsWith("⚠ contradicts the prediction");

        // Prometheus goes away: the next polls say UNREACHABLE, which is no evidence either way
        PROMETHEUS.stop();
        waitUntil(() -> text("#presenter-observed-" + LINK).equals("UNREACHABLE"));
        assertThat(contradicted()).isFalse();
        assertThat(text("#presenter-live-status")).isEqualTo("● Observed traffic: Unreachable");
        assertThat(text("#presenter-predicted-" + LINK)).isEqualTo("BLACKHOLE");
    }

    private boolean contradicted() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new FxRobot().lookup("#presenter-observed-" + LINK).tryQuery()
                .map(n -> n.getStyleClass().contains("contradicted")).orElse(false)).get();
    }

    private static String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new FxRobot().lookup(id).tryQuery()
                .map(n -> ((Labeled) n).getText()).orElse("")).get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
