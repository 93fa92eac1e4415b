package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import java.util.function.Consumer;

/**
 * An analyzer whose checks look at one control plane's configuration at a time. Run per control plane, its findings
 * for one control plane can be kept by the next analysis when nothing that control plane's run read has changed
 * ({@link AnalysisMemo}): an edit to one mesh re-checks that mesh only.
 */
public interface ControlPlaneAnalyzer extends Analyzer {
    void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report);

    @Override
    default void analyze(MeshView view, Consumer<Finding> report) {
        for (ControlPlane cp : view.controlPlanes()) {
            analyze(view, cp, report);
        }
    }
}
