package io.egressstudio.gui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Outcome;
import io.egressstudio.telemetry.KialiReport;
import io.egressstudio.telemetry.LinkObservation;
import io.egressstudio.telemetry.LinkSample;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.LinkTargets;
import io.egressstudio.telemetry.ObservationSource;
import io.egressstudio.telemetry.ObservedState;
import io.egressstudio.telemetry.PollResult;
import io.egressstudio.telemetry.SessionFile;
import io.egressstudio.telemetry.TelemetryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live ViewModel without a window: a scripted telemetry source, the poller on its own thread, and a queue that
 * stands in for the FX thread (the test runs its tasks, so every property changes on the test's thread, as on the FX
 * thread in the app).
 */
class LiveViewModelTest {
    static final Duration INTERVAL = Duration.ofMillis(50);
    static final long WAIT_MILLIS = 10_000;

    /** The FX thread's stand-in: tasks queue up until the test runs them. */
    static final class UiQueue implements Executor {
        final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        /** Runs UI tasks as they arrive until the condition holds (checked after each task); fails after 10 s. */
        void runUntil(String what, BooleanSupplier condition) throws InterruptedException {
            long end = System.currentTimeMillis() + WAIT_MILLIS;
            while (!condition.getAsBoolean()) {
                long left = end - System.currentTimeMillis();
                Runnable task = left <= 0 ? null : tasks.poll(left, TimeUnit.MILLISECONDS);
                if (task == null) {
                    throw new AssertionError("timed out waiting until " + what);
                }
                task.run();
            }
        }
    }

    /** A source whose next answer the test sets; counts its polls. */
    static final class ScriptedSource implements ObservationSource {
        final AtomicReference<java.util.function.Supplier<PollResult>> next = new AtomicReference<>();
        final AtomicInteger polls = new AtomicInteger();

        @Override
        public PollResult poll() {
            polls.incrementAndGet();
            return next.get().get();
        }
    }

    final UiQueue ui = new UiQueue();
    final Executor background = Runnable::run;
    final MainViewModel main = new MainViewModel(BuiltInDesigns.finished("1a-simple"),
            new DesignPipeline(PredictionEngines.standard()), background, background);
    final LinkTarget link = LinkTargets.of(main.shown()).get(0);
    final ScriptedSource source = new ScriptedSource();
    final LiveViewModel vm = new LiveViewModel(main, background, ui);

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        vm.close();
    }

    TelemetryConnection connection() {
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

    PollResult passthrough() {
        return PollResult.fresh(Instant.now(), Map.of(link.linkId(), new LinkSample(link.linkId(),
                ObservedState.PASSTHROUGH, 1.5, 0.0, List.of("PassthroughCluster: 1.5 req/s with host " + link.host()))),
                null);
    }

    LinkObservation observed() {
        return vm.observation(link.linkId());
    }

    ObservedState state() {
        return observed() == null ? null : observed().observed();
    }

    @Test
    void showsEachLinksObservationBesideItsPredictionAndFlagsAContradiction() throws Exception {
        assertThat(link.predicted()).as("the design predicts OK").isEqualTo(Outcome.OK);
        source.next.set(this::passthrough);

        vm.connect(connection(), INTERVAL, 3);
        assertThat(vm.status()).isEqualTo(LiveStatus.CONNECTING);
        ui.runUntil("the link is observed", () -> state() == ObservedState.PASSTHROUGH);

        assertThat(vm.status()).isEqualTo(LiveStatus.LIVE);
        LinkObservation o = observed();
        assertThat(o.contradicts()).isTrue();
        assertThat(LiveViewModel.badgeText(o)).isEqualTo("PASSTHROUGH 1.5/s");
        String both = LiveViewModel.explain(o);
        assertThat(both).startsWith("CONTRADICTED: the traffic shows PASSTHROUGH, the design predicts OK.")
                .contains("Predicted: OK", "Observed: PASSTHROUGH — 1.5 req/s, 0% errors",
                        "PassthroughCluster: 1.5 req/s with host " + link.host());
        assertThat(both).contains(link.predictedExplanation().get(0));
        assertThat(vm.statusTextProperty().get()).contains("scripted Prometheus", "1 link contradicts");
    }

    @Test
    void linksGoUnreachableThenStaleAndTheStatusSaysSo() throws Exception {
        source.next.set(this::passthrough);
        vm.connect(connection(), INTERVAL, 1);
        ui.runUntil("live", () -> vm.status() == LiveStatus.LIVE);

        source.next.set(() -> PollResult.failed(Instant.now(), TelemetryException.Kind.UNREACHABLE,
                "Prometheus refused the connection", null));
        ui.runUntil("unreachable", () -> state() == ObservedState.UNREACHABLE);
        assertThat(vm.status()).isEqualTo(LiveStatus.UNREACHABLE);
        assertThat(observed().contradicts()).as("no evidence either way").isFalse();
        assertThat(LiveViewModel.explain(observed())).contains("Observed: UNREACHABLE", "refused the connection");
        assertThat(vm.statusTextProperty().get()).contains("refused the connection", "next try in");

        source.next.set(() -> PollResult.failed(Instant.now().plusSeconds(60), TelemetryException.Kind.BAD_ANSWER,
                "Prometheus answered 403", null));
        ui.runUntil("stale", () -> state() == ObservedState.STALE);
        assertThat(vm.status()).isEqualTo(LiveStatus.STALE);

        source.next.set(this::passthrough);
        ui.runUntil("recovered", () -> state() == ObservedState.PASSTHROUGH);
        assertThat(vm.status()).isEqualTo(LiveStatus.LIVE);
    }

    @Test
    void pauseKeepsTheLastStateAndResumePollsAgain() throws Exception {
        source.next.set(this::passthrough);
        vm.connect(connection(), INTERVAL, 3);
        ui.runUntil("live", () -> vm.status() == LiveStatus.LIVE);

        vm.pause();
        assertThat(vm.status()).isEqualTo(LiveStatus.PAUSED);
        assertThat(vm.isPaused()).isTrue();
        int polls = source.polls.get();
        ui.tasks.clear();
        assertThat(state()).isEqualTo(ObservedState.PASSTHROUGH);

        vm.resume();
        ui.runUntil("polled again", () -> source.polls.get() > polls + 1 && vm.status() == LiveStatus.LIVE);
        assertThat(state()).isEqualTo(ObservedState.PASSTHROUGH);
    }

    @Test
    void aRecordedSessionReplaysLabelledAsAReplay() throws Exception {
        source.next.set(this::passthrough);
        vm.connect(connection(), INTERVAL, 3);
        ui.runUntil("live", () -> vm.status() == LiveStatus.LIVE);
        Path file = folder.resolve("session.jsonl");

        vm.record(file);
        ui.runUntil("recording", () -> vm.recordingProperty().get());
        ui.runUntil("three polls recorded", () -> lines(file) >= 4);
        vm.stopRecording();
        assertThat(vm.recordingProperty().get()).isFalse();
        vm.stop();
        assertThat(vm.status()).isEqualTo(LiveStatus.OFF);
        assertThat(vm.observationsProperty().get()).isEmpty();

        SessionFile.Recording recording = SessionFile.read(file);
        assertThat(recording.header().links()).containsExactly(link);
        vm.replay(file, Duration.ofMillis(20));
        ui.runUntil("replaying", () -> state() == ObservedState.PASSTHROUGH);
        assertThat(vm.status()).isEqualTo(LiveStatus.REPLAY);
        assertThat(vm.snapshotProperty().get().replay()).isTrue();
        assertThat(vm.replayLabelProperty().get()).startsWith("REPLAY of session.jsonl (scenario 1a-simple");
        assertThat(observed().contradicts()).isTrue();
        ui.runUntil("the replay ends", () -> vm.statusTextProperty().get().endsWith("replay ended"));
        assertThat(vm.snapshotProperty().get().sequence()).isEqualTo(recording.polls().size());
    }

    @Test
    void kialisEdgesOutsideTheDesignAreCountedInTheStatus() throws Exception {
        KialiReport kiali = new KialiReport(null, 3, List.of(new KialiReport.UnexpectedEdge("shop/web",
                "PassthroughCluster", "http", 2.0, "rps", List.of("httpbin.org"), Map.of(), "")), List.of());
        source.next.set(() -> PollResult.fresh(Instant.now(), passthrough().samples(), kiali));
        vm.connect(connection(), INTERVAL, 3);
        ui.runUntil("live", () -> vm.status() == LiveStatus.LIVE);
        assertThat(vm.statusTextProperty().get()).endsWith("Kiali: 1 edge(s) not in the design");

        source.next.set(() -> PollResult.fresh(Instant.now(), passthrough().samples(),
                KialiReport.failed("Kiali answered 401")));
        ui.runUntil("Kiali failed", () -> vm.statusTextProperty().get().endsWith("Kiali: Kiali answered 401"));
        assertThat(vm.status()).as("Kiali does not decide the links' state").isEqualTo(LiveStatus.LIVE);
    }

    @Test
    void aSourceThatCannotOpenLeavesLiveOffWithTheReason() throws Exception {
        TelemetryConnection broken = new TelemetryConnection() {
            @Override
            public ObservationSource open(List<LinkTarget> targets) throws IOException {
                throw new IOException("ca.pem: no PEM certificate (-----BEGIN CERTIFICATE-----) in the file");
            }

            @Override
            public String describe() {
                return "Prometheus https://prometheus.example.com";
            }
        };
        vm.connect(broken, INTERVAL, 3);
        ui.runUntil("failed", () -> !vm.errorProperty().get().isEmpty());

        assertThat(vm.status()).isEqualTo(LiveStatus.OFF);
        assertThat(vm.errorProperty().get()).contains("no PEM certificate");
        assertThat(vm.statusTextProperty().get()).startsWith("Cannot connect to Prometheus https://prometheus");
    }

    @Test
    void aBadRecordingIsReportedNotShown() throws Exception {
        Path file = folder.resolve("not-a-session.jsonl");
        Files.writeString(file, "{\"links\":[]}\n");

        vm.replay(file, null);
        ui.runUntil("failed", () -> !vm.errorProperty().get().isEmpty());

        assertThat(vm.status()).isEqualTo(LiveStatus.OFF);
        assertThat(vm.errorProperty().get()).contains(":1: not a recorded session line");
    }

    @Test
    void aLiveSessionFollowsTheDesign() throws Exception {
        source.next.set(this::passthrough);
        vm.connect(connection(), INTERVAL, 3);
        ui.runUntil("live", () -> vm.status() == LiveStatus.LIVE);

        main.replace(BuiltInScenarios.get("1a-unencrypted-v1"), null);
        LinkTarget other = LinkTargets.of(main.shown()).get(0);
        assertThat(other.to()).isNotEqualTo(link.to());
        ui.runUntil("the new design's link is polled", () -> vm.observation(other.linkId()) != null
                && vm.observation(other.linkId()).to().equals(other.to()));
        assertThat(vm.observation(other.linkId()).predicted()).isEqualTo(other.predicted());
    }

    @Test
    void liveTakesItsPredictionsFromTheWindowsAnalysisInsteadOfPredictingAgain() throws Exception {
        // the window's engine signs its explanations: a prediction made anywhere else would not carry the mark
        AtomicInteger runs = new AtomicInteger();
        String mark = "predicted by the window";
        io.egressstudio.design.PredictionEngine standard = PredictionEngines.standard();
        MainViewModel counted = new MainViewModel(BuiltInDesigns.finished("1a-simple"), new DesignPipeline(
                (scenario, resources) -> {
                    runs.incrementAndGet();
                    return standard.run(scenario, resources).map(r -> new io.egressstudio.design.PredictionEngine.Result(
                            r.predictions().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                    Map.Entry::getKey, e -> signed(e.getValue(), mark))), r.findings()));
                }), background, background);
        LiveViewModel live = new LiveViewModel(counted, background, ui);
        try {
            source.next.set(this::passthrough);
            live.connect(connection(), INTERVAL, 3);
            String first = counted.shown().links().get(0).id();
            ui.runUntil("live", () -> live.status() == LiveStatus.LIVE && live.observation(first) != null);
            assertThat(runs.get()).as("predictions made: the window's only").isEqualTo(1);
            assertThat(live.observation(first).predictedExplanation()).startsWith(mark);

            counted.replace(BuiltInScenarios.get("1a-unencrypted-v1"), null);
            String other = counted.shown().links().get(0).id();
            Outcome windowSays = counted.analysis().prediction(other).outcome();
            assertThat(windowSays).isNotEqualTo(link.predicted());
            ui.runUntil("the new design's link is polled with the window's prediction",
                    () -> live.observation(other) != null && live.observation(other).predicted() == windowSays);
            assertThat(live.observation(other).predictedExplanation()).startsWith(mark);
            assertThat(runs.get()).as("predictions made: the window's only").isEqualTo(2);
        } finally {
            live.close();
        }
    }

    private static io.egressstudio.design.LinkPrediction signed(io.egressstudio.design.LinkPrediction p, String mark) {
        List<String> explanation = new java.util.ArrayList<>(List.of(mark));
        explanation.addAll(p.explanation());
        return new io.egressstudio.design.LinkPrediction(p.linkId(), p.outcome(), p.hops(), explanation, p.resources());
    }

    @Test
    void theConnectFormChecksEachFieldAndHidesTheToken() {
        ConnectForm.Checked ok = new ConnectForm(" http://127.0.0.1:9090 ", "", "secret-token", "", "1.5s").check();
        assertThat(ok.interval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(ok.connection().describe()).isEqualTo("Prometheus http://127.0.0.1:9090").doesNotContain("secret");
        assertThat(new ConnectForm("http://p", "https://kiali.example.com/kiali", null, null, "500ms").check()
                .connection().describe()).isEqualTo("Prometheus http://p, Kiali https://kiali.example.com/kiali");
        assertThat(ConnectForm.interval("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ConnectForm.interval("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(new ConnectForm("http://p", null, "secret-token", null, "5s").toString())
                .doesNotContain("secret-token").contains("token=(set)");

        assertThatThrownBy(() -> new ConnectForm("", null, null, null, "5s").check())
                .hasMessageStartingWith("Prometheus URL: required");
        assertThatThrownBy(() -> new ConnectForm("localhost:9090", null, null, null, "5s").check())
                .hasMessageContaining("is not an http:// or https:// URL");
        assertThatThrownBy(() -> new ConnectForm("http://p", "ftp://kiali", null, null, "5s").check())
                .hasMessageStartingWith("Kiali URL:");
        assertThatThrownBy(() -> new ConnectForm("http://p", null, null, folder.resolve("none.pem").toString(), "5s")
                .check()).hasMessageStartingWith("CA file:").hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> new ConnectForm("http://p", null, null, null, "soon").check())
                .hasMessageStartingWith("Poll interval:");
        assertThatThrownBy(() -> new ConnectForm("http://p", null, null, null, "10ms").check())
                .hasMessage("Poll interval: at least 100ms");
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
