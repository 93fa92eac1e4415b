package io.egressstudio.gui.findings;

import io.egressstudio.gui.MainViewModel;
import io.egressstudio.gui.analysis.DesignAnalysis;
import io.egressstudio.gui.analysis.DesignFinding;
import io.egressstudio.model.Problem;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The findings pane: the analyzers' findings and the scenario's validation problems, as rows. Activating a row
 * selects the element it is about and asks the inspector to focus the field to change.
 */
public final class FindingsViewModel {
    /** One row. {@code elementId} and {@code field} may be null. */
    public record Row(String severity, String code, String message, String fix, String where, String elementId,
                      String field) {
        public String text() {
            return "[" + code + "] " + message;
        }
    }

    private final MainViewModel main;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private DesignAnalysis shown;

    public FindingsViewModel(MainViewModel main) {
        this.main = main;
        main.analysisProperty().addListener((o, a, b) -> update(b));
        update(main.analysis());
    }

    private void update(DesignAnalysis a) {
        if (a == null) {
            return;
        }
        // the same findings as the analysis shown, and no problems (their rows also depend on the scenario): nothing
        // to rebuild, the common case of an edit that changes no finding
        boolean same = shown != null && a.problems().isEmpty() && shown.problems().isEmpty()
                && a.findings() == shown.findings() && a.predictionsReady() == shown.predictionsReady();
        shown = a;
        if (same) {
            return;
        }
        List<Row> next = new ArrayList<>();
        for (Problem p : a.problems()) {
            String[] target = ProblemPaths.target(a.scenario(), p.path());
            next.add(new Row("ERROR", "INVALID", p.message(), null, p.path(), target[0], target[1]));
        }
        for (DesignFinding f : a.findings()) {
            next.add(new Row(f.severity(), f.code(), f.message(), f.fix(),
                    f.resource() + (f.field() == null ? "" : " " + f.field()), f.elementId(), f.elementField()));
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        if (!a.problems().isEmpty()) {
            summary.set(a.problems().size() + " problems in the scenario");
        } else if (!a.predictionsReady()) {
            summary.set("Findings need the analyzers, which are not available in this build.");
        } else {
            summary.set(a.findings().isEmpty() ? "No findings" : a.findings().size() + " findings");
        }
    }

    /** Selects the row's element and focuses its field. */
    public void activate(Row row) {
        if (row.elementId() == null) {
            main.statusProperty().set(row.where());
            return;
        }
        main.selection().selectField(row.elementId(), row.field());
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
