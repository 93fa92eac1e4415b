package io.egressstudio.gui.live;

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
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * How a live session reaches its telemetry: opens an {@link ObservationSource} for the links (off the FX thread: it
 * may read a CA file or find an endpoint through the cluster). A seam, so the ViewModel's tests can feed it samples.
 */
public interface TelemetryConnection {
    /** Opens the source for these links. Called on a background thread. */
    ObservationSource open(List<LinkTarget> targets) throws IOException;

    /** The source as the status bar names it (never a token). */
    String describe();

    /** Ends what {@link #open} started (a port-forward, a cluster connection). Called when the session stops. */
    default void close() {
    }

    /**
     * Prometheus (and Kiali, when a locator is given) as the Live dialog or the cluster finds them.
     *
     * @param kiali   null for Prometheus only
     * @param token   bearer token for both, or null
     * @param caFile  PEM file of the CA that signed their certificates, or null for the JDK's trust
     * @param timeout connect and answer timeout
     */
    static TelemetryConnection prometheus(EndpointLocator prometheus, EndpointLocator kiali, String token, Path caFile,
                                          Duration timeout) {
        return new TelemetryConnection() {
            @Override
            public ObservationSource open(List<LinkTarget> targets) throws IOException {
                SSLContext trust = caFile == null ? null : TlsTrust.fromPemFile(caFile);
                HttpSettings settings = new HttpSettings(token, trust, timeout, timeout);
                KialiClient kialiClient = kiali == null ? null : new KialiClient(kiali, settings, null);
                return new LiveSource(new PrometheusClient(prometheus, settings), kialiClient, targets, null,
                        Clock.systemUTC());
            }

            @Override
            public String describe() {
                return "Prometheus " + prometheus.describe() + (kiali == null ? "" : ", Kiali " + kiali.describe());
            }
        };
    }
}
