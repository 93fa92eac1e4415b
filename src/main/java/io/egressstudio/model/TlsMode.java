package io.egressstudio.model;

/** A DestinationRule's {@code tls.mode}: the TLS a proxy originates. */
public enum TlsMode { DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL }
