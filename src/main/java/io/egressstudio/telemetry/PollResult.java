package io.egressstudio.telemetry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one poll of the telemetry sources returned: fresh samples for the links, or why there are none; and what
 * Kiali added (null when Kiali is not used). These are the samples a session records and a replay feeds back.
 *
 * @param at        when the poll ran
 * @param samples   by link id, when Prometheus answered (null when it did not)
 * @param failure   why Prometheus gave nothing usable (null when it did)
 * @param kiali     Kiali's report, or null when Kiali is not used
 */
public record PollResult(Instant at, Map<String, LinkSample> samples, Failure failure, KialiReport kiali) {
    /** Why a poll gave nothing usable, and whether the source could be reached at all. */
    public record Failure(TelemetryException.Kind kind, String message) {
    }

    public PollResult {
        if ((samples == null) == (failure == null)) {
            throw new IllegalArgumentException("a poll has either samples or a failure");
        }
        samples = samples == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    }

    public static PollResult fresh(Instant at, Map<String, LinkSample> samples, KialiReport kiali) {
        return new PollResult(at, samples, null, kiali);
    }

    public static PollResult failed(Instant at, TelemetryException.Kind kind, String message, KialiReport kiali) {
        return new PollResult(at, null, new Failure(kind, message), kiali);
    }

    public boolean isFresh() {
        return failure == null;
    }
}
