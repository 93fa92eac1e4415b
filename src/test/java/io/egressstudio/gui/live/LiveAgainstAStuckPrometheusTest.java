package io.egressstudio.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.telemetry.HttpSettings;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.LinkTargets;
import io.egressstudio.telemetry.LiveSource;
import io.egressstudio.telemetry.MisbehavingServer;
import io.egressstudio.telemetry.ObservationSource;
import io.egressstudio.telemetry.ObservedState;
import io.egressstudio.telemetry.PrometheusClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The live view against a Prometheus that takes the connection and then never finishes its answer: the link goes
 * UNREACHABLE, and the status says why, as for a refused connection; the design's window is never left waiting.
 */
class LiveAgainstAStuckPrometheusTest {
    static final String TOKEN = "sha256~live-view-token-31415926";

    final LiveViewModelTest.UiQueue ui = new LiveViewModelTest.UiQueue();
    final Executor background = Runnable::run;
    final MainViewModel main = new MainViewModel(BuiltInDesigns.finished("1a-simple"),
            new DesignPipeline(PredictionEngines.standard()), background, background);
    final LinkTarget link = LinkTargets.of(main.shown()).get(0);
    final LiveViewModel vm = new LiveViewModel(main, background, ui);

    @AfterEach
    void stop() {
        vm.close();
    }

    @ParameterizedTest
    @EnumSource(value = MisbehavingServer.Behaviour.class, names = {"SLOW_HEADERS", "TRICKLE", "SHORT_BODY"})
    void aPrometheusThatNeverFinishesItsAnswerMakesTheLinkUnreachable(MisbehavingServer.Behaviour behaviour)
            throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(behaviour)) {
            PrometheusClient prometheus = new PrometheusClient(server.url(),
                    HttpSettings.defaults().withBearerToken(TOKEN).withTimeout(Duration.ofSeconds(1)));
            vm.connect(new TelemetryConnection() {
                @Override
                public ObservationSource open(List<LinkTarget> targets) {
                    return new LiveSource(prometheus, null, targets, Duration.ofMinutes(1), Clock.systemUTC());
                }

                @Override
                public String describe() {
                    return "Prometheus " + server.url();
                }
            }, Duration.ofMillis(100), 3);

            ui.runUntil("the link is unreachable", () -> vm.observation(link.linkId()) != null
                    && vm.observation(link.linkId()).observed() == ObservedState.UNREACHABLE);
            assertThat(vm.status()).isEqualTo(LiveStatus.UNREACHABLE);
            assertThat(vm.statusTextProperty().get()).contains("did not answer within 1 s").doesNotContain(TOKEN);
            assertThat(LiveViewModel.explain(vm.observation(link.linkId()))).contains("Observed: UNREACHABLE")
                    .doesNotContain(TOKEN);
        }
    }
}
