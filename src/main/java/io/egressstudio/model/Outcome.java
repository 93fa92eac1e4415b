package io.egressstudio.model;

/**
 * What a request does, in the words users see (see docs/scenario-format.md and the predictor). DENIED: an
 * AuthorizationPolicy at a proxy on the way refuses it (HTTP 403 {@code RBAC: access denied}; for TCP and TLS
 * passthrough the proxy closes the connection).
 */
public enum Outcome {
    OK, PASSTHROUGH, BLACKHOLE, MTLS_FAILURE, TLS_FAILURE, DOUBLE_TLS, PROTOCOL_MISMATCH, NO_ROUTE, DENIED;

    /** Whether the application gets its answer. PASSTHROUGH reaches the server, unmanaged. */
    public boolean reachesServer() {
        return this == OK || this == PASSTHROUGH;
    }
}
