package io.egressstudio.design;

import io.egressstudio.model.Outcome;
import java.util.List;

/**
 * What the predictor says one link's request will do, in the words the canvas and the inspector show: the outcome,
 * each hop with what protects it, the explanation, and the resources that decided it.
 */
public record LinkPrediction(String linkId, Outcome outcome, List<HopView> hops, List<String> explanation,
                             List<String> resources) {
    public LinkPrediction {
        hops = List.copyOf(hops);
        explanation = List.copyOf(explanation);
        resources = List.copyOf(resources);
    }

    /** One hop as predicted: from a proxy to the next, and its encryption (NONE, ISTIO_MUTUAL, SIMPLE, MUTUAL, APP_TLS). */
    public record HopView(String from, String to, String encryption) {
        public boolean encrypted() {
            return !"NONE".equals(encryption);
        }
    }

    public String explanationText() {
        return String.join("\n", explanation);
    }
}
