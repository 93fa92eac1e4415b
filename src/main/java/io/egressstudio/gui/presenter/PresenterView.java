package io.egressstudio.gui.presenter;

import io.egressstudio.gui.canvas.CanvasView;
import io.egressstudio.gui.canvas.CanvasViewModel;
import io.egressstudio.gui.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Presenter mode's window: the step title and its narrative in large type, the canvas showing the scenario after the
 * step, and per link the expected outcome beside the predicted one (and, live, the observed one). Previous / next /
 * reset (arrow keys, Home); connected, "Apply step to cluster".
 */
public final class PresenterView {
    private final PresenterViewModel vm;
    private final BorderPane root = new BorderPane();
    private final CanvasView canvas;
    private final GridPane outcomes = new GridPane();

    public PresenterView(PresenterViewModel vm) {
        this.vm = vm;
        root.setId("presenter-root");
        root.getStylesheets().add(PresenterView.class.getResource(Styles.DESIGNER_CSS).toExternalForm());

        Label title = new Label();
        title.setId("presenter-title");
        title.textProperty().bind(vm.titleProperty());
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        title.setWrapText(true);
        Label narrative = new Label();
        narrative.setId("presenter-narrative");
        narrative.textProperty().bind(vm.narrativeProperty());
        narrative.setStyle("-fx-font-size: 20px;");
        narrative.setWrapText(true);
        VBox top = new VBox(8, title, narrative);
        if (vm.traffic() != null) {
            // live: which session the observed column comes from, and whether it is current
            Label live = new Label();
            live.setId("presenter-live-status");
            live.textProperty().bind(Bindings.concat("● Observed traffic: ", vm.traffic().statusProperty()));
            live.setStyle("-fx-font-size: 14px;");
            top.getChildren().add(live);
        }
        top.setPadding(new Insets(16, 20, 8, 20));
        root.setTop(top);

        canvas = new CanvasView(new CanvasViewModel(vm.state()));
        canvas.root().setMinSize(200, 200);
        root.setCenter(canvas.root());
        vm.state().analysisProperty().addListener((o, a, b) -> Platform.runLater(canvas::fit));
        // the whole scenario stays in view while the outcomes beside it grow or shrink (an audience cannot pan)
        canvas.root().widthProperty().addListener((o, a, b) -> Platform.runLater(canvas::fit));

        outcomes.setId("presenter-outcomes");
        outcomes.setHgap(16);
        outcomes.setVgap(6);
        outcomes.setPadding(new Insets(16));
        outcomes.setMinWidth(320);
        vm.rows().addListener((ListChangeListener<PresenterViewModel.LinkRow>) c -> renderRows());
        renderRows();
        root.setRight(outcomes);

        Button previous = new Button("◀ Previous");
        previous.setId("presenter-previous");
        previous.disableProperty().bind(vm.canPreviousProperty().not());
        previous.setOnAction(e -> vm.previous());
        Button next = new Button("Next ▶");
        next.setId("presenter-next");
        next.disableProperty().bind(vm.canNextProperty().not());
        next.setOnAction(e -> vm.next());
        Button reset = new Button("Reset");
        reset.setId("presenter-reset");
        reset.setOnAction(e -> vm.reset());
        Label position = new Label();
        position.setId("presenter-position");
        position.textProperty().bind(vm.positionProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, reset, spacer, position, previous, next);
        if (vm.cluster() != null) {
            // connected mode: the current step can be put on the cluster, and the result read out
            Button applyStep = new Button("Apply step to cluster");
            applyStep.setId("presenter-apply-step");
            applyStep.disableProperty().bind(Bindings.not(vm.cluster().availableProperty()));
            applyStep.setOnAction(e -> vm.applyStepToCluster());
            Label result = new Label();
            result.setId("presenter-cluster-result");
            result.setWrapText(true);
            result.textProperty().bind(vm.cluster().resultProperty());
            HBox.setHgrow(result, Priority.SOMETIMES);
            bar.getChildren().add(1, applyStep);
            bar.getChildren().add(2, result);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 20, 12, 20));
        root.setBottom(bar);

        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.SPACE) {
                vm.next();
            } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP) {
                vm.previous();
            } else if (e.getCode() == KeyCode.HOME) {
                vm.reset();
            } else {
                return;
            }
            e.consume();
        });
    }

    private void renderRows() {
        outcomes.getChildren().clear();
        outcomes.add(header("Link"), 0, 0);
        outcomes.add(header("Expected"), 1, 0);
        outcomes.add(header("Predicted"), 2, 0);
        boolean live = vm.traffic() != null;
        if (live) {
            outcomes.add(header("Observed"), 3, 0);
        }
        int r = 1;
        for (PresenterViewModel.LinkRow row : vm.rows()) {
            Label link = new Label(row.linkId());
            Label expected = new Label(row.expectedText());
            Label predicted = new Label(row.predictedText() + (row.matches() || row.predicted() == null ? "" : "  ✗"));
            predicted.setId("presenter-predicted-" + row.linkId());
            expected.setId("presenter-expected-" + row.linkId());
            for (Label l : new Label[] {link, expected, predicted}) {
                l.setStyle("-fx-font-size: 16px;");
            }
            if (!row.matches() && row.predicted() != null) {
                predicted.setStyle("-fx-font-size: 16px; -fx-text-fill: #c62828; -fx-font-weight: bold;");
            }
            outcomes.add(link, 0, r);
            outcomes.add(expected, 1, r);
            outcomes.add(predicted, 2, r);
            if (live) {
                outcomes.add(observed(row), 3, r);
            }
            r++;
        }
    }

    /** The observed state beside the prediction; a contradiction says so in words and in the contradiction colour. */
    private static Label observed(PresenterViewModel.LinkRow row) {
        Label observed = new Label(row.observedText() + (row.contradicted() ? "\n⚠ contradicts the prediction" : ""));
        observed.setId("presenter-observed-" + row.linkId());
        observed.setStyle("-fx-font-size: 16px;");
        if (row.contradicted()) {
            observed.getStyleClass().add("contradicted");
            observed.setStyle("-fx-font-size: 16px; -fx-text-fill: -es-contradiction; -fx-font-weight: bold;");
        }
        return observed;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        return l;
    }

    public BorderPane root() {
        return root;
    }

    /** Opens presenter mode in its own window. */
    public static Stage open(PresenterViewModel vm) {
        PresenterView view = new PresenterView(vm);
        Stage stage = new Stage();
        stage.setTitle("Presenter — " + vm.scenario().name());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view.root(), Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight())));
        stage.setOnHidden(e -> vm.close());
        stage.show();
        view.root().requestFocus();
        Platform.runLater(view.canvas::fit);
        return stage;
    }
}
