package io.egressstudio.model;

/** The protocol Istio is told a port speaks (ServiceEntry ports, Gateway servers). */
public enum PortProtocol {
    HTTP, HTTP2, GRPC, HTTPS, TLS, TCP;

    /** Istio parses these as HTTP (L7 routing, response codes). */
    public boolean isHttp() {
        return this == HTTP || this == HTTP2 || this == GRPC;
    }

    /** Istio expects TLS bytes from the client on these and routes on SNI. */
    public boolean expectsTls() {
        return this == HTTPS || this == TLS;
    }
}
