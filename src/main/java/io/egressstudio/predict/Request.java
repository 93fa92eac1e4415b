package io.egressstudio.predict;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A request from a workload to a URL. The scheme says what the application itself sends: {@code http} plaintext
 * HTTP, {@code https} its own TLS, {@code tcp} opaque bytes. The port defaults to 80 for http and 443 for https.
 */
public record Request(String fromNamespace, String fromWorkload, String scheme, String host, int port, String path) {
    public Request {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        path = path == null || path.isEmpty() ? "/" : path;
    }

    public static Request of(String fromNamespace, String fromWorkload, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")
                || scheme.equalsIgnoreCase("tcp"))) {
            throw new IllegalArgumentException("'" + url + "': the scheme must be http, https or tcp");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' has no host");
        }
        int port = uri.getPort();
        if (port < 0) {
            port = switch (scheme.toLowerCase(Locale.ROOT)) {
                case "https" -> 443;
                case "http" -> 80;
                default -> throw new IllegalArgumentException("'" + url + "': a tcp URL needs a port");
            };
        }
        return new Request(fromNamespace, fromWorkload, scheme, uri.getHost(), port, uri.getRawPath());
    }

    /** Parses {@code NAMESPACE/WORKLOAD=URL}. */
    public static Request parse(String text) {
        int eq = text.indexOf('=');
        int slash = text.indexOf('/');
        if (eq < 0 || slash < 0 || slash > eq) {
            throw new IllegalArgumentException("'" + text + "' is not NAMESPACE/WORKLOAD=URL");
        }
        String ns = text.substring(0, slash);
        String workload = text.substring(slash + 1, eq);
        if (ns.isBlank() || workload.isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not NAMESPACE/WORKLOAD=URL");
        }
        return of(ns, workload, text.substring(eq + 1));
    }

    public String from() {
        return fromNamespace + "/" + fromWorkload;
    }

    public String url() {
        return scheme + "://" + host + ":" + port + ("/".equals(path) ? "" : path);
    }

    /** What the application puts on the wire. */
    public boolean appTls() {
        return scheme.equals("https");
    }

    public boolean appHttp() {
        return scheme.equals("http");
    }
}
