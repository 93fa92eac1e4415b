package io.egressstudio.gui.cluster;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The plan window: one row per object with what apply does to it (create, update, unchanged, delete), the selected
 * object's side-by-side diff (the cluster now on the left, after apply on the right, Secret values masked), a note
 * when server-side dry run was not available, Plan again, Apply, and the apply's progress below.
 */
final class PlanView {
    private final BorderPane root = new BorderPane();

    PlanView(PlanViewModel vm) {
        root.setId("plan-root");
        Label header = label("plan-header", vm.headerProperty());
        header.setStyle("-fx-font-weight: bold;");
        Label dryRun = label("plan-dry-run-note", vm.dryRunNoteProperty());
        dryRun.managedProperty().bind(vm.dryRunNoteProperty().isNotEmpty());
        dryRun.visibleProperty().bind(dryRun.managedProperty());
        dryRun.setStyle("-fx-text-fill: -color-warning-fg;");
        Label message = label("plan-message", vm.messageProperty());
        VBox top = new VBox(4, header, dryRun, message);
        top.setPadding(new Insets(10, 10, 6, 10));
        root.setTop(top);

        TableView<PlanRow> table = new TableView<>(vm.rows());
        table.setId("plan-table");
        table.getColumns().add(column("Action", PlanRow::action, 95));
        table.getColumns().add(column("Kind", PlanRow::kind, 170));
        table.getColumns().add(column("Namespace", PlanRow::namespace, 140));
        table.getColumns().add(column("Name", PlanRow::name, 220));
        table.getColumns().add(column("Details", PlanRow::details, 260));
        table.setPlaceholder(new Label("No plan yet"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        SplitPane centre = new SplitPane(table, new DiffView(vm.diffRows()).root());
        centre.setDividerPositions(0.45);
        root.setCenter(centre);

        Label summary = label("plan-summary", vm.summaryProperty());
        Button refresh = new Button("Plan again");
        refresh.setId("plan-refresh");
        refresh.disableProperty().bind(vm.session().busyProperty());
        refresh.setOnAction(e -> vm.refresh());
        boolean removal = vm.mode() == PlanViewModel.Mode.REMOVE;
        Button apply = new Button(removal ? "Remove from cluster" : "Apply");
        apply.setId("plan-apply");
        apply.disableProperty().bind(vm.canApplyProperty().not());
        OperationView operation = new OperationView();
        apply.setOnAction(e -> operation.show(vm.apply()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button certificates = new Button("Certificates…");
        certificates.setId("plan-certificates");
        certificates.setVisible(!removal);
        certificates.setManaged(!removal);
        certificates.setTooltip(new javafx.scene.control.Tooltip("Choose the folder 'certs scenario' wrote (ID.crt, "
                + "ID.key) to fill the scenario's Secrets; without it they are listed as pending and not applied"));
        certificates.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Folder with the scenario's certificates");
            java.io.File folder = chooser.showDialog(root.getScene().getWindow());
            if (folder != null) {
                vm.certificatesProperty().set(folder.toPath());
                vm.refresh();
            }
        });
        Label folder = new Label();
        folder.setId("plan-certificates-folder");
        folder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.certificatesProperty().get() == null ? "" : "certificates: " + vm.certificatesProperty().get(),
                vm.certificatesProperty()));
        HBox buttons = new HBox(8, summary, spacer, folder, certificates, refresh, apply);
        buttons.setAlignment(Pos.CENTER_LEFT);
        TextArea notes = Windows.text("plan-notes", false);
        notes.textProperty().bind(vm.notesProperty());
        notes.setPrefRowCount(3);
        VBox bottom = new VBox(6, buttons, operation.root(), notes);
        bottom.setPadding(new Insets(6, 10, 10, 10));
        root.setBottom(bottom);
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    private static TableColumn<PlanRow, String> column(String title, Function<PlanRow, String> value, double width) {
        TableColumn<PlanRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    BorderPane root() {
        return root;
    }
}
