package io.egressstudio.gui.window;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.gui.analysis.BackgroundRunner;
import io.egressstudio.gui.document.Edit;
import io.egressstudio.gui.document.ScenarioDocument;
import io.egressstudio.gui.document.Selection;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state: the document, the selection, the walkthrough step shown, and the analysis of what is shown.
 * Every panel's ViewModel reads from here. File work and analysis run on the background executor; their results are
 * applied through the UI executor (the FX thread in the app, the calling thread in tests).
 */
public final class MainViewModel {
    public static final String TITLE = "Egress Studio";

    private final ScenarioDocument document;
    private final Selection selection = new Selection();
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final ReadOnlyObjectWrapper<Scenario> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper stepNarrative = new ReadOnlyStringWrapper(this, "stepNarrative", "");
    private final ReadOnlyObjectWrapper<DesignAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObservableList<String> stepChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Path> lastError = new SimpleObjectProperty<>(this, "lastErrorFile");
    private final BackgroundRunner<Scenario, Analysed> analyzer;
    /** The last analysis computed (background thread): the next one reuses its unchanged parts. */
    private volatile DesignAnalysis lastComputed;
    private final Executor background;
    private final Executor ui;
    private final BooleanBinding readOnly;
    /** The scenario last given to the analyzer: the one shown, or about to be. */
    private Scenario requested;
    /** Its analysis, when it came before the scenario was shown. */
    private Analysed answeredEarly;
    private final StringBinding windowTitle;

    public MainViewModel(Scenario initial, DesignPipeline service, Executor background, Executor ui) {
        this.document = new ScenarioDocument(initial);
        this.background = background;
        this.ui = ui;
        this.analyzer = new BackgroundRunner<>(scenario -> {
            DesignAnalysis a = service.analyze(scenario, lastComputed);
            lastComputed = a;
            return new Analysed(a, summary(a));
        }, this::applyAnalysis, e -> status.set("analysis failed: " + e), background, ui);
        this.readOnly = step.greaterThan(0);
        this.windowTitle = Bindings.createStringBinding(() -> TITLE + " — " + document.scenario().name()
                + (document.isDirty() ? " *" : ""), document.scenarioProperty(), document.dirtyProperty());
        document.scenarioProperty().addListener((o, a, b) -> {
            refreshSteps();
            updateShown();
        });
        step.addListener((o, a, b) -> updateShown());
        refreshSteps();
        updateShown();
    }

    private void refreshSteps() {
        List<String> choices = new ArrayList<>();
        choices.add("As drawn");
        List<Step> steps = document.scenario().steps();
        for (int i = 0; i < steps.size(); i++) {
            choices.add("After step " + (i + 1) + ": " + steps.get(i).title());
        }
        if (!choices.equals(stepChoices)) {
            int keep = Math.min(step.get(), steps.size());
            stepChoices.setAll(choices);
            step.set(keep);
        }
    }

    private void updateShown() {
        Scenario base = document.scenario();
        int n = Math.min(step.get(), base.steps().size());
        Scenario next = base;
        String narrative = "";
        if (n > 0) {
            Step s = base.steps().get(n - 1);
            try {
                next = Steps.after(base, n);
                narrative = s.title() + (s.narrative() == null ? "" : ": " + s.narrative()) + expected(s);
            } catch (Steps.StepException e) {
                narrative = "This step no longer applies to the drawing: " + e.path() + ": " + e.getMessage();
            }
        }
        // the analysis starts first: it runs on the other core while this thread lays the canvas out for the edit
        requested = next;
        analyzer.submit(next);
        shown.set(next);
        stepNarrative.set(narrative);
        Analysed early = answeredEarly;
        answeredEarly = null;
        if (early != null) {
            applyAnalysis(early);
        }
    }

    private static String expected(Step s) {
        if (s.expect().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("  Expected: ");
        s.expect().forEach((link, outcome) -> text.append(link).append(" → ").append(outcome).append("  "));
        return text.toString().stripTrailing();
    }

    /** An analysis with its status line, both made off the FX thread. */
    private record Analysed(DesignAnalysis analysis, String summary) {
    }

    private void applyAnalysis(Analysed result) {
        if (result.analysis().scenario() != requested) {
            return;
        }
        if (result.analysis().scenario() != shown.get()) {
            // a synchronous analyzer (tests) answers before the scenario is shown: applied once it is, so that an
            // analysis is never of another scenario than the one shown
            answeredEarly = result;
            return;
        }
        analysis.set(result.analysis());
        status.set(result.summary());
    }

    /** One line for the status bar. */
    public static String summary(DesignAnalysis a) {
        Scenario s = a.scenario();
        int nodes = s.meshes().size() + s.workloads().size() + s.egressGateways().size() + s.externalServices().size();
        if (nodes == 0 && a.problems().isEmpty()) {
            return "Nothing drawn yet: drag a mesh from the palette onto the canvas to start.";
        }
        StringBuilder text = new StringBuilder();
        // "1 node", "2 links": fully qualified so that this method is all this issue changes in the class
        text.append(io.egressstudio.analyze.Counts.of(nodes, "node")).append(" · ")
                .append(io.egressstudio.analyze.Counts.of(s.links().size(), "link")).append(" · ");
        if (a.error() != null && a.resources() == null) {
            return text.append(a.error()).toString();
        }
        text.append(io.egressstudio.analyze.Counts.of(a.resources().applicable().size(), "resource")).append(" · ");
        if (!a.predictionsReady()) {
            text.append("predictions unavailable");
        } else {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            a.predictions().values().forEach(p -> counts.merge(p.outcome(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            counts.forEach((k, v) -> parts.add(v + " " + k));
            text.append(parts.isEmpty() ? "no links" : String.join(", ", parts));
            text.append(" · ").append(io.egressstudio.analyze.Counts.of(a.findings().size(), "finding"));
        }
        return text.append(String.format(" · analysed in %.0f ms", a.nanos() / 1e6)).toString();
    }

    /** Analyses what is shown again (something outside the scenario changed, e.g. certificates were issued). */
    public void reanalyze() {
        requested = shown.get();
        analyzer.submit(requested);
    }

    /** Applies an edit to the document, unless a walkthrough step is shown (steps are read-only views). */
    public boolean edit(Edit edit) {
        if (readOnly.get()) {
            status.set("Showing a walkthrough step: choose \"As drawn\" to edit.");
            return false;
        }
        boolean changed = document.execute(edit);
        if (changed) {
            status.set(edit.description());
        }
        return changed;
    }

    public void undo() {
        if (!readOnly.get()) {
            String what = document.undoDescriptionProperty().get();
            if (document.undo()) {
                status.set("Undid: " + what);
            }
        }
    }

    public void redo() {
        if (!readOnly.get()) {
            String what = document.redoDescriptionProperty().get();
            if (document.redo()) {
                status.set("Redid: " + what);
            }
        }
    }

    /** Replaces the document (new, open, template). */
    public void replace(Scenario scenario, Path file) {
        step.set(0);
        selection.clear();
        document.reset(scenario, file);
        status.set(file == null ? "New scenario " + scenario.name() : "Opened " + file);
    }

    public void openTemplate(String name) {
        replace(BuiltInScenarios.get(name), null);
    }

    /** Loads a file off the UI thread; the future fails with a {@link ScenarioFormatException} for a bad file. */
    public CompletableFuture<Scenario> open(Path file) {
        CompletableFuture<Scenario> done = new CompletableFuture<>();
        background.execute(() -> {
            try {
                Scenario loaded = ScenarioFile.load(file);
                ui.execute(() -> {
                    replace(loaded, file);
                    done.complete(loaded);
                });
            } catch (ScenarioFormatException | RuntimeException e) {
                ui.execute(() -> {
                    status.set("Could not open " + file + ": " + e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** Saves atomically off the UI thread; marks the document saved when the file is written. */
    public CompletableFuture<Path> save(Path file) {
        Scenario scenario = document.scenario();
        CompletableFuture<Path> done = new CompletableFuture<>();
        background.execute(() -> {
            try {
                ScenarioFile.save(scenario, file);
                ui.execute(() -> {
                    if (document.scenario() == scenario) {
                        document.markSaved(file);
                    }
                    status.set("Saved " + file);
                    done.complete(file);
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    status.set("Could not save " + file + ": " + e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    public ScenarioDocument document() {
        return document;
    }

    public Selection selection() {
        return selection;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public ObservableList<String> stepChoices() {
        return stepChoices;
    }

    public ReadOnlyObjectProperty<Scenario> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public Scenario shown() {
        return shown.get();
    }

    public ReadOnlyStringProperty stepNarrativeProperty() {
        return stepNarrative.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DesignAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public DesignAnalysis analysis() {
        return analysis.get();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanBinding readOnlyProperty() {
        return readOnly;
    }

    public StringBinding windowTitleProperty() {
        return windowTitle;
    }

    public ObjectProperty<Path> lastErrorProperty() {
        return lastError;
    }
}
