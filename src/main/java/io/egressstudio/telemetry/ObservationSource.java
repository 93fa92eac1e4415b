package io.egressstudio.telemetry;

/** Something a poller can ask for the links' state: the live sources, or a recorded session. */
public interface ObservationSource {
    /**
     * One poll. Failures of the sources are results ({@link PollResult#failed}), not exceptions; a runtime
     * exception is a bug, and the poller turns it into a failed result too. Null when a finite source (a replay)
     * has no more.
     */
    PollResult poll();
}
