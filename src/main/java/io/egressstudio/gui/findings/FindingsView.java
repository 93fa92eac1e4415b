package io.egressstudio.gui.findings;

import io.egressstudio.gui.findings.FindingsViewModel.Row;
import io.egressstudio.gui.theme.Styles;
import java.util.Objects;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Findings and validation problems; a click (or Enter) selects the element and focuses its field. Each row shows the
 * whole message and its fix, wrapped to the pane's width, and an "Apply fix" button where the finding has a one-click
 * fix. Id {@code findings}; the buttons have style class {@code apply-fix}.
 */
public final class FindingsView {
    /** Room the list keeps beside a row's text: the icon, the button, the scroll bar and the paddings. */
    private static final double ROW_CHROME = 40;

    private final BorderPane root = new BorderPane();

    public FindingsView(FindingsViewModel vm) {
        ListView<Row> list = new ListView<>(vm.rows());
        list.setId("findings");
        list.setCellFactory(v -> new FindingCell(vm, list));
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
        summary.setWrapText(true);
        summary.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(summary);
        root.setCenter(list);
    }

    public Node root() {
        return root;
    }

    /**
     * A row: icon, the message and its fix wrapped to the list's width, and the Apply fix button when there is a quick
     * fix. Its nodes are made once per cell and updated: cells are reused for other rows on every scroll and refresh.
     */
    private static final class FindingCell extends ListCell<Row> {
        private final FindingsViewModel vm;
        private final Tooltip tooltip = new Tooltip();
        private final FontIcon icon = new FontIcon(Feather.INFO);
        private final Label message = new Label();
        private final Label fix = new Label();
        private final Label where = new Label();
        private final Button apply = new Button("Apply fix");
        private final Tooltip applyTooltip = new Tooltip();
        private final HBox box;
        private String severityClass;

        FindingCell(FindingsViewModel vm, ListView<Row> list) {
            this.vm = vm;
            message.setWrapText(true);
            message.getStyleClass().add("finding-message");
            fix.setWrapText(true);
            fix.getStyleClass().add("finding-fix");
            where.setWrapText(true);
            where.getStyleClass().addAll("finding-where", "text-muted"); // AtlantaFX's muted text
            VBox text = new VBox(2, message, fix, where);
            HBox.setHgrow(text, Priority.ALWAYS);
            apply.getStyleClass().add("apply-fix");
            apply.setFocusTraversable(false);
            apply.setOnAction(e -> {
                if (getItem() != null) {
                    vm.applyFix(getItem());
                }
            });
            BooleanBinding disabled = vm.fixesDisabledProperty();
            apply.disableProperty().bind(disabled);
            box = new HBox(8, icon, text, apply);
            box.setAlignment(Pos.TOP_LEFT);
            apply.setMinWidth(Region.USE_PREF_SIZE);
            // wrap at the list's width instead of growing the row (and the list) sideways: a label's preferred height
            // follows its preferred width, so each label is given the width left beside the icon and the button
            DoubleBinding width = list.widthProperty().subtract(ROW_CHROME).subtract(icon.getIconSize())
                    .subtract(apply.widthProperty());
            for (Label label : List.of(message, fix, where)) {
                label.prefWidthProperty().bind(width);
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                severity(null);
                return;
            }
            message.setText(row.text());
            fix.setText(row.fix() == null ? "" : "Fix: " + row.fix());
            fix.setVisible(row.fix() != null);
            fix.setManaged(row.fix() != null);
            where.setText(row.elementId() == null ? row.where()
                    : "On " + row.elementId() + (row.field() == null ? "" : " › " + row.field()) + "  ·  " + row.where());
            severity(Styles.finding(row.severity()));
            icon.setIconCode("ERROR".equals(row.severity()) ? Feather.ALERT_CIRCLE
                    : "WARNING".equals(row.severity()) ? Feather.ALERT_TRIANGLE : Feather.INFO);
            boolean fixable = row.quickFix() != null;
            apply.setVisible(fixable);
            apply.setManaged(fixable);
            applyTooltip.setText(fixable ? row.quickFix().label() : "");
            apply.setTooltip(fixable ? applyTooltip : null);
            setGraphic(box);
            tooltip.setText(row.message() + (row.fix() == null ? "" : "\nFix: " + row.fix()));
            setTooltip(tooltip);
        }

        /** Swaps the severity class only when it changes (each swap re-applies the cell's CSS). */
        private void severity(String styleClass) {
            if (Objects.equals(styleClass, severityClass)) {
                return;
            }
            if (severityClass != null) {
                message.getStyleClass().remove(severityClass);
            }
            if (styleClass != null) {
                message.getStyleClass().add(styleClass);
            }
            severityClass = styleClass;
        }
    }
}
