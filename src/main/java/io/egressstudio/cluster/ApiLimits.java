package io.egressstudio.cluster;

import java.time.Duration;

/**
 * How long one request to the API server may take in all (connect, headers and body) and how large its answer may
 * be. fabric8's request timeout is an idle timeout: a server that trickles its body never trips it, so
 * {@link BoundedAnswers} enforces both bounds on the body as it arrives.
 *
 * @param deadline       the whole request, connect to last byte
 * @param maxAnswerBytes the largest body read; a larger one fails as "answer too large"
 */
public record ApiLimits(Duration deadline, long maxAnswerBytes) {
    /** Generous for a slow cluster; a list of every ServiceEntry of a large mesh stays far below 32 MiB. */
    public static final ApiLimits DEFAULT = new ApiLimits(Duration.ofSeconds(30), 32L * 1024 * 1024);

    public ApiLimits {
        if (deadline == null || deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("the deadline must be positive");
        }
        if (maxAnswerBytes < 1) {
            throw new IllegalArgumentException("the answer limit must be positive");
        }
    }
}
