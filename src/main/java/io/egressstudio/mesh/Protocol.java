package io.egressstudio.mesh;

import java.util.Locale;

/** The protocol Istio is told a port speaks, from a ServiceEntry port, a Service port name or a Gateway server. */
public enum Protocol {
    HTTP, HTTP2, GRPC, HTTPS, TLS, TCP, MONGO, REDIS, UNKNOWN;

    public boolean isHttp() {
        return this == HTTP || this == HTTP2 || this == GRPC;
    }

    public boolean isTls() {
        return this == HTTPS || this == TLS;
    }

    /** From a declared protocol name (ServiceEntry, Gateway). */
    public static Protocol of(String name) {
        if (name == null || name.isBlank()) {
            return UNKNOWN;
        }
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.startsWith("GRPC")) {
            return GRPC;
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /**
     * From a Kubernetes Service port: {@code appProtocol} first, then the name prefix ({@code http-web} is HTTP).
     * Maistra 2.x turns protocol sniffing off, so a port without a known prefix is plain TCP.
     */
    public static Protocol ofServicePort(String name, String appProtocol) {
        if (appProtocol != null && !appProtocol.isBlank()) {
            Protocol p = of(appProtocol);
            if (p != UNKNOWN) {
                return p;
            }
        }
        if (name == null) {
            return TCP;
        }
        String n = name.toLowerCase(Locale.ROOT);
        int dash = n.indexOf('-');
        String prefix = dash < 0 ? n : n.substring(0, dash);
        Protocol p = of(prefix);
        return p == UNKNOWN ? TCP : p;
    }
}
