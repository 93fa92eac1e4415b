package io.egressstudio.gui.cluster;

import io.egressstudio.cluster.DiffText;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A side-by-side diff: the cluster now on the left, after apply on the right, one row per aligned line, changed rows
 * tinted. The rows come from the cluster layer ({@code PlannedChange.diffRows()}), which already masks Secret values.
 */
final class DiffView {
    private static final String MONO = "-fx-font-family: monospace;";

    private final VBox root;

    DiffView(ObservableList<DiffText.Row> rows) {
        ListView<DiffText.Row> list = new ListView<>(rows);
        list.setId("plan-diff");
        list.setPlaceholder(new Label("Select an object to see the cluster now beside what apply leaves"));
        list.setCellFactory(v -> new RowCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        GridPane header = grid(new Label("cluster now"), new Label(" "), new Label("after apply"));
        header.setStyle("-fx-font-weight: bold; -fx-padding: 2 8 2 8;");
        root = new VBox(header, list);
    }

    private static GridPane grid(Label left, Label marker, Label right) {
        GridPane grid = new GridPane();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(48);
        ColumnConstraints middle = new ColumnConstraints();
        middle.setPercentWidth(4);
        grid.getColumnConstraints().addAll(half, middle, half);
        grid.addRow(0, left, marker, right);
        return grid;
    }

    /** One aligned line: left | marker | right. */
    private static final class RowCell extends ListCell<DiffText.Row> {
        private final Label left = new Label();
        private final Label marker = new Label();
        private final Label right = new Label();
        private final GridPane grid = grid(left, marker, right);

        RowCell() {
            for (Label l : new Label[] {left, marker, right}) {
                l.setStyle(MONO);
                l.setMinWidth(0);
            }
        }

        @Override
        protected void updateItem(DiffText.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                setStyle(null);
                return;
            }
            left.setText(row.left());
            marker.setText(String.valueOf(row.marker()));
            right.setText(row.right());
            setText(null);
            setGraphic(grid);
            setStyle("-fx-padding: 0 8 0 8;" + (row.marker() == ' ' ? "" : "-fx-background-color: -color-warning-subtle;"));
        }
    }

    VBox root() {
        return root;
    }
}
