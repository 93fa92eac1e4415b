package io.egressstudio.gui.live;

import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.Connector;
import io.egressstudio.cluster.PortForwarder;
import io.egressstudio.cluster.TelemetryThroughCluster;
import io.egressstudio.telemetry.HttpSettings;
import io.egressstudio.telemetry.KialiClient;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.LiveSource;
import io.egressstudio.telemetry.ObservationSource;
import io.egressstudio.telemetry.PrometheusClient;
import io.egressstudio.telemetry.TlsTrust;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Prometheus (and Kiali) found through a kubeconfig context by {@link TelemetryThroughCluster}, as
 * {@code observe --context} finds them: a Route, else a port-forward the app manages. The cluster is reached once,
 * on the first {@link #open}; later opens (the design changed) reuse what was found; {@link #close()} ends the
 * port-forwards and the cluster connection.
 */
final class ClusterTelemetryConnection implements TelemetryConnection {
    private final Connector connector;
    private final TelemetryThroughCluster.Search search;
    private final PortForwarder forwarder;
    private final String token;
    private final Path caFile;
    private final Duration timeout;
    private TelemetryThroughCluster found;
    private PrometheusClient prometheus;
    private KialiClient kiali;
    private volatile String how = "";

    ClusterTelemetryConnection(Connector connector, String context, String namespace, boolean portForward,
                               boolean findKiali, PortForwarder forwarder, String token, Path caFile,
                               Duration timeout) {
        this.connector = connector;
        this.search = new TelemetryThroughCluster.Search(context, namespace, portForward, findKiali);
        this.forwarder = forwarder;
        this.token = token;
        this.caFile = caFile;
        this.timeout = timeout;
    }

    @Override
    public synchronized ObservationSource open(List<LinkTarget> targets) throws IOException {
        if (prometheus == null) {
            SSLContext trust = caFile == null ? null : TlsTrust.fromPemFile(caFile);
            HttpSettings settings = new HttpSettings(token, trust, timeout, timeout);
            List<String> told = new ArrayList<>();
            try {
                found = TelemetryThroughCluster.find(connector, search, forwarder, told::add);
            } catch (ClusterException e) {
                throw new IOException(e.getMessage(), e);
            }
            prometheus = new PrometheusClient(found.prometheus(), token != null || found.prometheusToken() == null
                    ? settings : new HttpSettings(found.prometheusToken(), trust, timeout, timeout));
            kiali = found.kiali() == null ? null : new KialiClient(found.kiali(), settings, null);
            how = String.join("; ", told);
        }
        return new LiveSource(prometheus, kiali, targets, null, Clock.systemUTC());
    }

    @Override
    public String describe() {
        String now = how;
        return "context " + search.context()
                + (now.isEmpty() ? ", namespace " + search.namespaceOrDefault() : " (" + now + ")");
    }

    @Override
    public synchronized void close() {
        if (found != null) {
            found.close();
            found = null;
        }
        prometheus = null;
        kiali = null;
    }
}
