package io.egressstudio.model;

/**
 * A workload calling an external service.
 *
 * @param app        what the application sends
 * @param port       the port the application calls
 * @param via        id of an egress gateway the call is routed through, or null for direct
 * @param sidecarTls the TLS the client sidecar originates: to the destination when direct, to the egress gateway
 *                   when via one (null: Istio's default for that hop)
 * @param egressTls  the TLS the egress gateway originates to the destination (null: plaintext)
 * @param rewrite    how a plaintext call on {@code port} reaches the TLS port {@code targetPort}
 */
public record Link(String id, String from, String to, AppProtocol app, Integer port, String path, String via,
                   Origination sidecarTls, Origination egressTls, PortRewrite rewrite, Integer targetPort)
        implements Element {
    public Link {
        app = Copies.or(app, AppProtocol.HTTP);
        rewrite = Copies.or(rewrite, PortRewrite.NONE);
        path = Copies.or(path, "/");
    }

    /** The port the proxy sends to after any rewrite. */
    public int destinationPort() {
        return rewrite != PortRewrite.NONE && targetPort != null ? targetPort : port;
    }
}
