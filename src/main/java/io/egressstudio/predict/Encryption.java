package io.egressstudio.predict;

/** What protects one hop: nothing, Istio mutual TLS, TLS originated by a proxy (SIMPLE, MUTUAL), or the app's own TLS. */
public enum Encryption { NONE, ISTIO_MUTUAL, SIMPLE, MUTUAL, APP_TLS }
