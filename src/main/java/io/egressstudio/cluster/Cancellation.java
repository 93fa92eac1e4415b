package io.egressstudio.cluster;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asks a running apply to stop before its next object; safe to call from any thread (the GUI's Cancel button). */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
