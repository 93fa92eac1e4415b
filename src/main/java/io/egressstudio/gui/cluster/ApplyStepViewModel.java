package io.egressstudio.gui.cluster;

import io.egressstudio.gui.certs.CertificateStore;
import io.egressstudio.cluster.ApplyReport;
import io.egressstudio.cluster.Plan;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.gui.presenter.StepApplier;
import io.egressstudio.model.Scenario;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Presenter mode, connected: applies the scenario as it is after the current step to the cluster — a plan, then an
 * apply of that plan, through {@link PlanViewModel} and {@link OperationViewModel} (the same path as the plan
 * window). The result is one line a presenter can read out.
 */
public final class ApplyStepViewModel implements StepApplier {
    private final ClusterSession session;
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final BooleanBinding available;

    public ApplyStepViewModel(ClusterSession session) {
        this.session = session;
        this.available = session.connectedProperty().and(session.busyProperty().not());
    }

    @Override
    public CompletableFuture<ApplyReport> apply(Scenario state, String label) {
        PlanViewModel plan = new PlanViewModel(session, PlanViewModel.Mode.APPLY, ScenarioGenerator::generate,
                () -> state);
        plan.certificatesProperty().set(CertificateStore.defaultStore().issuedFolder(state.name()));
        result.set(label + ": planning on " + context() + "…");
        return plan.refresh().thenCompose(p -> {
            if (!p.blockers().isEmpty()) {
                result.set(label + ": not applied, " + String.join("; ", p.blockers()));
                return CompletableFuture.completedFuture(null);
            }
            if (!p.hasChanges()) {
                result.set(label + ": the cluster already has it (nothing to change).");
                return CompletableFuture.completedFuture(null);
            }
            result.set(label + ": applying " + p.toApply().size() + " change(s)…");
            OperationViewModel op = plan.apply();
            return op.finished().whenComplete((report, error) -> result.set(label + ": "
                    + (error != null ? ClusterSession.messageOf(error) : summary(p, op))));
        }).whenComplete((report, error) -> {
            if (error != null && !result.get().contains("failed")) {
                result.set(label + ": failed: " + ClusterSession.messageOf(error));
            }
        });
    }

    private static String summary(Plan plan, OperationViewModel op) {
        ApplyReport report = op.reportProperty().get();
        return report.complete() ? "applied " + report.done().size() + " change(s) to " + plan.context()
                + " (Cluster → Rollback… undoes the last apply)." : op.summaryProperty().get().replace('\n', ' ');
    }

    private String context() {
        return session.connection() == null ? "the cluster" : session.connection().context();
    }

    @Override
    public BooleanBinding availableProperty() {
        return available;
    }

    @Override
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }
}
