package io.egressstudio.gui.presenter;

import io.egressstudio.cluster.ApplyReport;
import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Link;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Step;
import io.egressstudio.telemetry.LinkObservation;
import io.egressstudio.telemetry.ObservedState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * Presenter mode: walks a scenario's steps one at a time. Step 0 is the scenario as drawn; step N is the scenario
 * after its first N steps. For each link it shows the outcome the step expects beside the one predicted. The state
 * and its analysis come from a read-only {@link MainViewModel} (analysis off the FX thread on {@code background},
 * results applied on {@code ui}), so the canvas draws exactly what the designer would. Connected, a step can be put
 * on the cluster ({@link StepApplier}); live, each link's observed traffic is shown beside the step's prediction
 * ({@link ObservedTraffic}) and updated with every poll.
 */
public final class PresenterViewModel {
    /**
     * One link: the outcome the current step expects (null: none stated), the predicted one (null: not yet) and, when
     * live, what the traffic shows (null: not live, or the link is not observed).
     */
    public record LinkRow(String linkId, Outcome expected, Outcome predicted, LinkObservation observation) {
        public LinkRow(String linkId, Outcome expected, Outcome predicted) {
            this(linkId, expected, predicted, null);
        }

        /** Whether the prediction agrees with the expectation; true when nothing is expected. */
        public boolean matches() {
            return expected == null || expected == predicted;
        }

        /** The observed state, or null when the link is not observed. */
        public ObservedState observed() {
            return observation == null ? null : observation.observed();
        }

        /**
         * Whether the traffic shows something this step's prediction rules out (the live overlay's rule; NO_TRAFFIC,
         * STALE and UNREACHABLE never contradict). Judged against the presenter's step, not the main window's.
         */
        public boolean contradicted() {
            return observation != null && predicted != null && observation.observed().contradicts(predicted);
        }

        /** {@code PASSTHROUGH 1.5/s}; a state that is not traffic without a rate (an old rate would read as current). */
        public String observedText() {
            if (observation == null) {
                return "—";
            }
            ObservedState state = observation.observed();
            if (!state.isTraffic()) {
                return state.name();
            }
            double rate = observation.requestsPerSecond();
            return state.name() + " " + (rate >= 10 ? String.format(Locale.ROOT, "%.0f", rate)
                    : String.format(Locale.ROOT, "%.2f", rate).replaceAll("\\.?0+$", "")) + "/s";
        }

        public String expectedText() {
            return expected == null ? "—" : expected.name();
        }

        public String predictedText() {
            return predicted == null ? "…" : predicted.name();
        }
    }

    private final Scenario scenario;
    private final StepApplier cluster;
    private final ObservedTraffic traffic;
    private final ChangeListener<Map<String, LinkObservation>> onPoll = (o, a, b) -> refreshRows();
    private final MainViewModel state;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper narrative = new ReadOnlyStringWrapper(this, "narrative", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ObservableList<LinkRow> rows = FXCollections.observableArrayList();
    private final ObservableSet<String> highlighted = FXCollections.observableSet();
    private final ObservableList<StepChanges.ResourceChange> resourceChanges = FXCollections.observableArrayList();
    /** Each step's analysis once known (by step number), so going back and forth does not analyse again. */
    private final Map<Integer, DesignAnalysis> analyses = new HashMap<>();
    private final Set<Integer> analysing = new HashSet<>();
    private final DesignPipeline service;
    private final Executor background;
    private final Executor ui;
    private final BooleanBinding canNext;
    private final BooleanBinding canPrevious;

    public PresenterViewModel(Scenario scenario, DesignPipeline service, Executor background, Executor ui) {
        this(scenario, service, background, ui, null);
    }

    /** @param cluster connected mode: applies steps to the cluster (null: presenting only) */
    public PresenterViewModel(Scenario scenario, DesignPipeline service, Executor background, Executor ui,
                              StepApplier cluster) {
        this(scenario, service, background, ui, cluster, null);
    }

    /**
     * @param cluster connected mode: applies steps to the cluster (null: presenting only)
     * @param traffic live: the observed traffic per link, shown beside the prediction (null: predictions only)
     */
    public PresenterViewModel(Scenario scenario, DesignPipeline service, Executor background, Executor ui,
                              StepApplier cluster, ObservedTraffic traffic) {
        this.cluster = cluster;
        this.traffic = traffic;
        this.scenario = scenario;
        this.service = service;
        this.background = background;
        this.ui = ui;
        this.state = new MainViewModel(scenario, service, background, ui);
        IntegerProperty step = state.stepProperty();
        this.canNext = Bindings.createBooleanBinding(() -> step.get() < stepCount(), step);
        this.canPrevious = step.greaterThan(0);
        step.addListener((o, a, b) -> refresh());
        state.analysisProperty().addListener((o, a, b) -> {
            refreshRows();
            refreshChanges();
        });
        if (traffic != null) {
            traffic.observationsProperty().addListener(onPoll);
        }
        refresh();
    }

    /** Stops following the live session (which outlives the presenter window). */
    public void close() {
        if (traffic != null) {
            traffic.observationsProperty().removeListener(onPoll);
        }
    }

    /** Live mode's observed traffic, or null when presenting predictions only. */
    public ObservedTraffic traffic() {
        return traffic;
    }

    /** The read-only designer state the canvas shows (the scenario after the current step and its analysis). */
    public MainViewModel state() {
        return state;
    }

    public Scenario scenario() {
        return scenario;
    }

    public int stepCount() {
        return scenario.steps().size();
    }

    /** The current step: 0 as drawn, N after the first N steps. */
    public int step() {
        return state.stepProperty().get();
    }

    public void next() {
        if (canNext.get()) {
            state.stepProperty().set(step() + 1);
        }
    }

    public void previous() {
        if (canPrevious.get()) {
            state.stepProperty().set(step() - 1);
        }
    }

    public void reset() {
        state.stepProperty().set(0);
    }

    /** The scenario as it is after the current step. */
    public Scenario shown() {
        return state.shown();
    }

    /** The analysis of {@link #shown()} once it has arrived, else null. */
    public DesignAnalysis analysis() {
        DesignAnalysis a = state.analysis();
        return a != null && a.scenario() == state.shown() ? a : null;
    }

    /** Whether the predictions of the current step have arrived. */
    public boolean predicted() {
        return analysis() != null;
    }

    /** The predicted outcome of a link in the current step, or null while the analysis runs. */
    public Outcome predicted(String linkId) {
        DesignAnalysis a = analysis();
        LinkPrediction p = a == null ? null : a.prediction(linkId);
        return p == null ? null : p.outcome();
    }

    /** The outcome the current step expects for a link, or null. */
    public Outcome expected(String linkId) {
        Step s = currentStep();
        return s == null ? null : s.expect().get(linkId);
    }

    private Step currentStep() {
        int n = step();
        return n == 0 ? null : scenario.steps().get(n - 1);
    }

    private void refresh() {
        Step s = currentStep();
        if (s == null) {
            title.set(scenario.title() == null || scenario.title().isBlank() ? scenario.name() : scenario.title());
            narrative.set(scenario.description() == null ? "" : scenario.description().strip());
        } else {
            title.set(s.title());
            narrative.set(s.narrative() == null ? "" : s.narrative().strip());
        }
        position.set(step() == 0 ? "As drawn (" + stepCount() + " steps)" : "Step " + step() + " of " + stepCount());
        refreshRows();
        refreshChanges();
    }

    /**
     * What the current step did ({@link StepChanges}): its own changes at once, then the links it predicts differently
     * and the resources it changes once the analyses of this step and the previous one are known. The previous step's
     * analysis is computed in the background when the presenter has not shown that step yet.
     */
    private void refreshChanges() {
        int n = step();
        DesignAnalysis current = analysis();
        if (current != null) {
            analyses.put(n, current);
        }
        Step s = currentStep();
        DesignAnalysis before = n == 0 ? null : analyses.get(n - 1);
        StepChanges.Result result = StepChanges.of(s, before, current);
        highlighted.retainAll(result.highlighted());
        highlighted.addAll(result.highlighted());
        if (!resourceChanges.equals(result.resources())) {
            resourceChanges.setAll(result.resources());
        }
        if (s != null && before == null) {
            analyseStep(n - 1);
        }
    }

    private void analyseStep(int n) {
        if (!analysing.add(n)) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return service.analyze(Steps.after(scenario, n));
            } catch (Steps.StepException e) {
                return null; // the step does not apply: only its own changes are highlighted
            }
        }, background).thenAcceptAsync(a -> {
            analysing.remove(n);
            if (a != null) {
                analyses.put(n, a);
                if (step() == n + 1) {
                    refreshChanges();
                }
            }
        }, ui);
    }

    private void refreshRows() {
        Map<String, LinkObservation> observed = traffic == null ? Map.of() : traffic.observationsProperty().getValue();
        List<LinkRow> list = new ArrayList<>();
        for (Link link : shown().links()) {
            list.add(new LinkRow(link.id(), expected(link.id()), predicted(link.id()),
                    observed == null ? null : observed.get(link.id())));
        }
        rows.setAll(list);
    }

    /** Connected mode's step applier, or null when presenting without a cluster. */
    public StepApplier cluster() {
        return cluster;
    }

    /** Connected mode: applies the scenario as it is after the current step to the cluster (plan, then apply). */
    public CompletableFuture<ApplyReport> applyStepToCluster() {
        if (cluster == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("presenter mode is not connected to a cluster"));
        }
        return cluster.apply(shown(), step() == 0 ? "As drawn" : "Step " + step());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty narrativeProperty() {
        return narrative.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ObservableList<LinkRow> rows() {
        return rows;
    }

    /** Ids of the elements and links the current step added or changed (empty as drawn). */
    public ObservableSet<String> highlighted() {
        return highlighted;
    }

    /** The resources the current step creates, changes or deletes (empty as drawn). */
    public ObservableList<StepChanges.ResourceChange> resourceChanges() {
        return resourceChanges;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canPreviousProperty() {
        return canPrevious;
    }
}
