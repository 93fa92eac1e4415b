package io.egressstudio.predict;

import io.egressstudio.model.Outcome;
import java.util.List;

/**
 * What a request will do: one outcome, the hops it takes, a plain explanation with what a user would see, and the
 * resources ({@code Kind/namespace/name}) that decided each hop.
 */
public record Prediction(Request request, Outcome outcome, List<Hop> hops, List<String> explanation,
                         List<String> resources) {
    public Prediction {
        hops = List.copyOf(hops);
        explanation = List.copyOf(explanation);
        resources = List.copyOf(resources);
    }
}
