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
        list.getStyleClass().add("fixed-rows");
        list.setCellFactory(v -> new FindingCell());
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

    /**
     * A row. Its tooltip and icon are made once per cell and updated: cells are reused for other rows on every
     * scroll and refresh, and a new Tooltip (a popup window with its own scene) per update showed in profiles.
     */
    private static final class FindingCell extends ListCell<Row> {
        private final Tooltip tooltip = new Tooltip();
        private final FontIcon icon = new FontIcon(Feather.INFO);
        private String severityClass;

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                severity(null);
                return;
            }
            setText(row.text() + "  — " + row.where());
            severity(Styles.finding(row.severity()));
            icon.setIconCode("ERROR".equals(row.severity()) ? Feather.ALERT_CIRCLE
                    : "WARNING".equals(row.severity()) ? Feather.ALERT_TRIANGLE : Feather.INFO);
            setGraphic(icon);
            tooltip.setText(row.message() + (row.fix() == null ? "" : "\nFix: " + row.fix()));
            setTooltip(tooltip);
        }

        /** Swaps the severity class only when it changes (each swap re-applies the cell's CSS). */
        private void severity(String styleClass) {
            if (java.util.Objects.equals(styleClass, severityClass)) {
                return;
            }
            if (severityClass != null) {
                getStyleClass().remove(severityClass);
            }
            if (styleClass != null) {
                getStyleClass().add(styleClass);
            }
            severityClass = styleClass;
        }
    }
}
