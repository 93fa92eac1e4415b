package io.egressstudio.telemetry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Istio's sidecars: serves Istio standard metrics at {@code /metrics} on 127.0.0.1 in Prometheus'
 * text format. Each counter grows by its step on every scrape, so {@code rate()} sees traffic; a step of 0 is a
 * counter that stays put (a link that had traffic once and has none now).
 */
public final class FakeIstioExporter implements AutoCloseable {
    public static final String REQUESTS = "istio_requests_total";
    public static final String TCP_OPENED = "istio_tcp_connections_opened_total";
    public static final String TCP_CLOSED = "istio_tcp_connections_closed_total";

    private static final class Counter {
        final String metric;
        final Map<String, String> labels;
        final double step;
        double value;

        Counter(String metric, Map<String, String> labels, double step, double start) {
            this.metric = metric;
            this.labels = labels;
            this.step = step;
            this.value = start;
        }
    }

    private final List<Counter> counters = new ArrayList<>();
    private final AtomicInteger scrapes = new AtomicInteger();
    private final HttpServer server;

    FakeIstioExporter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String target() {
        return "127.0.0.1:" + port();
    }

    int scrapes() {
        return scrapes.get();
    }

    /** A counter that grows by {@code step} per scrape. */
    public synchronized FakeIstioExporter counter(String metric, Map<String, String> labels, double step) {
        counters.add(new Counter(metric, new TreeMap<>(labels), step, step == 0 ? 42 : 0));
        return this;
    }

    /** An {@code istio_requests_total} series as a sidecar reports it (reporter source). */
    public FakeIstioExporter requests(String source, String destinationServiceName, String destinationService, String code,
                               String flags, double step) {
        Map<String, String> labels = labels(source, destinationServiceName, destinationService, flags);
        labels.put("response_code", code);
        labels.put("request_protocol", "http");
        return counter(REQUESTS, labels, step);
    }

    /**
     * An {@code istio_requests_total} series as a waypoint reports it in ambient mode: reporter {@code waypoint}, the
     * client pod as source.
     */
    public FakeIstioExporter waypointRequests(String source, String destinationService, String code, String flags,
                                              double step) {
        Map<String, String> labels = labels(source, destinationService, destinationService, flags);
        labels.put("reporter", "waypoint");
        labels.put("response_code", code);
        labels.put("request_protocol", "http");
        return counter(REQUESTS, labels, step);
    }

    /** An {@code istio_tcp_connections_*_total} series ({@code opened} or {@code closed}). */
    public FakeIstioExporter tcp(String metric, String source, String destinationServiceName, String destinationService,
                          String flags, double step) {
        Map<String, String> labels = labels(source, destinationServiceName, destinationService, flags);
        labels.put("request_protocol", "tcp");
        return counter(metric, labels, step);
    }

    private static Map<String, String> labels(String source, String destinationServiceName, String destinationService,
                                              String flags) {
        String[] s = source.split("/", 2);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("reporter", "source");
        labels.put("source_workload_namespace", s[0]);
        labels.put("source_workload", s[1]);
        labels.put("source_canonical_service", s[1]);
        labels.put("destination_service_name", destinationServiceName);
        labels.put("destination_service", destinationService);
        labels.put("destination_service_namespace", "unknown");
        labels.put("destination_workload", "unknown");
        labels.put("response_flags", flags);
        labels.put("connection_security_policy", "unknown");
        return labels;
    }

    public synchronized void clear() {
        counters.clear();
    }

    private synchronized String render() {
        scrapes.incrementAndGet();
        Map<String, StringBuilder> byMetric = new LinkedHashMap<>();
        for (Counter c : counters) {
            c.value += c.step;
            StringBuilder b = byMetric.computeIfAbsent(c.metric, m -> new StringBuilder("# TYPE " + m + " counter\n"));
            b.append(c.metric).append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : c.labels.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                b.append(e.getKey()).append("=\"").append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            b.append("} ").append(String.format(Locale.ROOT, "%.1f", c.value)).append('\n');
        }
        StringBuilder all = new StringBuilder();
        byMetric.values().forEach(all::append);
        return all.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
