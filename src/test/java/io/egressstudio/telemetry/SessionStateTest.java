package io.egressstudio.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.model.Outcome;
import io.egressstudio.telemetry.TelemetryException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that turn poll results into link states, with explicit times (no clock, no waiting). */
class SessionStateTest {
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    static final LinkTarget LINK = new LinkTarget("call", "shop", "web", "api.example.com", 80, null, null, Outcome.OK,
            List.of("the ServiceEntry registers the host"));

    static PollResult fresh(int second, ObservedState state) {
        return PollResult.fresh(T0.plusSeconds(second),
                Map.of("call", new LinkSample("call", state, 2.5, 0.1, List.of("seen " + state))), null);
    }

    static PollResult failed(int second, Kind kind) {
        return PollResult.failed(T0.plusSeconds(second), kind, "it went wrong (" + kind + ")", null);
    }

    final SessionState state = new SessionState(List.of(LINK), Duration.ofSeconds(1), 3, false);

    @Test
    void aFreshSampleIsShownBesideThePredictionAndAContradictionIsFlaggedWithBothExplanations() {
        Snapshot s = state.apply(fresh(0, ObservedState.PASSTHROUGH));

        LinkObservation l = s.link("call").orElseThrow();
        assertThat(s.isFresh()).isTrue();
        assertThat(s.sequence()).isEqualTo(1);
        assertThat(l.from()).isEqualTo("shop/web");
        assertThat(l.to()).isEqualTo("api.example.com:80");
        assertThat(l.predicted()).isEqualTo(Outcome.OK);
        assertThat(l.observed()).isEqualTo(ObservedState.PASSTHROUGH);
        assertThat(l.contradicts()).isTrue();
        assertThat(l.predictedExplanation()).containsExactly("the ServiceEntry registers the host");
        assertThat(l.observedExplanation()).containsExactly("seen PASSTHROUGH");
        assertThat(l.requestsPerSecond()).isEqualTo(2.5);
        assertThat(l.sampledAt()).isEqualTo(T0);
        assertThat(s.contradicted()).hasSize(1);
    }

    @Test
    void aLinkMissingFromAFreshPollHasNoTraffic() {
        Snapshot s = state.apply(PollResult.fresh(T0, Map.of(), null));

        assertThat(s.link("call").orElseThrow().observed()).isEqualTo(ObservedState.NO_TRAFFIC);
        assertThat(s.link("call").orElseThrow().contradicts()).isFalse();
    }

    @Test
    void anUnreachableSourceMakesLinksUnreachableAtOnceKeepingTheLastNumbers() {
        state.apply(fresh(0, ObservedState.OK));

        LinkObservation l = state.apply(failed(1, Kind.UNREACHABLE)).link("call").orElseThrow();

        assertThat(l.observed()).isEqualTo(ObservedState.UNREACHABLE);
        assertThat(l.contradicts()).isFalse();
        assertThat(l.requestsPerSecond()).isEqualTo(2.5);
        assertThat(l.observedExplanation()).anyMatch(x -> x.contains("UNREACHABLE"))
                .anyMatch(x -> x.contains("last fresh sample OK at " + T0));
    }

    @Test
    void anUnusableAnswerKeepsTheLastStateForNIntervalsThenGoesStale() {
        state.apply(fresh(0, ObservedState.OK));

        LinkObservation kept = state.apply(failed(3, Kind.REJECTED)).link("call").orElseThrow();
        LinkObservation stale = state.apply(failed(4, Kind.REJECTED)).link("call").orElseThrow();

        assertThat(kept.observed()).isEqualTo(ObservedState.OK);
        assertThat(kept.observedExplanation()).last().asString().startsWith("not refreshed at");
        assertThat(stale.observed()).isEqualTo(ObservedState.STALE);
        assertThat(stale.sampledAt()).isEqualTo(T0);
        assertThat(stale.observedExplanation()).first().asString().contains("REJECTED");
    }

    @Test
    void withoutAnyFreshSampleAnUnusableAnswerIsStaleAtOnce() {
        assertThat(state.apply(failed(0, Kind.BAD_ANSWER)).link("call").orElseThrow().observed())
                .isEqualTo(ObservedState.STALE);
    }

    @Test
    void aFreshSampleAfterAnOutageRecovers() {
        state.apply(fresh(0, ObservedState.OK));
        state.apply(failed(1, Kind.UNREACHABLE));
        state.apply(failed(9, Kind.BAD_ANSWER));

        Snapshot back = state.apply(fresh(10, ObservedState.BLACKHOLE));

        assertThat(back.sequence()).isEqualTo(4);
        assertThat(back.link("call").orElseThrow().observed()).isEqualTo(ObservedState.BLACKHOLE);
        assertThat(back.link("call").orElseThrow().contradicts()).isTrue();
    }
}
