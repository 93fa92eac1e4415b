package io.egressstudio.gui.cluster;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * An apply, rollback or removal in progress: a progress bar, the object being worked on, one line per object done,
 * Cancel, and the report with Rollback when an apply did not complete. Shows one {@link OperationViewModel} at a
 * time; Rollback switches it to the rollback's.
 */
final class OperationView {
    private final VBox root = new VBox(6);
    private final ProgressBar progress = new ProgressBar(0);
    private final Label current = new Label();
    private final ListView<String> results = new ListView<>();
    private final Label summary = new Label();
    private final Label failure = new Label();
    private final Button cancel = new Button("Cancel");
    private final Button rollback = new Button("Roll back");
    private OperationViewModel shown;

    OperationView() {
        root.setId("operation-root");
        progress.setId("operation-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        current.setId("operation-current");
        results.setId("operation-results");
        results.setPrefHeight(160);
        summary.setId("operation-summary");
        summary.setWrapText(true);
        failure.setId("operation-failure");
        failure.setWrapText(true);
        failure.setStyle("-fx-text-fill: -color-danger-fg;");
        cancel.setId("operation-cancel");
        rollback.setId("operation-rollback");
        cancel.setOnAction(e -> {
            if (shown != null) {
                shown.cancel();
            }
        });
        rollback.setOnAction(e -> {
            if (shown != null) {
                OperationViewModel undo = shown.rollback();
                if (undo != null) {
                    show(undo);
                }
            }
        });
        HBox bar = new HBox(8, progress, cancel, rollback);
        bar.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(bar, current, results, failure, summary);
        VBox.setVgrow(results, Priority.ALWAYS);
        root.setVisible(false);
        root.setManaged(false);
    }

    void show(OperationViewModel vm) {
        shown = vm;
        root.setVisible(vm != null);
        root.setManaged(vm != null);
        if (vm == null) {
            return;
        }
        progress.progressProperty().bind(vm.progressProperty());
        current.textProperty().bind(vm.currentProperty());
        results.setItems(vm.results());
        summary.textProperty().bind(vm.summaryProperty());
        failure.textProperty().bind(vm.failureProperty());
        failure.managedProperty().bind(vm.failureProperty().isNotEmpty());
        failure.visibleProperty().bind(failure.managedProperty());
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        cancel.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.kind() != OperationViewModel.Kind.ROLLBACK));
        rollback.disableProperty().bind(vm.canRollbackProperty().not());
        rollback.visibleProperty().bind(vm.canRollbackProperty());
        rollback.managedProperty().bind(rollback.visibleProperty());
        rollback.setText("Roll back scenario " + vm.scenario());
        vm.results().addListener((javafx.collections.ListChangeListener<String>) c ->
                results.scrollTo(results.getItems().size() - 1));
    }

    VBox root() {
        return root;
    }
}
