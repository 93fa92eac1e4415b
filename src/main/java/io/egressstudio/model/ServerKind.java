package io.egressstudio.model;

/** What the destination server speaks. */
public enum ServerKind {
    /** Plain HTTP or TCP, no TLS. */
    PLAINTEXT,
    /** TLS with a server certificate; any client may connect. */
    TLS,
    /** TLS that also requires a client certificate signed by the server's client CA. */
    MUTUAL_TLS,
    /** Another mesh's ingress gateway, reached through an OpenShift Route. */
    MESH_INGRESS
}
