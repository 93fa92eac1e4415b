package io.egressstudio.gui.live;

import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.Connector;
import io.egressstudio.cluster.PortForwarder;
import io.egressstudio.cluster.TelemetryEndpoints;
import io.egressstudio.telemetry.EndpointLocator;
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
 * Prometheus (and Kiali) found through a kubeconfig context, as {@code observe --context} finds them: a Route, else
 * a port-forward the app manages. The cluster is reached once, on the first {@link #open}; later opens (the design
 * changed) reuse what was found; {@link #close()} ends the port-forwards and the cluster connection.
 */
final class ClusterTelemetryConnection implements TelemetryConnection {
    private final Connector connector;
    private final String context;
    private final String namespace;
    private final boolean portForward;
    private final boolean findKiali;
    private final PortForwarder forwarder;
    private final String token;
    private final Path caFile;
    private final Duration timeout;
    private ClusterConnection cluster;
    private final List<EndpointLocator> found = new ArrayList<>();
    private PrometheusClient prometheus;
    private KialiClient kiali;
    private volatile String how = "";

    ClusterTelemetryConnection(Connector connector, String context, String namespace, boolean portForward,
                               boolean findKiali, PortForwarder forwarder, String token, Path caFile,
                               Duration timeout) {
        this.connector = connector;
        this.context = context;
        this.namespace = namespace;
        this.portForward = portForward;
        this.findKiali = findKiali;
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
            try {
                cluster = connector.connect(context);
                TelemetryEndpoints.Found p = TelemetryEndpoints.find(cluster, namespace, TelemetryEndpoints.PROMETHEUS,
                        portForward, forwarder);
                found.add(p.locator());
                String text = "Prometheus: " + p.how();
                KialiClient k = null;
                if (findKiali) {
                    TelemetryEndpoints.Found f = TelemetryEndpoints.find(cluster, namespace, TelemetryEndpoints.KIALI,
                            portForward, forwarder);
                    found.add(f.locator());
                    text += "; Kiali: " + f.how();
                    k = new KialiClient(f.locator(), settings, null);
                }
                prometheus = new PrometheusClient(p.locator(), settings);
                kiali = k;
                how = text;
            } catch (ClusterException e) {
                close();
                throw new IOException(e.getMessage(), e);
            }
        }
        return new LiveSource(prometheus, kiali, targets, null, Clock.systemUTC());
    }

    @Override
    public String describe() {
        String now = how;
        return "context " + context + (now.isEmpty() ? ", namespace " + namespace : " (" + now + ")");
    }

    @Override
    public synchronized void close() {
        for (EndpointLocator locator : found) {
            if (locator instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // a forward that is gone already
                }
            }
        }
        found.clear();
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
        prometheus = null;
        kiali = null;
    }
}
