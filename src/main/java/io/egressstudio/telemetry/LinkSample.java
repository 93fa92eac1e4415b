package io.egressstudio.telemetry;

import java.util.List;

/**
 * What one fresh read of telemetry says about one link.
 *
 * @param linkId            the link
 * @param state             the observed state (one that metrics show, or NO_TRAFFIC)
 * @param requestsPerSecond requests per second, plus connections per second for TCP traffic
 * @param errorShare        the share of those (0 to 1) that got no answer from the server: 5xx, no response, a
 *                          proxy-generated response (flags NR, DPE), black-holed, or a connection closed with a flag
 * @param explanation       how the metrics led to the state, with the series that count most
 */
public record LinkSample(String linkId, ObservedState state, double requestsPerSecond, double errorShare,
                         List<String> explanation) {
    public LinkSample {
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
    }

    public static LinkSample noTraffic(String linkId, String why) {
        return new LinkSample(linkId, ObservedState.NO_TRAFFIC, 0.0, 0.0, List.of(why));
    }
}
