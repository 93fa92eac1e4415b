package io.egressstudio.gui.findings;

import io.egressstudio.analyze.Counts;
import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignFinding;
import io.egressstudio.design.ElementPatch;
import io.egressstudio.design.QuickFix;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.document.Edit;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
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
    /** One row. {@code elementId}, {@code field} and {@code quickFix} may be null. */
    public record Row(String severity, String code, String message, String fix, String where, String elementId,
                      String field, QuickFix quickFix) {
        public Row(String severity, String code, String message, String fix, String where, String elementId,
                   String field) {
            this(severity, code, message, fix, where, elementId, field, null);
        }

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
                && a.findings() == shown.findings() && a.predictionsReady() == shown.predictionsReady()
                && nothingDrawn(a) == nothingDrawn(shown);
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
                    f.resource() + (f.field() == null ? "" : " " + f.field()), f.elementId(), f.elementField(),
                    f.quickFix()));
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        summary.set(summary(a));
    }

    private static String summary(DesignAnalysis a) {
        if (!a.problems().isEmpty()) {
            return Counts.of(a.problems().size(), "problem") + " in the scenario";
        }
        if (nothingDrawn(a)) {
            return "Nothing drawn yet: drag a mesh from the palette onto the canvas, then workloads and external "
                    + "services into it, and connect them.";
        }
        if (a.error() != null) {
            return "No findings yet: " + a.error();
        }
        if (!a.predictionsReady()) {
            return "Findings need the analyzers, which are not available in this build.";
        }
        if (a.findings().isEmpty()) {
            return "No findings";
        }
        long failing = a.findings().stream().filter(f -> "ERROR".equals(f.severity())).count();
        return Counts.of(a.findings().size(), "finding") + (failing == 0 ? "" : " (" + Counts.of((int) failing, "error")
                + ")") + (a.findings().stream().anyMatch(f -> f.quickFix() != null) ? " · some have a one-click fix" : "");
    }

    private static boolean nothingDrawn(DesignAnalysis a) {
        Scenario s = a.scenario();
        return s.meshes().isEmpty() && s.workloads().isEmpty() && s.egressGateways().isEmpty()
                && s.externalServices().isEmpty() && s.links().isEmpty();
    }

    /**
     * Applies the row's quick fix as one undoable edit (Undo brings the finding back). False when there is none, when
     * a walkthrough step is shown (steps are read-only) or when its element is gone.
     */
    public boolean applyFix(Row row) {
        QuickFix fix = row.quickFix();
        if (fix == null) {
            return false;
        }
        if (main.shown().element(fix.elementId()).isEmpty()) {
            main.statusProperty().set("Cannot apply the fix: " + fix.elementId() + " is no longer in the design.");
            return false;
        }
        return main.edit(Edit.of("Apply fix: " + fix.label(), s -> s.element(fix.elementId())
                .map(e -> ScenarioEdits.replace(s, fix.elementId(), ElementPatch.setField(e, fix.field(), fix.value())))
                .orElse(s)));
    }

    /** Whether quick fixes can be applied now: not while a walkthrough step is shown. */
    public javafx.beans.binding.BooleanBinding fixesDisabledProperty() {
        return main.readOnlyProperty();
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
