package io.egressstudio.cluster;

import io.egressstudio.telemetry.EndpointLocator;
import io.egressstudio.telemetry.TelemetryException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * A telemetry source behind an OpenShift Route (Maistra's control plane exposes {@code prometheus} and {@code kiali}
 * this way): the base URL is the Route's host, {@code https} when the Route terminates TLS (edge, re-encrypt or
 * passthrough), {@code http} otherwise, with the Route's path as prefix. Read once and kept; read again after the
 * endpoint did not answer (the Route may have moved). The server's certificate is verified as always: a router
 * certificate signed by a private CA needs that CA (the observe command's {@code --ca}).
 */
public final class RouteLocator implements EndpointLocator {
    private final ClusterConnection cluster;
    private final String namespace;
    private final String name;
    private URI located;

    public RouteLocator(ClusterConnection cluster, String namespace, String name) {
        this.cluster = cluster;
        this.namespace = namespace;
        this.name = name;
    }

    @Override
    public synchronized URI locate() throws TelemetryException {
        if (located == null) {
            try {
                located = read().orElseThrow(() -> new TelemetryException(TelemetryException.Kind.UNREACHABLE,
                        "no Route " + namespace + "/" + name + " in context '" + cluster.context() + "'"));
            } catch (ClusterException e) {
                throw new TelemetryException(TelemetryException.Kind.UNREACHABLE, "cannot read Route " + namespace
                        + "/" + name + ": " + e.getMessage(), e);
            }
        }
        return located;
    }

    /** The Route's URL, or empty when the cluster serves no Routes or has no such Route. */
    Optional<URI> read() throws ClusterException {
        KubeApi api = cluster.api();
        Optional<String> version = api.servedVersion(ApiKind.ROUTE, "v1");
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Optional<GenericKubernetesResource> route = api.get(ApiKind.ROUTE, version.get(), namespace, name);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(url(route.get()));
    }

    /** {@code https://HOST/PATH} when the Route has TLS, {@code http://HOST/PATH} when it has none. */
    static URI url(GenericKubernetesResource route) throws ClusterException {
        String host = Specs.string(Specs.at(route, "spec", "host"));
        if (host == null || host.isBlank()) {
            // a Route without spec.host gets one from the router: the admitted host is in status.ingress
            for (Object ingress : Specs.list(Specs.at(route, "status", "ingress"))) {
                if (ingress instanceof Map<?, ?> map && map.get("host") instanceof String h && !h.isBlank()) {
                    host = h;
                    break;
                }
            }
        }
        String where = "Route " + route.getMetadata().getNamespace() + "/" + route.getMetadata().getName();
        if (host == null || host.isBlank()) {
            throw new ClusterException(ClusterException.Reason.SERVER, where + " has no host (not admitted by a router)");
        }
        boolean tls = Specs.at(route, "spec", "tls") instanceof Map<?, ?> t && t.get("termination") != null;
        String path = Specs.string(Specs.at(route, "spec", "path"));
        path = path == null || path.equals("/") ? "" : (path.startsWith("/") ? path : "/" + path);
        try {
            return new URI(tls ? "https" : "http", host, path.isEmpty() ? null : path, null);
        } catch (URISyntaxException e) {
            throw new ClusterException(ClusterException.Reason.SERVER, where + " has a host that is not a URL: " + host,
                    e);
        }
    }

    @Override
    public synchronized void unreachable(URI endpoint) {
        if (endpoint.equals(located)) {
            located = null;
        }
    }

    @Override
    public String describe() {
        URI now;
        synchronized (this) {
            now = located;
        }
        return "Route " + namespace + "/" + name + (now == null ? "" : " (" + now + ")");
    }
}
