package io.egressstudio.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The live sources: Prometheus for every link's state, and optionally Kiali for unexpected edges and mTLS. */
public final class LiveSource implements ObservationSource {
    private final PrometheusObserver prometheus;
    private final KialiClient kiali;
    private final Duration window;
    private final Clock clock;

    /**
     * @param kiali   null to poll Prometheus only
     * @param window  how far back rates look (Prometheus' range, Kiali's duration)
     */
    public LiveSource(PrometheusClient prometheus, KialiClient kiali, List<LinkTarget> targets, Duration window,
                      Clock clock) {
        this.window = window == null ? PrometheusObserver.DEFAULT_WINDOW : window;
        this.prometheus = new PrometheusObserver(prometheus, targets, this.window);
        this.kiali = kiali;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public List<LinkTarget> targets() {
        return prometheus.targets();
    }

    public PrometheusObserver prometheus() {
        return prometheus;
    }

    @Override
    public PollResult poll() {
        KialiReport report = kiali == null ? null : kialiReport();
        try {
            Map<String, LinkSample> samples = prometheus.observe();
            return PollResult.fresh(clock.instant(), samples, report);
        } catch (TelemetryException e) {
            return PollResult.failed(clock.instant(), e.kind(), e.getMessage(), report);
        }
    }

    private KialiReport kialiReport() {
        try {
            KialiGraph graph = kiali.graph(KialiComparison.namespaces(targets()), window);
            return KialiComparison.compare(graph, targets());
        } catch (TelemetryException e) {
            return KialiReport.failed(e.getMessage());
        }
    }
}
