package io.egressstudio.gui.cluster;

import io.egressstudio.cluster.Applier;
import io.egressstudio.cluster.DiffText;
import io.egressstudio.cluster.Plan;
import io.egressstudio.cluster.PlannedChange;
import io.egressstudio.cluster.Planner;
import io.egressstudio.cluster.Remover;
import io.egressstudio.generate.CertificateFolder;
import io.egressstudio.generate.GeneratorOptions;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The plan window's ViewModel: what applying the shown scenario (or removing a scenario) would change, object by
 * object, from {@link Planner} (or {@link Remover#plan}) — the same plan the CLI prints. The selected row's diff is
 * {@link PlannedChange#diff()}: the cluster now beside what apply leaves, Secret values masked. Applying starts an
 * {@link OperationViewModel} with {@link Applier} (or {@link Remover#remove}).
 */
public final class PlanViewModel {
    /** Plan an apply of the shown scenario, or the removal of a scenario's labelled objects. */
    public enum Mode { APPLY, REMOVE }

    private final ClusterSession session;
    private final Mode mode;
    private final Function<Scenario, ResourceSet> generator;
    private final Supplier<Scenario> scenario;
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ObservableList<PlanRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Path> certificates = new SimpleObjectProperty<>(this, "certificates");
    private final ObjectProperty<PlanRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper dryRunNote = new ReadOnlyStringWrapper(this, "dryRunNote", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<OperationViewModel> operation = new ReadOnlyObjectWrapper<>(this, "operation");
    private final ObjectProperty<Plan> applied = new SimpleObjectProperty<>(this, "applied");
    private final StringBinding diff;
    private final ObservableList<DiffText.Row> diffRows = FXCollections.observableArrayList();
    private final BooleanBinding canApply;

    public PlanViewModel(ClusterSession session, Mode mode) {
        this(session, mode, ScenarioGenerator::generate);
    }

    /** @param generator the scenario's resources (the app generates them as {@code generate} does, without certificates) */
    public PlanViewModel(ClusterSession session, Mode mode, Function<Scenario, ResourceSet> generator) {
        this(session, mode, generator, session::scenario);
    }

    /** @param scenario what to plan (read on the UI thread): the window's shown scenario, or a presenter's step */
    public PlanViewModel(ClusterSession session, Mode mode, Function<Scenario, ResourceSet> generator,
                         Supplier<Scenario> scenario) {
        this.scenario = scenario;
        this.session = session;
        this.mode = mode;
        this.generator = generator;
        this.diff = Bindings.createStringBinding(() -> selected.get() == null ? "" : selected.get().change().diff(),
                selected);
        selected.addListener((o, a, b) -> diffRows.setAll(b == null ? List.of() : b.change().diffRows()));
        // a plan is applied once: after that it is stale, and the user plans again
        this.canApply = Bindings.createBooleanBinding(() -> {
            Plan p = plan.get();
            return p != null && p.hasChanges() && p.blockers().isEmpty() && !session.busyProperty().get()
                    && applied.get() != p;
        }, plan, applied, session.busyProperty());
    }

    /** Plans again from the cluster as it is now (and the scenario as the window shows it now). */
    public CompletableFuture<Plan> refresh() {
        Scenario planned = scenario.get();
        String name = planned.name();
        Path folder = certificates.get();
        message.set(mode == Mode.APPLY ? "Planning scenario " + name + "…" : "Finding what scenario " + name
                + " put on the cluster…");
        CompletableFuture<Plan> done = session.run(connection -> mode == Mode.APPLY
                ? Planner.plan(connection, name, folder == null ? generator.apply(planned)
                        : ScenarioGenerator.generate(planned, new GeneratorOptions(new CertificateFolder(folder))))
                : Remover.plan(connection, name));
        return done.whenComplete((result, error) -> {
            if (error != null) {
                message.set(ClusterSession.messageOf(error));
            } else {
                show(result);
            }
        });
    }

    private void show(Plan result) {
        PlanRow keep = selected.get();
        plan.set(result);
        rows.setAll(result.changes().stream().map(PlanRow::new).toList());
        selected.set(keep == null ? null : rows.stream().filter(r -> r.change().key().equals(keep.change().key()))
                .findFirst().orElse(null));
        header.set((mode == Mode.APPLY ? "Plan for scenario " : "Remove scenario ") + result.scenario()
                + " on context " + result.context() + " (" + result.server() + "), written with "
                + result.strategy().description() + ".");
        summary.set(result.count(PlannedChange.Action.CREATE) + " create · " + result.count(PlannedChange.Action.UPDATE)
                + " update · " + result.count(PlannedChange.Action.UNCHANGED) + " unchanged · "
                + result.count(PlannedChange.Action.DELETE) + " delete");
        // the planner's own words: why dry run was not used, or what it could not validate (null: all validated)
        dryRunNote.set(result.dryRunNote() != null && !result.dryRunNote().equals("nothing to validate")
                ? result.dryRunNote() : result.dryRunSupported() ? ""
                : "Server-side dry run was not used. The plan comes from comparing with the live objects.");
        notes.set(notesOf(result));
        message.set(!result.blockers().isEmpty() ? (mode == Mode.APPLY ? "Apply" : "Removal")
                + " would be refused: see below."
                : result.hasChanges() ? "" : mode == Mode.APPLY ? "Nothing to change: the cluster already has scenario "
                + result.scenario() + "." : "Nothing on the cluster carries the label of scenario " + result.scenario() + ".");
    }

    private static String notesOf(Plan plan) {
        List<String> lines = new ArrayList<>();
        plan.blockers().forEach(b -> lines.add("Blocks apply: " + b));
        if (plan.permissions().unchecked() != null) {
            lines.add("Permissions not checked: " + plan.permissions().unchecked());
        } else if (plan.permissions().ok()) {
            lines.add("Permissions: the server allows every change.");
        }
        plan.pending().forEach(p -> lines.add("Not applied, its data is needed first: " + p));
        plan.controlPlanes().forEach(p -> lines.add("Control plane on the cluster: " + p));
        plan.notes().forEach(n -> lines.add("Note: " + n));
        return String.join("\n", lines);
    }

    /** Applies (or removes) what the shown plan lists, with progress; null when there is nothing to apply. */
    public OperationViewModel apply() {
        Plan approved = plan.get();
        if (!canApply.get()) {
            return null;
        }
        OperationViewModel op = mode == Mode.APPLY
                ? new OperationViewModel(session, OperationViewModel.Kind.APPLY, approved.scenario(),
                        (connection, listener, cancellation) -> Applier.apply(connection, approved,
                                session.snapshots(), listener, cancellation))
                : new OperationViewModel(session, OperationViewModel.Kind.REMOVE, approved.scenario(),
                        (connection, listener, cancellation) -> Remover.remove(connection, approved, listener,
                                cancellation));
        applied.set(approved);
        operation.set(op);
        op.start();
        return op;
    }

    public Mode mode() {
        return mode;
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /**
     * The folder with the scenario's certificates ({@code ID.crt}, {@code ID.key}, as {@code certs scenario} writes
     * them), as the CLI's {@code --certs}: its Secrets are then planned and applied; null leaves them pending.
     */
    public ObjectProperty<Path> certificatesProperty() {
        return certificates;
    }

    public ObservableList<PlanRow> rows() {
        return rows;
    }

    public ObjectProperty<PlanRow> selectedProperty() {
        return selected;
    }

    /** The selected object's side-by-side diff (Secret values masked), or empty. */
    public StringBinding diffProperty() {
        return diff;
    }

    /** The same diff as rows (each side's line whole, and the marker), for the side-by-side view. */
    public ObservableList<DiffText.Row> diffRows() {
        return diffRows;
    }

    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why server-side dry run did not validate the plan, or empty when it did. */
    public ReadOnlyStringProperty dryRunNoteProperty() {
        return dryRunNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OperationViewModel> operationProperty() {
        return operation.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    ClusterSession session() {
        return session;
    }
}
