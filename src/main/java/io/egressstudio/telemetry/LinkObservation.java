package io.egressstudio.telemetry;

import io.egressstudio.model.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * One link, predicted and observed side by side: what the canvas and the observe command show.
 *
 * @param from                 {@code namespace/workload}
 * @param to                   {@code host:port}
 * @param requestsPerSecond    from the newest fresh sample of the link (0 when there never was one)
 * @param errorShare           from the newest fresh sample of the link (0 when there never was one)
 * @param contradicts          whether the observed traffic shows something the prediction rules out
 * @param sampledAt            when the newest fresh sample was taken, or null when there never was one
 */
public record LinkObservation(String linkId, String from, String to, Outcome predicted,
                              List<String> predictedExplanation, ObservedState observed, double requestsPerSecond,
                              double errorShare, List<String> observedExplanation, boolean contradicts,
                              Instant sampledAt) {
    public LinkObservation {
        predictedExplanation = List.copyOf(predictedExplanation);
        observedExplanation = List.copyOf(observedExplanation);
    }
}
