package io.egressstudio.model;

/** An ingress Gateway server's TLS mode; NONE means a plain HTTP server. */
public enum GatewayTlsMode { NONE, PASSTHROUGH, SIMPLE, MUTUAL, ISTIO_MUTUAL }
