package io.egressstudio.telemetry;

import java.util.Locale;
import java.util.Map;

/**
 * One series of an Istio standard metric as the classifier reads it: a per-second rate over the query window,
 * summed by the labels that tell the outcomes apart (reporter {@code source}).
 *
 * @param metric                 which counter
 * @param sourceNamespace        {@code source_workload_namespace}
 * @param sourceWorkload         {@code source_workload}
 * @param destinationServiceName {@code destination_service_name}: a service, a ServiceEntry host,
 *                               {@code PassthroughCluster} or {@code BlackHoleCluster}
 * @param destinationService     {@code destination_service}: the host, or {@code unknown} (TCP to the pass-through or
 *                               black-hole cluster)
 * @param responseCode           {@code response_code}: an HTTP status; empty for TCP
 * @param responseFlags          {@code response_flags}: Envoy's flags, {@code -} for none
 * @param rate                   per second (requests, or connections opened or closed)
 */
public record IstioSeries(Metric metric, String sourceNamespace, String sourceWorkload, String destinationServiceName,
                          String destinationService, String responseCode, String responseFlags, double rate) {
    public static final String PASSTHROUGH_CLUSTER = "PassthroughCluster";
    public static final String BLACKHOLE_CLUSTER = "BlackHoleCluster";
    public static final String UNKNOWN = "unknown";

    /** The counters the classifier queries. */
    public enum Metric {
        REQUESTS("istio_requests_total"),
        TCP_OPENED("istio_tcp_connections_opened_total"),
        TCP_CLOSED("istio_tcp_connections_closed_total");

        private final String counter;

        Metric(String counter) {
            this.counter = counter;
        }

        public String counter() {
            return counter;
        }

        public boolean tcp() {
            return this != REQUESTS;
        }
    }

    public IstioSeries {
        sourceNamespace = orEmpty(sourceNamespace);
        sourceWorkload = orEmpty(sourceWorkload);
        destinationServiceName = orEmpty(destinationServiceName);
        destinationService = orEmpty(destinationService);
        responseCode = orEmpty(responseCode);
        responseFlags = responseFlags == null || responseFlags.isEmpty() ? "-" : responseFlags;
        rate = Double.isFinite(rate) && rate > 0 ? rate : 0.0;
    }

    /** A series from a Prometheus result's labels. */
    public static IstioSeries of(Metric metric, Map<String, String> labels, double rate) {
        return new IstioSeries(metric, labels.get("source_workload_namespace"), labels.get("source_workload"),
                labels.get("destination_service_name"), labels.get("destination_service"), labels.get("response_code"),
                labels.get("response_flags"), rate);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public String source() {
        return sourceNamespace + "/" + sourceWorkload;
    }

    public boolean passthrough() {
        return PASSTHROUGH_CLUSTER.equals(destinationServiceName);
    }

    public boolean blackhole() {
        return BLACKHOLE_CLUSTER.equals(destinationServiceName);
    }

    /** The destination host without a port ({@code destination_service} can carry the Host header with its port). */
    public String destinationHost() {
        String host = destinationService.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon && host.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            host = host.substring(0, colon);
        }
        return host;
    }

    /** Whether the destination host is unknown to the reporter (TCP through the pass-through or black-hole cluster). */
    public boolean hostUnknown() {
        return destinationService.isEmpty() || UNKNOWN.equals(destinationService);
    }

    public boolean hasFlags() {
        return !"-".equals(responseFlags);
    }

    /** The HTTP status as a number, or 0 when there is none (TCP, or no response). */
    public int status() {
        try {
            return Integer.parseInt(responseCode);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the response flags include {@code flag} ({@code UF,URX} includes {@code UF} and {@code URX}). */
    public boolean hasFlag(String flag) {
        for (String f : responseFlags.split(",")) {
            if (f.strip().equals(flag)) {
                return true;
            }
        }
        return false;
    }

    /** The labels as a short text for explanations. */
    public String describe() {
        StringBuilder b = new StringBuilder(metric.counter()).append("{destination_service_name=\"")
                .append(destinationServiceName).append("\", destination_service=\"").append(destinationService)
                .append('"');
        if (metric == Metric.REQUESTS) {
            b.append(", response_code=\"").append(responseCode).append('"');
        }
        b.append(", response_flags=\"").append(responseFlags).append("\"}");
        return b.toString();
    }
}
