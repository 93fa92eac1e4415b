package io.egressstudio.cluster;

import io.egressstudio.telemetry.EndpointLocator;

/**
 * Finds a control plane's Prometheus or Kiali through the cluster: its OpenShift Route ({@code prometheus},
 * {@code kiali} in the control plane's namespace, as Maistra creates them) when the cluster serves Routes and has
 * it, else a port-forward to the Service of the same name that the app manages. The caller closes what it gets when
 * it is {@link AutoCloseable} (a port-forward).
 */
public final class TelemetryEndpoints {
    public static final String DEFAULT_NAMESPACE = "istio-system";
    public static final String PROMETHEUS = "prometheus";
    public static final String KIALI = "kiali";

    private TelemetryEndpoints() {
    }

    /** How an endpoint was found, for the user: the locator and a sentence. */
    public record Found(EndpointLocator locator, String how) {
    }

    /**
     * @param name        the Route's and the Service's name ({@link #PROMETHEUS}, {@link #KIALI})
     * @param portForward true to skip the Route and always port-forward
     */
    public static Found find(ClusterConnection cluster, String namespace, String name, boolean portForward,
                             PortForwarder forwarder) throws ClusterException {
        if (!portForward) {
            RouteLocator route = new RouteLocator(cluster, namespace, name);
            var url = route.read();
            if (url.isPresent()) {
                return new Found(route, "Route " + namespace + "/" + name + " → " + url.get());
            }
        }
        PortForwardLocator forward = new PortForwardLocator(cluster, namespace, name, null, forwarder);
        PortForwardLocator.Target target = forward.target();
        return new Found(forward, (portForward ? "" : "no Route " + namespace + "/" + name + "; ")
                + "port-forward to Service " + namespace + "/" + name + " (pod " + target.pod() + ":" + target.port()
                + ")");
    }
}
