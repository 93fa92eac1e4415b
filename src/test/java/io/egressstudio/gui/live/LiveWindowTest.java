package io.egressstudio.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.DesignerApp;
import io.egressstudio.gui.MainView;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.model.Outcome;
import io.egressstudio.telemetry.IstioSeries;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.LinkTargets;
import io.egressstudio.telemetry.RealPrometheus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window against a real Prometheus (headless Monocle): connect through Live › Connect to Prometheus… and
 * its dialog, and the canvas shows what Prometheus scraped from a fake Istio exporter beside the prediction. The
 * design predicts OK; the exporter serves PassthroughCluster series for the link, so the link is flagged. Then
 * Prometheus goes down: the link goes UNREACHABLE, the window keeps answering (pause, resume), and the link comes
 * back when Prometheus does.
 */
@ExtendWith(ApplicationExtension.class)
class LiveWindowTest {
    @RegisterExtension
    static final RealPrometheus PROMETHEUS = new RealPrometheus();

    private MainView view;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        System.setProperty("egressstudio.home", System.getProperty("java.io.tmpdir") + "/egress-studio-test");
        view = DesignerApp.show(stage, BuiltInDesigns.finished("1a-simple"));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void theCanvasShowsObservedTrafficFromPrometheusAndFlagsAContradictedPrediction(FxRobot robot) throws Exception {
        LinkTarget link = LinkTargets.of(view.viewModel().shown()).get(0);
        assertThat(link.predicted()).as("the design predicts OK").isEqualTo(Outcome.OK);
        PROMETHEUS.exporter().requests(link.from(), IstioSeries.PASSTHROUGH_CLUSTER, link.host(), "200", "-", 5);
        PROMETHEUS.awaitRates(1);

        // Live › Connect to Prometheus…, typed into the dialog
        LiveConnectDialog.connect(robot, PROMETHEUS.url());

        // the observed state from Prometheus, beside the predicted colour, flagged
        String badge = "#observed-" + link.linkId();
        waitUntil(() -> text(robot, badge).startsWith("PASSTHROUGH"));
        Label label = robot.lookup(badge).queryAs(Label.class);
        assertThat(label.getStyleClass()).contains("observed-passthrough", "contradicted");
        assertThat(robot.lookup("#contradiction-" + link.linkId()).tryQuery()).as("the halo along the link").isPresent();
        assertThat(robot.lookup("#link-" + link.linkId()).query().getPseudoClassStates()).as("the prediction stays drawn")
                .contains(PseudoClass.getPseudoClass("outcome-ok"));
        assertThat(text(robot, "#live-status")).isEqualTo("● LIVE");
        robot.moveTo(badge);
        waitUntil(() -> label.getTooltip().isShowing() && !label.getTooltip().getText().isEmpty());
        String hover = fx(() -> label.getTooltip().getText());
        assertThat(hover).startsWith("CONTRADICTED: the traffic shows PASSTHROUGH, the design predicts OK.")
                .contains("Predicted: OK", link.predictedExplanation().get(0), "Observed: PASSTHROUGH",
                        IstioSeries.PASSTHROUGH_CLUSTER);

        // clicking the badge selects the link; the details card shows both explanations
        robot.clickOn(badge);
        waitUntil(() -> robot.lookup("#live-details").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text(robot, "#live-details-text")).contains("Predicted: OK", "Observed: PASSTHROUGH");
        assertThat(view.viewModel().selection().single()).isEqualTo(link.linkId());

        // Prometheus stops: UNREACHABLE, and the window keeps answering
        PROMETHEUS.stop();
        waitUntil(() -> text(robot, badge).equals("UNREACHABLE"));
        assertThat(robot.lookup(badge).query().getStyleClass()).contains("observed-unreachable")
                .doesNotContain("contradicted");
        assertThat(robot.lookup("#contradiction-" + link.linkId()).tryQuery()).isEmpty();
        assertThat(text(robot, "#live-status")).isEqualTo("● UNREACHABLE");
        robot.clickOn("Live").clickOn("Pause");
        waitUntil(() -> text(robot, "#live-status").equals("● PAUSED"));
        robot.clickOn("Live").clickOn("Resume");
        waitUntil(() -> text(robot, "#live-status").equals("● UNREACHABLE"));
        double zoom = fx(() -> view.canvasViewModel().zoomProperty().get());
        robot.clickOn("#button-zoom-in");
        waitUntil(() -> view.canvasViewModel().zoomProperty().get() > zoom);

        // Prometheus returns: the link is observed again
        PROMETHEUS.start();
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> fx(() -> text(robot, badge).startsWith("PASSTHROUGH")));
        assertThat(text(robot, "#live-status")).isEqualTo("● LIVE");

        // a recorded session replays labelled as a replay (the file choosers cannot be driven headless: the ViewModel
        // is given the file the menu item would ask for)
        LiveViewModel live = view.live().viewModel();
        Path file = folder.resolve("session.jsonl");
        WaitForAsyncUtils.asyncFx(() -> live.record(file)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(file) && Files.readAllLines(file).size() >= 3);
        robot.clickOn("Live").clickOn("Stop");
        waitUntil(() -> robot.lookup(badge).tryQuery().isEmpty());
        assertThat(robot.lookup("#live-status").query().isVisible()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> live.replay(file, java.time.Duration.ofMillis(300))).get();
        waitUntil(() -> text(robot, badge).startsWith("PASSTHROUGH"));
        assertThat(text(robot, "#live-status")).isEqualTo("● REPLAY");
        assertThat(robot.lookup("#live-replay-banner").query().isVisible()).isTrue();
        assertThat(text(robot, "#live-replay-banner")).startsWith("REPLAY of session.jsonl (scenario 1a-simple");
        assertThat(robot.lookup(badge).query().getStyleClass()).contains("contradicted");

        // panned far away, the badge leaves the scene graph (thousands of links cost every pulse); back, it returns
        WaitForAsyncUtils.asyncFx(() -> view.canvasViewModel().panXProperty().set(-50_000)).get();
        waitUntil(() -> robot.lookup(badge).tryQuery().isEmpty());
        WaitForAsyncUtils.asyncFx(view::fit).get();
        waitUntil(() -> robot.lookup(badge).tryQuery().isPresent());
        robot.clickOn("Live").clickOn("Stop");
        waitUntil(() -> robot.lookup("#live-replay-banner").tryQuery().map(n -> !n.isVisible()).orElse(true));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText()).orElse("");
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
    }
}
