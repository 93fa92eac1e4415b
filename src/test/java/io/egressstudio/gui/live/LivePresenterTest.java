package io.egressstudio.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.live.LiveViewModelTest.ScriptedSource;
import io.egressstudio.gui.live.LiveViewModelTest.UiQueue;
import io.egressstudio.gui.presenter.ObservedTraffic;
import io.egressstudio.gui.presenter.PresenterViewModel;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.telemetry.LinkObservation;
import io.egressstudio.telemetry.LinkSample;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.ObservationSource;
import io.egressstudio.telemetry.ObservedState;
import io.egressstudio.telemetry.PollResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Presenter mode fed by the main window's live session (the real {@link LiveViewModel} and its poller, a scripted
 * source, a queue standing in for the FX thread): each link shows what the traffic does beside the step's expected
 * and predicted outcomes, a contradiction is judged against the presenter's step (not the main window's), and the
 * observed column follows the polls.
 */
class LivePresenterTest {
    private static final Executor DIRECT = Runnable::run;
    private static final String LINK = "greeting-call";

    final UiQueue ui = new UiQueue();
    final Scenario scenario = BuiltInScenarios.get("1a-unencrypted-v1");
    final MainViewModel main = new MainViewModel(scenario, new DesignPipeline(PredictionEngines.standard()), DIRECT,
            DIRECT);
    final ScriptedSource source = new ScriptedSource();
    final LiveViewModel live = new LiveViewModel(main, DIRECT, ui);

    @AfterEach
    void stop() {
        live.close();
    }

    private TelemetryConnection connection() {
        return new TelemetryConnection() {
            @Override
            public ObservationSource open(List<LinkTarget> targets) {
                return source;
            }

            @Override
            public String describe() {
                return "scripted Prometheus";
            }
        };
    }

    private static PollResult sample(ObservedState state, double rate) {
        return PollResult.fresh(Instant.now(), Map.of(LINK, new LinkSample(LINK, state, rate, 0.0,
                List.of(state + ": " + rate + " req/s"))), null);
    }

    private static PresenterViewModel.LinkRow row(PresenterViewModel vm) {
        return vm.rows().stream().filter(r -> r.linkId().equals(LINK)).findFirst().orElseThrow();
    }

    @Test
    void theObservedOutcomeStandsBesideTheExpectedAndPredictedOneAndFollowsThePolls() throws Exception {
        source.next.set(() -> sample(ObservedState.PASSTHROUGH, 1.5));
        live.connect(connection(), Duration.ofMillis(50), 3);
        ui.runUntil("the main window observes the link", () -> live.observation(LINK) != null);

        ObservedTraffic traffic = live.asObservedTraffic();
        PresenterViewModel presenter = new PresenterViewModel(scenario,
                new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT, null, traffic);
        assertThat(traffic.statusProperty().get()).isEqualTo("Live");

        // as drawn and step 1: PASSTHROUGH is predicted, and the traffic shows it
        assertThat(row(presenter).observed()).isEqualTo(ObservedState.PASSTHROUGH);
        assertThat(row(presenter).observedText()).isEqualTo("PASSTHROUGH 1.5/s");
        assertThat(row(presenter).contradicted()).isFalse();
        presenter.next();
        assertThat(row(presenter).expected()).isEqualTo(Outcome.PASSTHROUGH);
        assertThat(row(presenter).predicted()).isEqualTo(Outcome.PASSTHROUGH);
        assertThat(row(presenter).contradicted()).isFalse();

        // step 2 predicts BLACKHOLE: the same traffic now contradicts the step
        presenter.next();
        assertThat(row(presenter).expected()).isEqualTo(Outcome.BLACKHOLE);
        assertThat(row(presenter).predicted()).isEqualTo(Outcome.BLACKHOLE);
        assertThat(row(presenter).observed()).isEqualTo(ObservedState.PASSTHROUGH);
        assertThat(row(presenter).contradicted()).isTrue();

        // the cluster follows the step: the next polls show BLACKHOLE, and the presenter's row follows them
        source.next.set(() -> sample(ObservedState.BLACKHOLE, 2));
        ui.runUntil("a poll shows BLACKHOLE", () -> row(presenter).observed() == ObservedState.BLACKHOLE);
        assertThat(row(presenter).contradicted()).as("judged against the presenter's step 2").isFalse();
        assertThat(row(presenter).observedText()).isEqualTo("BLACKHOLE 2/s");
        LinkObservation mainWindows = live.observation(LINK);
        assertThat(mainWindows.predicted()).as("the main window still shows the design as drawn")
                .isEqualTo(Outcome.PASSTHROUGH);
        assertThat(mainWindows.contradicts()).as("... so there the same traffic is a contradiction").isTrue();

        // step 3 predicts OK, the traffic still shows BLACKHOLE
        presenter.next();
        assertThat(row(presenter).predicted()).isEqualTo(Outcome.OK);
        assertThat(row(presenter).contradicted()).isTrue();

        // no evidence either way is never a contradiction
        source.next.set(() -> sample(ObservedState.NO_TRAFFIC, 0));
        ui.runUntil("a poll shows no traffic", () -> row(presenter).observed() == ObservedState.NO_TRAFFIC);
        assertThat(row(presenter).contradicted()).isFalse();
        assertThat(row(presenter).observedText()).isEqualTo("NO_TRAFFIC");

        // Live ▸ Stop in the main window: the presenter shows predictions only again
        live.stop();
        assertThat(row(presenter).observation()).isNull();
        assertThat(row(presenter).observedText()).isEqualTo("—");
        assertThat(traffic.statusProperty().get()).isEqualTo("Live off");

        // a closed presenter no longer follows the session (which outlives its window)
        presenter.close();
        source.next.set(() -> sample(ObservedState.OK, 1));
        live.connect(connection(), Duration.ofMillis(50), 3);
        ui.runUntil("the main window observes the link again", () -> live.observation(LINK) != null);
        assertThat(row(presenter).observation()).isNull();
    }

    @Test
    void withoutLiveTrafficTheRowsHaveNoObservation() {
        PresenterViewModel presenter = new PresenterViewModel(scenario,
                new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
        presenter.next();
        assertThat(presenter.traffic()).isNull();
        assertThat(row(presenter).observation()).isNull();
        assertThat(row(presenter).contradicted()).isFalse();
        assertThat(row(presenter).predicted()).isEqualTo(Outcome.PASSTHROUGH);
    }
}
