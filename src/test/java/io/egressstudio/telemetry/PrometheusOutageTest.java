package io.egressstudio.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.egressstudio.model.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus stopped in the middle of polling and started again: the links go UNREACHABLE while it is down,
 * the poller backs off, and the links come back with fresh samples when it returns. The session is recorded, and the
 * replay tells the same story.
 */
class PrometheusOutageTest {
    @RegisterExtension
    static final RealPrometheus PROMETHEUS = new RealPrometheus();

    static final List<LinkTarget> LINKS = List.of(
            LinkTarget.direct("unregistered", "shop/web", "httpbin.org:80", Outcome.OK),
            LinkTarget.direct("blocked", "shop/batch", "blocked.example.com:443", Outcome.BLACKHOLE));

    @TempDir
    Path folder;

    @Test
    void linksGoUnreachableWhilePrometheusIsDownAndRecoverWhenItReturns() throws Exception {
        PROMETHEUS.exporter()
                .requests("shop/web", IstioSeries.PASSTHROUGH_CLUSTER, "httpbin.org", "200", "-", 3)
                .tcp(FakeIstioExporter.TCP_CLOSED, "shop/batch", IstioSeries.BLACKHOLE_CLUSTER, "unknown", "UH", 2);
        PROMETHEUS.awaitRates(2);

        Duration interval = Duration.ofMillis(200);
        Path file = folder.resolve("outage.jsonl");
        List<Snapshot> seen = new CopyOnWriteArrayList<>();
        PrometheusClient client = new PrometheusClient(PROMETHEUS.url(),
                HttpSettings.defaults().withTimeout(Duration.ofSeconds(2)));
        LiveSource source = new LiveSource(client, null, LINKS, Duration.ofMinutes(1), Clock.systemUTC());
        try (SessionRecorder recorder = SessionRecorder.create(file, new SessionFile.Header("outage",
                Clock.systemUTC().instant(), interval, 3, LINKS));
             TelemetryPoller poller = new TelemetryPoller(source, LINKS,
                     new TelemetryPoller.Settings(interval, 3, Duration.ofMillis(1600)), false, recorder, null, null)) {
            poller.addListener(seen::add);
            poller.start();

            await("fresh samples").atMost(Duration.ofSeconds(15)).until(() -> state(poller, "unregistered")
                    == ObservedState.PASSTHROUGH && state(poller, "blocked") == ObservedState.BLACKHOLE);
            assertThat(poller.latest().link("unregistered").orElseThrow().contradicts()).isTrue();
            assertThat(poller.latest().link("blocked").orElseThrow().contradicts()).isFalse();

            PROMETHEUS.stop();
            await("links unreachable").atMost(Duration.ofSeconds(15)).until(() ->
                    state(poller, "unregistered") == ObservedState.UNREACHABLE
                            && state(poller, "blocked") == ObservedState.UNREACHABLE);
            assertThat(poller.latest().failure().message()).contains("refused the connection");
            assertThat(poller.latest().link("unregistered").orElseThrow().contradicts()).isFalse();
            await("backing off").atMost(Duration.ofSeconds(15)).until(() -> poller.failuresInARow() >= 2);
            assertThat(poller.currentDelay()).isGreaterThan(interval);

            PROMETHEUS.start();
            await("recovered").atMost(Duration.ofSeconds(20)).until(() ->
                    poller.latest().isFresh() && state(poller, "unregistered") == ObservedState.PASSTHROUGH
                            && state(poller, "blocked") == ObservedState.BLACKHOLE);
            assertThat(poller.currentDelay()).isEqualTo(interval);
        }

        List<ObservedState> live = story(seen);
        assertThat(live).containsSubsequence(ObservedState.PASSTHROUGH, ObservedState.UNREACHABLE,
                ObservedState.PASSTHROUGH);
        List<Snapshot> replayed = ReplaySource.snapshots(SessionFile.read(file));
        assertThat(replayed).allMatch(Snapshot::replay);
        assertThat(story(replayed)).startsWith(live.toArray(new ObservedState[0]));
    }

    private static ObservedState state(TelemetryPoller poller, String link) {
        Snapshot s = poller.latest();
        return s == null ? null : s.link(link).orElseThrow().observed();
    }

    private static List<ObservedState> story(List<Snapshot> snapshots) {
        List<ObservedState> out = new ArrayList<>();
        for (Snapshot s : snapshots) {
            out.add(s.link("unregistered").orElseThrow().observed());
        }
        return out;
    }
}
