package io.egressstudio.telemetry;

import io.egressstudio.telemetry.IstioSeries.Metric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads each designed link's traffic from Prometheus and classifies it: one query per Istio counter
 * ({@code istio_requests_total}, {@code istio_tcp_connections_opened_total}, {@code istio_tcp_connections_closed_total})
 * for all the links' calling workloads and egress gateways, then {@link LinkClassifier}.
 */
public final class PrometheusObserver {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    private final PrometheusClient client;
    private final List<LinkTarget> targets;
    private final Duration window;

    public PrometheusObserver(PrometheusClient client, List<LinkTarget> targets, Duration window) {
        this.client = client;
        this.targets = List.copyOf(targets);
        this.window = window == null ? DEFAULT_WINDOW : window;
    }

    public PrometheusClient client() {
        return client;
    }

    public List<LinkTarget> targets() {
        return targets;
    }

    /** The queries one observation runs, by counter. */
    public Map<Metric, String> queries() {
        Set<String> namespaces = new LinkedHashSet<>();
        Set<String> workloads = new LinkedHashSet<>();
        for (LinkTarget t : targets) {
            namespaces.add(t.fromNamespace());
            workloads.add(t.fromWorkload());
            if (t.viaGateway()) {
                namespaces.add(t.gatewayNamespace());
                workloads.add(t.gatewayWorkload());
            }
        }
        Map<Metric, String> out = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            out.put(metric, PromQl.rate(metric, namespaces, workloads, window));
        }
        return out;
    }

    /** The series of the links' workloads, as the classifier reads them. */
    public List<IstioSeries> series() throws TelemetryException {
        List<IstioSeries> out = new ArrayList<>();
        if (targets.isEmpty()) {
            return out;
        }
        for (Map.Entry<Metric, String> query : queries().entrySet()) {
            for (PrometheusClient.Sample sample : client.query(query.getValue())) {
                out.add(IstioSeries.of(query.getKey(), sample.labels(), sample.value()));
            }
        }
        return out;
    }

    /** One fresh classification of every link, in the targets' order. */
    public Map<String, LinkSample> observe() throws TelemetryException {
        return LinkClassifier.classify(targets, series());
    }
}
