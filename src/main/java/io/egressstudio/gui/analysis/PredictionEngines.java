package io.egressstudio.gui.analysis;

import java.util.Optional;

/** The engine the app uses. */
public final class PredictionEngines {
    private PredictionEngines() {
    }

    /** No predictor in this build yet: the canvas draws links without outcomes and says so. */
    public static final PredictionEngine UNAVAILABLE = (scenario, resources) -> Optional.empty();

    public static PredictionEngine standard() {
        return UNAVAILABLE;
    }
}
