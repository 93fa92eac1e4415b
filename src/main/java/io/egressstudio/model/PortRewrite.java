package io.egressstudio.model;

/**
 * How a link lets the application send plaintext to one port while the proxy originates TLS to another: a
 * VirtualService that rewrites the port, or a ServiceEntry port with {@code targetPort}.
 */
public enum PortRewrite { NONE, VIRTUAL_SERVICE, TARGET_PORT }
