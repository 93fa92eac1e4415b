package io.egressstudio.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.egressstudio.model.Outcome;
import io.egressstudio.telemetry.StubServer.Answer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller against a stub Prometheus that fails on demand: a response slower than the timeout, 401, 403,
 * malformed JSON, a source or listener that throws. Links go UNREACHABLE or STALE, nothing escapes, the caller is
 * never blocked, and polling recovers. (An outage of a real Prometheus: {@link PrometheusOutageTest}.)
 */
class TelemetryPollerTest {
    static final LinkTarget LINK = LinkTarget.direct("call", "shop/web", "api.example.com:80", Outcome.OK);
    static final Duration INTERVAL = Duration.ofMillis(100);
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    StubServer stub;
    TelemetryPoller poller;
    final List<Snapshot> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void stub() throws Exception {
        stub = StubServer.http().answer(PrometheusStub.requests("shop/web", "api.example.com", "200", 2.0));
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        stub.close();
    }

    private TelemetryPoller poll(Duration timeout, int staleAfter, SessionRecorder recorder) {
        PrometheusClient client = new PrometheusClient(stub.url(), HttpSettings.defaults().withTimeout(timeout));
        LiveSource source = new LiveSource(client, null, List.of(LINK), Duration.ofMinutes(1), Clock.systemUTC());
        poller = new TelemetryPoller(source, List.of(LINK),
                new TelemetryPoller.Settings(INTERVAL, staleAfter, Duration.ofMillis(800)), false, recorder, null, null);
        poller.addListener(seen::add);
        poller.start();
        return poller;
    }

    private ObservedState observed() {
        Snapshot s = poller.latest();
        return s == null ? null : s.link("call").orElseThrow().observed();
    }

    private void awaitObserved(ObservedState state) {
        await("link observed " + state).atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> observed() == state);
    }

    @Test
    void aResponseSlowerThanTheTimeoutMakesLinksUnreachableBacksOffAndRecovers() {
        stub.holdAnswers();
        poll(Duration.ofMillis(200), 3, null);

        awaitObserved(ObservedState.UNREACHABLE);
        assertThat(poller.latest().failure().message()).contains("did not answer within 200 ms");
        await().atMost(WAIT).until(() -> poller.failuresInARow() >= 2);
        assertThat(poller.currentDelay()).isGreaterThan(INTERVAL);

        stub.release();
        awaitObserved(ObservedState.OK);
        assertThat(poller.currentDelay()).isEqualTo(INTERVAL);
        assertThat(poller.latest().link("call").orElseThrow().requestsPerSecond()).isEqualTo(2.0);
    }

    @Test
    void unauthorizedGoesStaleAfterTheAllowedIntervalsAndRecoversWithAValidAnswer() {
        poll(Duration.ofSeconds(2), 2, null);
        awaitObserved(ObservedState.OK);

        stub.answer(Answer.status(401, "Unauthorized"));
        awaitObserved(ObservedState.STALE);
        assertThat(poller.latest().failure().message()).contains("401");
        assertThat(poller.latest().link("call").orElseThrow().sampledAt()).isNotNull();

        stub.answer(PrometheusStub.requests("shop/web", "api.example.com", "200", 2.0));
        awaitObserved(ObservedState.OK);
    }

    @Test
    void forbiddenIsStale() {
        stub.answer(Answer.status(403, "Forbidden"));
        poll(Duration.ofSeconds(2), 2, null);

        awaitObserved(ObservedState.STALE);
        assertThat(poller.latest().failure().message()).contains("403");
    }

    @Test
    void malformedJsonIsStale() {
        stub.answer(Answer.json("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{"));
        poll(Duration.ofSeconds(2), 2, null);

        awaitObserved(ObservedState.STALE);
        assertThat(poller.latest().failure().message()).contains("not JSON");
    }

    @Test
    void nothingASourceOrAListenerThrowsStopsThePolling() {
        AtomicInteger polls = new AtomicInteger();
        ObservationSource broken = () -> {
            polls.incrementAndGet();
            throw new IllegalStateException("a bug in a source");
        };
        poller = new TelemetryPoller(broken, List.of(LINK), TelemetryPoller.Settings.every(Duration.ofMillis(20)));
        poller.addListener(s -> {
            throw new IllegalStateException("a bug in a listener");
        });
        poller.addListener(seen::add);

        assertThatCode(poller::start).doesNotThrowAnyException();

        await().atMost(WAIT).until(() -> seen.size() >= 3);
        assertThat(polls.get()).isGreaterThanOrEqualTo(3);
        assertThat(seen.get(0).link("call").orElseThrow().observed()).isEqualTo(ObservedState.STALE);
        assertThat(seen.get(0).failure().message()).contains("internal error", "a bug in a source");
    }

    @Test
    void startPauseAndResumeNeverBlockTheCallerEvenWhenTheSourceHangs() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        AtomicInteger polls = new AtomicInteger();
        ObservationSource hanging = () -> {
            polls.incrementAndGet();
            try {
                hang.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PollResult.fresh(Clock.systemUTC().instant(), java.util.Map.of(), null);
        };
        poller = new TelemetryPoller(hanging, List.of(LINK), TelemetryPoller.Settings.every(INTERVAL));

        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            poller.start();
            await().atMost(WAIT).until(() -> polls.get() == 1);
            poller.pause();
            poller.resume();
            poller.pause();
        });
        hang.countDown();
    }

    @Test
    void pausedNoPollRunsAndResumePollsAgain() {
        poll(Duration.ofSeconds(2), 3, null);
        awaitObserved(ObservedState.OK);

        poller.pause();
        assertThat(poller.isPaused()).isTrue();
        int before = stub.received().size();
        await("no poll while paused").during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> stub.received().size() <= before + 3);
        int paused = stub.received().size();
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> stub.received().size() == paused);
        long sequence = poller.latest().sequence();

        poller.resume();
        await().atMost(WAIT).until(() -> poller.latest().sequence() > sequence + 1);
        assertThat(stub.received().size()).isGreaterThan(paused);
    }

    @Test
    void aRecordedSessionReplaysTheSameStatesLabelledAsAReplay() throws Exception {
        Path file = folder.resolve("session.jsonl");
        try (SessionRecorder recorder = SessionRecorder.create(file, new SessionFile.Header("demo",
                Clock.systemUTC().instant(), INTERVAL, 2, List.of(LINK)))) {
            poll(Duration.ofSeconds(2), 2, recorder);
            awaitObserved(ObservedState.OK);
            stub.answer(Answer.status(401, "Unauthorized"));
            awaitObserved(ObservedState.STALE);
            poller.close();
        }
        List<ObservedState> live = seen.stream().map(s -> s.link("call").orElseThrow().observed()).toList();

        SessionFile.Recording recording = SessionFile.read(file);
        List<Snapshot> replayed = ReplaySource.snapshots(recording);

        assertThat(recording.header().scenario()).isEqualTo("demo");
        assertThat(recording.header().links()).containsExactly(LINK);
        assertThat(replayed).allMatch(Snapshot::replay);
        assertThat(replayed.stream().map(s -> s.link("call").orElseThrow().observed()).toList())
                .startsWith(live.toArray(new ObservedState[0]));
        assertThat(replayed.get(0).link("call").orElseThrow().requestsPerSecond()).isEqualTo(2.0);

        // the same recording through a poller: the snapshots come at the recorded pace, then the end
        CountDownLatch ended = new CountDownLatch(1);
        List<Snapshot> paced = new CopyOnWriteArrayList<>();
        try (TelemetryPoller replay = TelemetryPoller.replay(recording, Duration.ofMillis(10), null)) {
            replay.addListener(paced::add);
            replay.addEndListener(ended::countDown);
            replay.start();
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(paced).hasSameSizeAs(replayed).allMatch(Snapshot::replay);
        assertThat(paced.stream().map(s -> s.link("call").orElseThrow().observed()).toList())
                .isEqualTo(replayed.stream().map(s -> s.link("call").orElseThrow().observed()).toList());
    }

    @Test
    void backoffDoublesUpToItsMaximumAndResetsOnSuccess() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(List.of(b.failed(), b.failed(), b.failed(), b.failed())).containsExactly(Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(b.succeeded()).isEqualTo(Duration.ofMillis(100));
        assertThat(b.failures()).isZero();
    }
}
