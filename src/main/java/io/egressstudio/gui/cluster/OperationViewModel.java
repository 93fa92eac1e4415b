package io.egressstudio.gui.cluster;

import io.egressstudio.cluster.ApplyListener;
import io.egressstudio.cluster.ApplyReport;
import io.egressstudio.cluster.Cancellation;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.PlannedChange;
import io.egressstudio.cluster.ResourceResult;
import io.egressstudio.cluster.Rollback;
import io.egressstudio.mesh.ResourceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An apply, rollback or removal in progress and its report: a progress value, one line per object as it is done,
 * cancel (stops before the next object; the report says what was applied), and after an apply that did not
 * complete, rollback. The work is the cluster layer's ({@code Applier}, {@link Rollback}, {@code Remover}); its
 * progress arrives on the worker thread and is handed to the UI executor.
 */
public final class OperationViewModel {
    public enum Kind {
        APPLY("Apply"), ROLLBACK("Rollback"), REMOVE("Removal");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** The cluster call, with progress and cancellation. */
    @FunctionalInterface
    public interface Work {
        ApplyReport run(ClusterConnection connection, ApplyListener listener, Cancellation cancellation)
                throws ClusterException;
    }

    private final ClusterSession session;
    private final Kind kind;
    private final String scenario;
    private final Work work;
    private final Cancellation cancellation = new Cancellation();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(this, "current", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(this, "cancelRequested");
    private final ReadOnlyObjectWrapper<ApplyReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final CompletableFuture<ApplyReport> finished = new CompletableFuture<>();
    private final BooleanBinding canRollback;
    private final BooleanBinding canCancel;

    public OperationViewModel(ClusterSession session, Kind kind, String scenario, Work work) {
        this.session = session;
        this.kind = kind;
        this.scenario = scenario;
        this.work = work;
        this.canRollback = Bindings.createBooleanBinding(() -> kind == Kind.APPLY && report.get() != null
                && !report.get().complete() && !running.get(), report, running);
        this.canCancel = running.and(cancelRequested.not()).and(Bindings.createBooleanBinding(() -> kind != Kind.ROLLBACK));
    }

    /** Rolls back the last apply of a scenario (every object is tried; there is nothing to cancel). */
    public static OperationViewModel rollback(ClusterSession session, String scenario) {
        return new OperationViewModel(session, Kind.ROLLBACK, scenario,
                (connection, listener, cancellation) -> Rollback.rollback(connection, session.snapshots(), scenario,
                        listener));
    }

    /** Starts the work off the UI thread; the future completes on the UI executor with the report. */
    public CompletableFuture<ApplyReport> start() {
        running.set(true);
        current.set(kind.title() + " of scenario " + scenario + " starting…");
        Executor ui = session.ui();
        ApplyListener listener = new ApplyListener() {
            @Override
            public void started(int total) {
                ui.execute(() -> progress.set(total == 0 ? 1 : 0));
            }

            @Override
            public void starting(PlannedChange.Action action, ResourceSet.Key key, int index, int total) {
                ui.execute(() -> current.set("[" + (index + 1) + "/" + total + "] " + verb(action) + " " + key + "…"));
            }

            @Override
            public void finished(ResourceResult result, int index, int total) {
                ui.execute(() -> {
                    results.add(describe(result));
                    progress.set((index + 1) / (double) total);
                });
            }
        };
        session.run(connection -> work.run(connection, listener, cancellation)).whenComplete((done, error) -> {
            running.set(false);
            current.set("");
            if (error != null) {
                progress.set(0);
                failure.set(ClusterSession.messageOf(error));
                summary.set(kind.title() + " did not start: " + ClusterSession.messageOf(error));
            } else {
                report.set(done);
                summary.set(summarize(done));
                done.failed().stream().findFirst().ifPresent(f -> failure.set("Failed: " + f.action().word() + " "
                        + f.key() + ": " + f.message()));
            }
            if (error != null) {
                finished.completeExceptionally(error);
            } else {
                finished.complete(done);
            }
        });
        return finished;
    }

    /** Completes (on the UI executor) with the report once the work is over, or with why it did not start. */
    public CompletableFuture<ApplyReport> finished() {
        return finished;
    }

    /** Stops before the next object; the report says what was applied. */
    public void cancel() {
        if (canCancel.get()) {
            cancellation.cancel();
            cancelRequested.set(true);
            current.set("Cancelling: stopping before the next object…");
        }
    }

    /** After an apply that did not complete: puts back what was there before it. */
    public OperationViewModel rollback() {
        if (!canRollback.get()) {
            return null;
        }
        OperationViewModel undo = rollback(session, scenario);
        undo.start();
        return undo;
    }

    private String verb(PlannedChange.Action action) {
        return switch (action) {
            case CREATE -> kind == Kind.ROLLBACK ? "recreating" : "creating";
            case UPDATE -> kind == Kind.ROLLBACK ? "restoring" : "updating";
            case DELETE -> "deleting";
            case UNCHANGED -> "checking";
        };
    }

    /** One object's result as the list shows it. */
    String describe(ResourceResult result) {
        String done = switch (result.action()) {
            case CREATE -> kind == Kind.ROLLBACK ? "recreated" : "created";
            case UPDATE -> kind == Kind.ROLLBACK ? "restored" : "updated";
            case DELETE -> "deleted";
            case UNCHANGED -> "unchanged";
        };
        return switch (result.outcome()) {
            case DONE -> "✓ " + done + " " + result.key();
            case ALREADY -> "= " + result.key() + " (" + result.message() + ")";
            case FAILED -> "✗ FAILED " + result.action().word() + " " + result.key() + ": " + result.message();
            case NOT_ATTEMPTED -> "– not attempted: " + result.action().word() + " " + result.key()
                    + (result.message() == null ? "" : " (" + result.message() + ")");
        };
    }

    /** The report's last words: what was done, and for a failure or cancel exactly what was applied. */
    String summarize(ApplyReport done) {
        List<String> lines = new ArrayList<>();
        switch (done.status()) {
            case COMPLETE -> lines.add(kind.title() + " complete: " + done.done().size() + " change(s)"
                    + (done.results().isEmpty() && !done.notes().isEmpty() ? " (" + done.notes().get(0) + ")" : "")
                    + ".");
            case FAILED, CANCELLED, IN_PROGRESS -> {
                lines.add(kind.title() + (done.status() == io.egressstudio.cluster.Snapshot.Status.CANCELLED
                        ? " cancelled" : " failed") + " part-way. Exactly these were changed: "
                        + (done.done().isEmpty() ? "nothing" : String.join(", ", done.done().stream()
                        .map(r -> r.action().word() + " " + r.key()).toList())) + ".");
                done.failed().forEach(f -> lines.add("Failed: " + f.action().word() + " " + f.key() + ": "
                        + f.message()));
                if (!done.notAttempted().isEmpty()) {
                    lines.add("Not attempted: " + done.notAttempted().size() + " change(s).");
                }
                if (kind == Kind.APPLY) {
                    lines.add("Roll back to restore what was there before the apply.");
                }
            }
        }
        done.notes().stream().filter(n -> !n.equals("nothing to change")).forEach(n -> lines.add("Note: " + n));
        return String.join("\n", lines);
    }

    public Kind kind() {
        return kind;
    }

    public String scenario() {
        return scenario;
    }

    /** -1 before the first object (indeterminate), then 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObservableList<String> results() {
        return results;
    }

    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The failing object and why (or why the work did not start), else empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApplyReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public BooleanBinding canRollbackProperty() {
        return canRollback;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }
}
