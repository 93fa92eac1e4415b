package io.egressstudio.telemetry;

import java.time.Duration;

/** Exponential backoff: the interval after a success, doubled after each failure in a row, up to a maximum. */
public final class Backoff {
    private final Duration interval;
    private final Duration max;
    private int failures;

    public Backoff(Duration interval, Duration max) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive");
        }
        this.interval = interval;
        this.max = max.compareTo(interval) < 0 ? interval : max;
    }

    /** The delay before the next poll after a failure. */
    public synchronized Duration failed() {
        failures = Math.min(failures + 1, 30);
        return current();
    }

    /** The delay before the next poll after a success: the interval. */
    public synchronized Duration succeeded() {
        failures = 0;
        return interval;
    }

    public synchronized int failures() {
        return failures;
    }

    /** The delay that applies now. */
    public synchronized Duration current() {
        Duration d = interval;
        for (int i = 0; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
