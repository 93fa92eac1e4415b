package io.egressstudio.gui;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.gui.presenter.StepChanges;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Scenario;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableSet;

/**
 * What the walkthrough step picked in "Show:" did, for the main window as presenter mode shows it: the ids it added or
 * changed (drawn as "new in this step") and the resources it creates or changes, in one line for the step banner.
 * Comparing with the step before needs that step's analysis, so it runs on the background executor.
 */
final class ShownStepChanges {
    private final MainViewModel vm;
    private final ObservableSet<String> highlighted;
    private final DesignPipeline service = DesignPipeline.standard();
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper resources = new ReadOnlyStringWrapper(this, "resources", "");

    ShownStepChanges(MainViewModel vm, ObservableSet<String> highlighted, Executor background, Executor ui) {
        this.vm = vm;
        this.highlighted = highlighted;
        this.background = background;
        this.ui = ui;
        vm.analysisProperty().addListener((o, a, b) -> refresh());
        vm.stepProperty().addListener((o, a, b) -> refresh());
    }

    /** "Creates or changes: + ServiceEntry … · ~ DestinationRule …", empty when "As drawn" is shown. */
    ReadOnlyStringProperty resourcesProperty() {
        return resources.getReadOnlyProperty();
    }

    private void refresh() {
        int step = vm.stepProperty().get();
        DesignAnalysis after = vm.analysis();
        Scenario walkthrough = vm.document().scenario();
        if (step == 0 || after == null || after.scenario() != vm.shown()) {
            show(StepChanges.Result.NONE);
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return StepChanges.ofStep(walkthrough, step, service, after);
            } catch (Steps.StepException e) {
                return StepChanges.Result.NONE;
            }
        }, background).thenAcceptAsync(result -> {
            if (vm.stepProperty().get() == step && vm.document().scenario() == walkthrough) {
                show(result);
            }
        }, ui);
    }

    private void show(StepChanges.Result result) {
        Set<String> ids = result.highlighted();
        highlighted.retainAll(ids);
        highlighted.addAll(ids);
        resources.set(result.resourceTexts().isEmpty() ? ""
                : "Creates or changes: " + String.join("  ·  ", result.resourceTexts()));
    }
}
