package io.egressstudio.gui.certs;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.CertificateInfo;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Certificates window's state: the scenario's certificate specs with what was issued for them (subject, SANs,
 * issuer, validity, expiry), and issuing them into the scenario's folder of the {@link CertificateStore}. Reading and
 * issuing run on the background executor; their results are published on the UI executor.
 */
public final class CertificatesViewModel {
    /** One certificate as the table shows it. */
    public record Row(String id, String kind, String subject, String names, String issuer, String validity,
                      String expires) {
    }

    private final MainViewModel main;
    private final CertificateStore store;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper(this, "folder", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<CertificateStore.IssueReport> lastIssue =
            new ReadOnlyObjectWrapper<>(this, "lastIssue");

    public CertificatesViewModel(MainViewModel main, CertificateStore store, Executor background, Executor ui) {
        this.main = main;
        this.store = store;
        this.background = background;
        this.ui = ui;
        main.document().scenarioProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Reads what is issued for the scenario as it is drawn now. */
    public CompletableFuture<Void> refresh() {
        Scenario scenario = main.document().scenario();
        folder.set(store.folderFor(scenario.name()).toString());
        return CompletableFuture.supplyAsync(() -> rowsOf(scenario, store.issued(scenario)), background)
                .thenAcceptAsync(rows::setAll, ui);
    }

    static List<Row> rowsOf(Scenario scenario, Map<String, CertificateInfo> issued) {
        List<Row> out = new ArrayList<>();
        for (CertificateSpec spec : scenario.certificates()) {
            CertificateInfo info = issued.get(spec.id());
            String names = info != null ? String.join(", ", info.subjectAlternativeNames())
                    : CertificateDescriptions.requestedNames(spec);
            out.add(new Row(spec.id(), spec.kind().name(), info != null ? info.subject() : "CN=" + spec.commonName(),
                    names, spec.issuer() != null ? spec.issuer() : "self-signed", spec.validityDays() + " days",
                    CertificateDescriptions.expiry(info)));
        }
        return out;
    }

    /**
     * Issues what is missing or no longer matches its spec, CAs first, and shows the result. The keys go to the
     * scenario's folder (0700, keys 0600); the scenario itself is not changed.
     */
    public CompletableFuture<CertificateStore.IssueReport> issue() {
        Scenario scenario = main.document().scenario();
        if (busy.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("already issuing"));
        }
        if (scenario.certificates().isEmpty()) {
            status.set("The scenario describes no certificates: add one with \"New CA\" beside a CA field of the "
                    + "inspector.");
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        status.set("Issuing the certificates of " + scenario.name() + "…");
        CompletableFuture<CertificateStore.IssueReport> done = CompletableFuture.supplyAsync(() -> {
            try {
                return store.issue(scenario, message -> ui.execute(() -> status.set(message)));
            } catch (BadMaterialException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background);
        done.whenCompleteAsync((report, error) -> {
            busy.set(false);
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                status.set("Could not issue: " + cause.getMessage());
            } else {
                lastIssue.set(report);
                status.set("Issued " + report.issued().size() + ", kept " + report.kept().size() + " in "
                        + report.folder() + ". Generating and applying now fill their Secrets from there.");
            }
            refresh();
        }, ui);
        return done;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Where the scenario's keys and certificates are. */
    public ReadOnlyStringProperty folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last issuing that succeeded: the design's analysis runs again when it changes (its Secrets changed). */
    public ReadOnlyObjectProperty<CertificateStore.IssueReport> lastIssueProperty() {
        return lastIssue.getReadOnlyProperty();
    }

    public CertificateStore store() {
        return store;
    }
}
