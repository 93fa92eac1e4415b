package io.egressstudio.analyze;

import io.egressstudio.mesh.MeshView;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.Request;
import java.util.List;
import java.util.Map;

/**
 * What one analysis made, with what each part read of its view, for the next analysis of the same design: a request
 * whose reads answer the same in the next view keeps its prediction (the same instance) instead of being predicted
 * again, and an analyzer's run (per control plane, {@link ControlPlaneAnalyzer}) keeps its findings. An edit that
 * changes one mesh's configuration then re-predicts and re-checks that mesh only. Immutable.
 */
public final class AnalysisMemo {
    /** Nothing analysed before: every request is predicted and every analyzer runs. */
    public static final AnalysisMemo NONE = new AnalysisMemo(null, Map.of(), Map.of());

    /** A prediction and what it read. */
    record Made(Prediction prediction, MeshView.Reads reads) {
    }

    /** One analyzer run: the analyzer's place in {@link Analyzers#all()}, and the control plane's key or null. */
    record Run(int analyzer, String controlPlane) {
    }

    /** The findings of one analyzer run, in the order it reported them, and what it read. */
    record Found(List<Finding> findings, MeshView.Reads reads) {
    }

    private final MeshView view;
    private final Map<Request, Made> made;
    private final Map<Run, Found> found;

    /** Takes the maps as they are: the analysis that built them hands them over and keeps no reference. */
    AnalysisMemo(MeshView view, Map<Request, Made> made, Map<Run, Found> found) {
        this.view = view;
        this.made = java.util.Collections.unmodifiableMap(made);
        this.found = java.util.Collections.unmodifiableMap(found);
    }

    MeshView view() {
        return view;
    }

    Made made(Request request) {
        return made.get(request);
    }

    Found found(Run run) {
        return found.get(run);
    }
}
