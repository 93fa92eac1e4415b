package io.egressstudio.gui.cluster;

import io.egressstudio.cluster.ApiKind;
import io.egressstudio.cluster.ClusterCheck;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.KubeContext;
import io.egressstudio.cluster.Kubeconfig;
import io.egressstudio.cluster.SnapshotStore;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection of one main window to a cluster, and the Connect dialog's ViewModel: the kubeconfig's contexts,
 * the chosen one, the connection check ({@link ClusterCheck}: the server answers and accepts the credentials, the
 * APIs it serves, its control planes, what the shown scenario needs that is missing). Every call to the cluster runs
 * on {@code background}; results and failures are applied through {@code ui} (the FX thread in the app, the calling
 * thread in tests). Plan, apply, rollback, remove and import go through {@link #run}.
 */
public final class ClusterSession implements AutoCloseable {
    static final String NOT_CONNECTED = "Not connected: choose Cluster → Connect… first.";

    private final ClusterSettings settings;
    private final Supplier<Scenario> scenario;
    private final Executor background;
    private final Executor ui;
    private final SnapshotStore snapshots;
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final StringProperty context = new SimpleStringProperty(this, "context");
    private final ReadOnlyObjectWrapper<ClusterConnection> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ReadOnlyObjectWrapper<ClusterCheck> check = new ReadOnlyObjectWrapper<>(this, "check");
    private final ReadOnlyStringWrapper checkText = new ReadOnlyStringWrapper(this, "checkText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Calls in flight (set on the UI thread): busy while any runs, so one finishing does not hide another. */
    private final IntegerProperty calls = new SimpleIntegerProperty(this, "calls");
    private final BooleanBinding busy = calls.greaterThan(0);
    private final BooleanBinding connected = connection.isNotNull();

    /** @param scenario the scenario the window shows (read on the UI thread), checked for the APIs it needs */
    public ClusterSession(ClusterSettings settings, Supplier<Scenario> scenario, Executor background, Executor ui) {
        this.settings = settings;
        this.scenario = scenario;
        this.background = background;
        this.ui = ui;
        this.snapshots = settings.snapshots().get();
    }

    /** Reads the kubeconfig's contexts and picks its current one (or keeps the one chosen). */
    public CompletableFuture<List<KubeContext>> loadContexts() {
        message.set("Reading the kubeconfig…");
        return call(() -> settings.kubeconfig().get().contexts(), found -> {
            List<String> names = found.stream().map(KubeContext::name).toList();
            contexts.setAll(names);
            if (context.get() == null || !names.contains(context.get())) {
                context.set(found.stream().filter(KubeContext::current).map(KubeContext::name).findFirst()
                        .orElse(names.isEmpty() ? null : names.get(0)));
            }
            message.set(names.isEmpty() ? "The kubeconfig has no contexts." : "");
        });
    }

    /** Connects through the chosen context and runs the connection check; replaces any earlier connection. */
    public CompletableFuture<ClusterCheck> connect() {
        String chosen = context.get();
        if (chosen == null || chosen.isBlank()) {
            message.set("Choose a context first.");
            return CompletableFuture.failedFuture(new IllegalStateException("no context chosen"));
        }
        Scenario shown = scenario.get();
        message.set("Connecting to " + chosen + "…");
        checkText.set("");
        Kubeconfig kubeconfig = settings.kubeconfig().get();
        CompletableFuture<ClusterCheck> done = new CompletableFuture<>();
        calls.set(calls.get() + 1);
        background.execute(() -> {
            ClusterConnection opened = null;
            try {
                opened = settings.connector().apply(kubeconfig).connect(chosen);
                ClusterCheck result = ClusterCheck.run(opened, shown == null ? null : ScenarioGenerator.generate(shown));
                ClusterConnection ready = opened;
                ui.execute(() -> {
                    calls.set(calls.get() - 1);
                    replaceConnection(ready);
                    check.set(result);
                    checkText.set(describe(result, shown));
                    message.set(result.missingForScenario() == null ? "Connected to " + chosen + "."
                            : "Connected to " + chosen + ", but the cluster lacks what scenario " + shown.name()
                            + " needs (see below).");
                    done.complete(result);
                });
            } catch (ClusterException | RuntimeException e) {
                if (opened != null) {
                    opened.close();
                }
                ui.execute(() -> {
                    calls.set(calls.get() - 1);
                    message.set(messageOf(e));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** The check as the Connect dialog shows it. */
    static String describe(ClusterCheck check, Scenario scenario) {
        List<String> lines = new ArrayList<>();
        lines.add("Context " + check.context() + ": the API server at " + check.server()
                + " answers and accepts the credentials.");
        lines.add("APIs:");
        for (ApiKind kind : ApiKind.values()) {
            Optional<String> version = check.apis().get(kind);
            if (version != null) {
                lines.add(String.format("  %-24s %s", kind.kind(), version.map(kind::apiVersion).orElse("not served")));
            }
        }
        if (check.controlPlanes().isEmpty()) {
            lines.add("No control planes found.");
        } else {
            lines.add("Control planes:");
            check.controlPlanes().forEach(p -> lines.add("  " + p));
        }
        if (scenario != null) {
            lines.add(check.missingForScenario() == null
                    ? "Scenario " + scenario.name() + ": the cluster serves every API it needs."
                    : "Scenario " + scenario.name() + " needs what the cluster does not serve:"
                    + check.missingForScenario());
        }
        if (check.permissions() != null) {
            lines.add(check.permissions().unchecked() != null ? "Permissions not checked: "
                    + check.permissions().unchecked() : check.permissions().ok()
                    ? "Permissions: you may create every object of scenario " + scenario.name() + "."
                    : "Not allowed: " + String.join("; ", check.permissions().denied()));
        }
        lines.add("The plan checks the permissions of each change again (Cluster → Plan…).");
        return String.join("\n", lines);
    }

    private void replaceConnection(ClusterConnection next) {
        ClusterConnection old = connection.get();
        connection.set(next);
        if (old != null && old != next) {
            background.execute(old::close);
        }
    }

    /**
     * Runs work on the connected cluster off the UI thread; the future completes on the UI executor. Fails (with
     * {@link #NOT_CONNECTED} as the message) when there is no connection.
     */
    <T> CompletableFuture<T> run(ClusterWork<T> work) {
        ClusterConnection current = connection.get();
        if (current == null) {
            message.set(NOT_CONNECTED);
            return CompletableFuture.failedFuture(new ClusterException(ClusterException.Reason.KUBECONFIG,
                    NOT_CONNECTED));
        }
        return call(() -> work.run(current), result -> { });
    }

    private interface Call<T> {
        T call() throws ClusterException;
    }

    private <T> CompletableFuture<T> call(Call<T> work, java.util.function.Consumer<T> onUi) {
        CompletableFuture<T> done = new CompletableFuture<>();
        calls.set(calls.get() + 1);
        background.execute(() -> {
            try {
                T result = work.call();
                ui.execute(() -> {
                    calls.set(calls.get() - 1);
                    onUi.accept(result);
                    done.complete(result);
                });
            } catch (ClusterException | RuntimeException e) {
                ui.execute(() -> {
                    calls.set(calls.get() - 1);
                    message.set(messageOf(e));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** A failure as a user reads it: the cluster layer's message (never a token or Secret data), no stack trace. */
    static String messageOf(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof ClusterException) {
            return t.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    public ObservableList<String> contexts() {
        return contexts;
    }

    public StringProperty contextProperty() {
        return context;
    }

    public ReadOnlyObjectProperty<ClusterConnection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ClusterConnection connection() {
        return connection.get();
    }

    public BooleanBinding connectedProperty() {
        return connected;
    }

    public boolean isConnected() {
        return connected.get();
    }

    public ReadOnlyObjectProperty<ClusterCheck> checkProperty() {
        return check.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkTextProperty() {
        return checkText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public SnapshotStore snapshots() {
        return snapshots;
    }

    /** The scenario the window shows now (call on the UI thread). */
    public Scenario scenario() {
        return scenario.get();
    }

    Executor ui() {
        return ui;
    }

    @Override
    public void close() {
        ClusterConnection old = connection.get();
        connection.set(null);
        if (old != null) {
            background.execute(old::close);
        }
    }
}
