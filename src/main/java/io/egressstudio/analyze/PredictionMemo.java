package io.egressstudio.analyze;

import io.egressstudio.mesh.MeshView;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.Request;
import java.util.Map;

/**
 * The predictions of one analysis with what each read of its view, for the next analysis of the same design: a
 * request whose reads answer the same in the next view keeps its prediction (the same instance) instead of being
 * predicted again. An edit that changes one mesh's configuration then re-predicts that mesh's requests only.
 * Immutable.
 */
public final class PredictionMemo {
    /** Nothing predicted before: every request is predicted. */
    public static final PredictionMemo NONE = new PredictionMemo(null, Map.of());

    /** A prediction and what it read. */
    record Made(Prediction prediction, MeshView.Reads reads) {
    }

    private final MeshView view;
    private final Map<Request, Made> made;

    /** Takes {@code made} as it is: the analysis that built it hands it over and keeps no reference. */
    PredictionMemo(MeshView view, Map<Request, Made> made) {
        this.view = view;
        this.made = java.util.Collections.unmodifiableMap(made);
    }

    MeshView view() {
        return view;
    }

    Made made(Request request) {
        return made.get(request);
    }
}
