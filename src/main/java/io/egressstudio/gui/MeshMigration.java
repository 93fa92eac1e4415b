package io.egressstudio.gui;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.Migration;
import io.egressstudio.gui.document.Edit;
import io.egressstudio.io.Steps;
import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.Scenario;
import java.util.concurrent.Executor;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.gui.window.MainViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Mesh ▸ Migrate: the open scenario rewritten for another mesh flavour. Both designs are predicted off the FX thread;
 * a dialog shows what changes and why, and applying it is one undoable edit.
 */
public final class MeshMigration {
    private final MainViewModel vm;
    private final Executor background;
    private final Executor ui;

    public MeshMigration(MainViewModel vm, Executor background, Executor ui) {
        this.vm = vm;
        this.background = background;
        this.ui = ui;
    }

    public void start(MeshFlavour target, Window owner) {
        Scenario scenario = vm.document().scenario();
        if (!Migration.hasMeshesOtherThan(scenario, target)) {
            show(new Alert(Alert.AlertType.INFORMATION, "Every mesh of " + scenario.name() + " already runs "
                    + target.title() + "."), owner, "migrate-nothing");
            return;
        }
        vm.statusProperty().set("Predicting " + scenario.name() + " on " + target.title() + "…");
        background.execute(() -> {
            try {
                Migration.Report report = Migration.migrate(scenario, target, DesignPipeline.standard());
                ui.execute(() -> offer(report, owner));
            } catch (Steps.StepException | RuntimeException e) {
                ui.execute(() -> {
                    vm.statusProperty().set("Cannot migrate: " + e.getMessage());
                    show(new Alert(Alert.AlertType.ERROR, "Cannot migrate " + scenario.name() + ": " + e.getMessage()),
                            owner, "migrate-error");
                });
            }
        });
    }

    /**
     * The report in a window of its own, sized by its scene (a {@code Dialog} on JavaFX 21 / GTK is shrunk after it
     * is shown, see {@link StageSizing}), with Migrate and Cancel.
     */
    private void offer(Migration.Report report, Window owner) {
        vm.statusProperty().set("Migration to " + report.target().title() + ": " + report.changes().size()
                + (report.changes().size() == 1 ? " link change" : " link changes"));
        TextArea text = new TextArea(String.join("\n", report.lines()));
        text.setEditable(false);
        text.setWrapText(true);
        text.setId("migrate-report");
        Label header = new Label("What changes when " + report.original().name() + " runs on "
                + report.target().title());
        header.getStyleClass().add("panel-title");
        Button migrate = new Button("Migrate");
        migrate.setId("migrate-apply");
        migrate.setDefaultButton(true);
        Button cancel = new Button("Cancel");
        cancel.setId("migrate-cancel");
        cancel.setCancelButton(true);
        HBox buttons = new HBox(8, cancel, migrate);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        BorderPane root = new BorderPane(text, header, null, buttons, null);
        root.setId("migrate-dialog");
        root.setPadding(new Insets(12));
        BorderPane.setMargin(header, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(buttons, new Insets(8, 0, 0, 0));
        root.getStylesheets().add(MeshMigration.class.getResource(Styles.DESIGNER_CSS).toExternalForm());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Migrate to " + report.target().title());
        double width = Math.min(900, screen.getWidth() - 40);
        double height = Math.min(560, screen.getHeight() - 40);
        stage.setScene(new Scene(root, width, height));
        StageSizing.place(stage, new WindowGeometry(screen.getMinX() + (screen.getWidth() - width) / 2,
                screen.getMinY() + (screen.getHeight() - height) / 2, width, height, false, java.util.Map.of()));
        cancel.setOnAction(e -> stage.close());
        migrate.setOnAction(e -> {
            stage.close();
            // an edit made while both designs were predicted would be lost: then nothing is replaced
            boolean done = vm.document().execute(Edit.of("migrate to " + report.target().title(),
                    s -> s == report.original() ? report.migrated() : null));
            vm.statusProperty().set(done ? "Migrated to " + report.target().title() + " (Undo restores the original)"
                    : "The scenario changed while the migration was predicted: migrate again");
        });
        stage.show();
    }

    private static void show(Alert alert, Window owner, String id) {
        alert.getDialogPane().setId(id);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
