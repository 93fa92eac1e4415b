package io.egressstudio.cluster;

import io.egressstudio.telemetry.EndpointLocator;

/**
 * Finds a control plane's Prometheus or Kiali through the cluster: its OpenShift Route ({@code prometheus},
 * {@code kiali} in the control plane's namespace, as Maistra creates them) when the cluster serves Routes and has
 * it; for Prometheus on OpenShift Service Mesh 3, which installs none, the cluster monitoring's Thanos Querier Route
 * ({@code openshift-monitoring/thanos-querier}, which asks for the user's bearer token); else a port-forward to the
 * Service of the same name that the app manages. The caller closes what it gets when it is {@link AutoCloseable}
 * (a port-forward).
 */
public final class TelemetryEndpoints {
    public static final String DEFAULT_NAMESPACE = "istio-system";
    public static final String PROMETHEUS = "prometheus";
    public static final String KIALI = "kiali";
    /** OpenShift's monitoring stack, where user-workload metrics (the mesh's on OSSM 3) are queried. */
    public static final String MONITORING_NAMESPACE = "openshift-monitoring";
    public static final String THANOS_QUERIER = "thanos-querier";

    private TelemetryEndpoints() {
    }

    /**
     * How an endpoint was found, for the user: the locator and a sentence.
     *
     * @param wantsUserToken whether it authenticates the user's own bearer token (Thanos Querier does)
     */
    public record Found(EndpointLocator locator, String how, boolean wantsUserToken) {
        public Found(EndpointLocator locator, String how) {
            this(locator, how, false);
        }
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
            if (name.equals(PROMETHEUS)) {
                RouteLocator thanos = new RouteLocator(cluster, MONITORING_NAMESPACE, THANOS_QUERIER);
                var thanosUrl = thanos.read();
                if (thanosUrl.isPresent()) {
                    return new Found(thanos, "no Route " + namespace + "/" + name + "; OpenShift monitoring's Route "
                            + MONITORING_NAMESPACE + "/" + THANOS_QUERIER + " → " + thanosUrl.get()
                            + " (queried with your kubeconfig's token)", true);
                }
            }
        }
        PortForwardLocator forward = new PortForwardLocator(cluster, namespace, name, null, forwarder);
        PortForwardLocator.Target target = forward.target();
        return new Found(forward, (portForward ? "" : "no Route " + namespace + "/" + name + "; ")
                + "port-forward to Service " + namespace + "/" + name + " (pod " + target.pod() + ":" + target.port()
                + ")");
    }
}
