package io.egressstudio.model;

/** OpenShift Route {@code tls.termination}; NONE means a plain HTTP route. */
public enum RouteTermination { PASSTHROUGH, EDGE, REENCRYPT, NONE }
