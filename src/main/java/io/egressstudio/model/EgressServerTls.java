package io.egressstudio.model;

/**
 * How mesh traffic arrives at an egress gateway: the {@code tls.mode} of the Gateway server that sidecars reach for
 * links whose application sends plain HTTP. Links whose application sends its own TLS (or TCP) always reach a
 * PASSTHROUGH server on 443.
 */
public enum EgressServerTls {
    /** Istio mutual TLS from the sidecar: an HTTPS server on 443 with {@code tls.mode: ISTIO_MUTUAL}. */
    ISTIO_MUTUAL,
    /** Plain HTTP on 80: no TLS between the sidecar and the gateway. */
    NONE
}
