package io.egressstudio.gui.presenter;

import io.egressstudio.cluster.ApplyReport;
import io.egressstudio.model.Scenario;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * Presenter mode, connected: what puts a step's scenario on the cluster. Declared here so the presenter does not
 * depend on the cluster windows that implement it (they open the presenter).
 */
public interface StepApplier {
    /** Plans and applies {@code state} (the scenario after a step); {@code label} names the step in the result. */
    CompletableFuture<ApplyReport> apply(Scenario state, String label);

    /** Whether a step can be applied now (connected, nothing else running on the cluster). */
    ObservableBooleanValue availableProperty();

    /** One line a presenter can read out: what the last apply did. */
    ObservableStringValue resultProperty();
}
