package io.egressstudio.cluster;

import io.egressstudio.telemetry.EndpointLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prometheus, and Kiali when asked, found through a kubeconfig context: the one way {@code observe --context} and the
 * Live dialog's cluster choice reach them (see {@link TelemetryEndpoints#find} for the Route-or-port-forward rule).
 * It holds the cluster connection and the port-forwards it may open until {@link #close()}; a search that fails
 * part-way closes what it had opened before it throws.
 */
public final class TelemetryThroughCluster implements AutoCloseable {
    private final ClusterConnection cluster;
    private final List<EndpointLocator> found;
    private final EndpointLocator prometheus;
    private final EndpointLocator kiali;
    private final String prometheusToken;

    private TelemetryThroughCluster(ClusterConnection cluster, List<EndpointLocator> found, EndpointLocator prometheus,
                                    EndpointLocator kiali, String prometheusToken) {
        this.cluster = cluster;
        this.found = found;
        this.prometheus = prometheus;
        this.kiali = kiali;
        this.prometheusToken = prometheusToken;
    }

    /** What to look for, and where. */
    public record Search(String context, String namespace, boolean portForward, boolean findKiali) {
        /** The control plane's namespace: {@link TelemetryEndpoints#DEFAULT_NAMESPACE} when none is given. */
        public String namespaceOrDefault() {
            return namespace == null ? TelemetryEndpoints.DEFAULT_NAMESPACE : namespace;
        }
    }

    /**
     * Connects through {@code search.context()} and finds Prometheus, then Kiali when asked.
     *
     * @param told hears one sentence per endpoint as soon as it is found, e.g. {@code "Prometheus: Route
     *             istio-system/prometheus → https://…"}, then {@code "Kiali: …"}
     */
    public static TelemetryThroughCluster find(Connector connector, Search search, PortForwarder forwarder,
                                               Consumer<String> told) throws ClusterException {
        String namespace = search.namespaceOrDefault();
        ClusterConnection cluster = connector.connect(search.context());
        List<EndpointLocator> found = new ArrayList<>();
        try {
            TelemetryEndpoints.Found prometheus = TelemetryEndpoints.find(cluster, namespace,
                    TelemetryEndpoints.PROMETHEUS, search.portForward(), forwarder);
            found.add(prometheus.locator());
            told.accept("Prometheus: " + prometheus.how());
            EndpointLocator kiali = null;
            if (search.findKiali()) {
                TelemetryEndpoints.Found k = TelemetryEndpoints.find(cluster, namespace, TelemetryEndpoints.KIALI,
                        search.portForward(), forwarder);
                found.add(k.locator());
                told.accept("Kiali: " + k.how());
                kiali = k.locator();
            }
            return new TelemetryThroughCluster(cluster, found, prometheus.locator(), kiali,
                    prometheus.wantsUserToken() ? cluster.bearerToken().orElse(null) : null);
        } catch (ClusterException | RuntimeException e) {
            close(found, cluster);
            throw e;
        }
    }

    public EndpointLocator prometheus() {
        return prometheus;
    }

    /**
     * The token Prometheus wants when none was given: the kubeconfig's bearer token for OpenShift's Thanos Querier
     * (which authorises the user by it), else null.
     */
    public String prometheusToken() {
        return prometheusToken;
    }

    /** Kiali's locator, or null when it was not asked for. */
    public EndpointLocator kiali() {
        return kiali;
    }

    /** Ends the port-forwards, then the cluster connection. */
    @Override
    public void close() {
        close(found, cluster);
    }

    private static void close(List<EndpointLocator> found, ClusterConnection cluster) {
        for (EndpointLocator locator : found) {
            if (locator instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // a port-forward that is gone already
                }
            }
        }
        found.clear();
        cluster.close();
    }
}
