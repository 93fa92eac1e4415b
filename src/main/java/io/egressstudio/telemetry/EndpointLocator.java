package io.egressstudio.telemetry;

import java.net.URI;

/**
 * Where a telemetry source (Prometheus, Kiali) answers. The seam for discovery through the cluster: an OpenShift
 * Route's host, or a local port of a port-forward that the app opens and re-opens. Those need the fabric8 client,
 * which only the {@code cluster} package uses, so their implementations belong there; this package only has
 * {@link #fixed(URI)}, the URL the user gives.
 *
 * <p>The clients call {@link #locate()} before each request, and {@link #unreachable(URI)} when a located endpoint
 * did not answer, so a port-forward can be re-opened on the next {@code locate()}.
 */
public interface EndpointLocator {
    /** The base URL to use now (scheme, host, port and any path prefix, e.g. {@code https://host/prometheus}). */
    URI locate() throws TelemetryException;

    /** Told when {@code endpoint} did not answer (connection refused, timeout); a locator may re-discover. */
    default void unreachable(URI endpoint) {
    }

    /** What the user sees as the source's name in messages. */
    default String describe() {
        return getClass().getSimpleName();
    }

    static EndpointLocator fixed(URI base) {
        return new EndpointLocator() {
            @Override
            public URI locate() {
                return base;
            }

            @Override
            public String describe() {
                return base.toString();
            }
        };
    }
}
