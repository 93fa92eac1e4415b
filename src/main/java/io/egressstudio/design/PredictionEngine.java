package io.egressstudio.design;

import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the traffic predictor and the analyzers over the generated resources. Called off the FX thread. */
public interface PredictionEngine {
    /** Predictions by link id, and findings. */
    record Result(Map<String, LinkPrediction> predictions, List<DesignFinding> findings) {
        public Result {
            predictions = Map.copyOf(predictions);
            findings = List.copyOf(findings);
        }
    }

    /** Empty when no predictor is available. */
    Optional<Result> run(Scenario scenario, ResourceSet resources);
}
