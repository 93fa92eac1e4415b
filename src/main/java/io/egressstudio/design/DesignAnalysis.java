package io.egressstudio.design;

import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
import java.util.List;
import java.util.Map;

/**
 * Everything the panels show about one scenario, computed together off the FX thread: validation problems, the
 * generated resources and their YAML, predictions by link id and findings.
 *
 * @param error            why nothing could be generated (an invalid scenario, a generator failure), or null
 * @param predictionsReady whether a predictor ran; false means the canvas shows links without outcomes
 */
public record DesignAnalysis(Scenario scenario, List<Problem> problems, ResourceSet resources, String yaml,
                             Map<String, LinkPrediction> predictions, List<DesignFinding> findings,
                             boolean predictionsReady, String error, long nanos) {
    public DesignAnalysis {
        problems = List.copyOf(problems);
        predictions = Map.copyOf(predictions);
        findings = List.copyOf(findings);
    }

    public LinkPrediction prediction(String linkId) {
        return predictions.get(linkId);
    }
}
