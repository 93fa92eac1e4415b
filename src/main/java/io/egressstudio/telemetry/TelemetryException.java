package io.egressstudio.telemetry;

import io.egressstudio.io.Redaction;

/** A telemetry source gave nothing usable. {@link #kind()} says whether it could be reached at all. */
public final class TelemetryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why nothing usable came back. */
    public enum Kind {
        /** No answer: connection refused or reset, no answer within the timeout, name not found, TLS failure. */
        UNREACHABLE,
        /** An answer that refuses us: 401 or 403. */
        REJECTED,
        /** An answer we cannot use: another HTTP status, a body that is not the expected JSON, a query error. */
        BAD_ANSWER
    }

    private final Kind kind;

    /** The message is {@link Redaction cleaned}: it may quote what a server said. */
    public TelemetryException(Kind kind, String message) {
        super(Redaction.clean(message));
        this.kind = kind;
    }

    public TelemetryException(Kind kind, String message, Throwable cause) {
        super(Redaction.clean(message), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
