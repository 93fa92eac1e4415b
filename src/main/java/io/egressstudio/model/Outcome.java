package io.egressstudio.model;

/** What a request does, in the words users see (see docs/scenario-format.md and the predictor). */
public enum Outcome {
    OK, PASSTHROUGH, BLACKHOLE, MTLS_FAILURE, TLS_FAILURE, DOUBLE_TLS, PROTOCOL_MISMATCH, NO_ROUTE;

    /** Whether the application gets its answer. PASSTHROUGH reaches the server, unmanaged. */
    public boolean reachesServer() {
        return this == OK || this == PASSTHROUGH;
    }
}
