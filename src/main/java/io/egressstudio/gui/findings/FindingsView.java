package io.egressstudio.gui.findings;

import io.egressstudio.gui.findings.FindingsViewModel.Row;
import io.egressstudio.gui.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Findings and validation problems; a click (or Enter) selects the element and focuses its field. Id {@code findings}. */
public final class FindingsView {
    private final BorderPane root = new BorderPane();

    public FindingsView(FindingsViewModel vm) {
        ListView<Row> list = new ListView<>(vm.rows());
        list.setId("findings");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeIf(c -> c.startsWith("finding-"));
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setText(row.text() + "  — " + row.where());
                getStyleClass().add(Styles.finding(row.severity()));
                setGraphic(new FontIcon("ERROR".equals(row.severity()) ? Feather.ALERT_CIRCLE
                        : "WARNING".equals(row.severity()) ? Feather.ALERT_TRIANGLE : Feather.INFO));
                setTooltip(new Tooltip(row.message() + (row.fix() == null ? "" : "\nFix: " + row.fix())));
            }
        });
        list.setOnMouseClicked(e -> {
            Row row = list.getSelectionModel().getSelectedItem();
            if (row != null) {
                vm.activate(row);
            }
        });
        list.setOnKeyPressed(e -> {
            Row row = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row != null) {
                vm.activate(row);
            }
        });
        Label summary = new Label();
        summary.setId("findings-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(summary);
        root.setCenter(list);
    }

    public Node root() {
        return root;
    }
}
