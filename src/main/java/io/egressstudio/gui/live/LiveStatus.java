package io.egressstudio.gui.live;

import java.util.Locale;

/** What the live overlay is doing, as the status bar shows it. */
public enum LiveStatus {
    /** No session: the canvas shows predictions only. */
    OFF("Live off"),
    /** Predicting the links and opening the sources; no poll yet. */
    CONNECTING("Connecting"),
    /** The last poll gave fresh samples. */
    LIVE("Live"),
    /** Polling is paused; the badges keep their last state. */
    PAUSED("Paused"),
    /** The source answered nothing usable (401/403, errors, malformed answers): links keep or lose their state. */
    STALE("Stale"),
    /** The source cannot be reached: every link is UNREACHABLE. */
    UNREACHABLE("Unreachable"),
    /** A recorded session is shown, not live traffic. */
    REPLAY("Replay");

    private final String label;

    LiveStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code live-unreachable}: the status bar indicator's style class. */
    public String styleClass() {
        return "live-" + name().toLowerCase(Locale.ROOT);
    }

    /** Whether a session is running (or paused) that polls a live source. */
    public boolean isLiveSession() {
        return this == CONNECTING || this == LIVE || this == PAUSED || this == STALE || this == UNREACHABLE;
    }
}
