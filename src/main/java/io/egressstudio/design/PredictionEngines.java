package io.egressstudio.design;

import java.util.Optional;

/** The engine the app uses. */
public final class PredictionEngines {
    private PredictionEngines() {
    }

    /** No predictor: the canvas draws links without outcomes and says so (tests of the panels alone use it). */
    public static final PredictionEngine UNAVAILABLE = (scenario, resources) -> Optional.empty();

    public static PredictionEngine standard() {
        return new ScenarioPredictionEngine();
    }
}
