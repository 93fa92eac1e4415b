package io.egressstudio.cluster;

import io.egressstudio.io.Redaction;

/**
 * Something the cluster connector could not do, with a message a user can act on. The message never contains a
 * token, a password or Secret data.
 */
public final class ClusterException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, so that callers (and exit codes) can tell bad input from a cluster that said no. */
    public enum Reason {
        /** The kubeconfig is missing, unreadable, or names no such context. */
        KUBECONFIG,
        /** The API server cannot be reached (refused, timed out, DNS, TLS handshake). */
        UNREACHABLE,
        /** 401: the credentials are wrong or expired. */
        UNAUTHORIZED,
        /** 403: the user may not do this. */
        FORBIDDEN,
        /** The scenario needs an API (CRD) that the cluster does not serve. */
        MISSING_API,
        /** The server rejected an object (400/422, a validating webhook). */
        INVALID,
        /** 409: the object changed or exists. */
        CONFLICT,
        /** No snapshot to roll back, or it cannot be read or written. */
        SNAPSHOT,
        /** Anything else the server answered. */
        SERVER
    }

    private final Reason reason;

    /** The message is {@link Redaction cleaned}: it may quote what a server said. */
    public ClusterException(Reason reason, String message) {
        super(Redaction.clean(message));
        this.reason = reason;
    }

    public ClusterException(Reason reason, String message, Throwable cause) {
        super(Redaction.clean(message), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
