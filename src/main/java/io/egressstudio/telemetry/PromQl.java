package io.egressstudio.telemetry;

import io.egressstudio.telemetry.IstioSeries.Metric;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The PromQL the classifier runs: per counter, the rate over a window, reporter {@code source} (sidecars, gateways,
 * ztunnel) or {@code waypoint} (a waypoint reports a client pod's requests under that pod's name), for the calling
 * workloads of the links (and their egress gateways), summed by the labels that tell the outcomes apart. These are
 * anchors.md §3.3's queries (passthrough_http, passthrough_tcp, blackhole_http, blackhole_tcp, se_ok, egw_hop,
 * tls_fail) folded into one query per counter; the classifier splits the result by label.
 */
public final class PromQl {
    public static final String BY = "source_workload_namespace, source_workload, destination_service_name, "
            + "destination_service, response_code, response_flags";

    private PromQl() {
    }

    /**
     * {@code sum by (...) (rate(COUNTER{reporter=~"source|waypoint", source_workload_namespace=~"..",
     * source_workload=~".."}[W]))}.
     */
    public static String rate(Metric metric, Collection<String> namespaces, Collection<String> workloads,
                              Duration window) {
        return "sum by (" + BY + ") (rate(" + metric.counter() + "{reporter=~\"source|waypoint\", source_workload_namespace=~\""
                + alternatives(namespaces) + "\", source_workload=~\"" + alternatives(workloads) + "\"}["
                + duration(window) + "]))";
    }

    /** A Prometheus duration: whole seconds ({@code 60s}), at least one. */
    public static String duration(Duration window) {
        return Math.max(1, window.toSeconds()) + "s";
    }

    /** An RE2 alternation of literal values, escaped for a double-quoted PromQL string. */
    static String alternatives(Collection<String> values) {
        return new TreeSet<>(values).stream().map(PromQl::literal).collect(Collectors.joining("|"));
    }

    /** A value as a literal inside an RE2 regular expression inside a PromQL string. */
    static String literal(String value) {
        StringBuilder b = new StringBuilder();
        for (char c : value.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append("\\\\");
            } else if (c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
