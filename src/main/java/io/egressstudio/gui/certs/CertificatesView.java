package io.egressstudio.gui.certs;

import io.egressstudio.gui.theme.Styles;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Certificates window: the scenario's certificates (kind, subject, SANs, issuer, validity, expiry once issued),
 * where their keys are kept, and "Issue certificates".
 */
public final class CertificatesView {
    private final CertificatesViewModel vm;
    private final VBox root = new VBox(8);

    public CertificatesView(CertificatesViewModel vm) {
        this.vm = vm;
        root.setId("certificates");
        root.setPadding(new Insets(10));
        TableView<CertificatesViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("certificates-table");
        table.getColumns().add(column("Id", CertificatesViewModel.Row::id, 190));
        table.getColumns().add(column("Kind", CertificatesViewModel.Row::kind, 70));
        table.getColumns().add(column("Subject", CertificatesViewModel.Row::subject, 200));
        table.getColumns().add(column("SANs", CertificatesViewModel.Row::names, 330));
        table.getColumns().add(column("Issuer", CertificatesViewModel.Row::issuer, 140));
        table.getColumns().add(column("Validity", CertificatesViewModel.Row::validity, 90));
        table.getColumns().add(column("Expires", CertificatesViewModel.Row::expires, 220));
        table.setPlaceholder(new Label("No certificates yet: use \"New CA\" or \"New client certificate\" beside a "
                + "certificate field of the inspector."));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label folder = new Label();
        folder.setId("certificates-folder");
        folder.textProperty().bind(vm.folderProperty().map(f -> "Keys and certificates: " + f
                + " (only on this computer; never in the scenario file)"));
        folder.setWrapText(true);

        Button issue = new Button("Issue certificates");
        issue.setId("issue-certificates");
        issue.setDefaultButton(true);
        issue.setMinWidth(Region.USE_PREF_SIZE);
        issue.setTooltip(new Tooltip("Make a key and certificate for every certificate not issued yet (or whose "
                + "names changed); the Secrets are then filled when generating and applying."));
        issue.disableProperty().bind(vm.busyProperty());
        issue.setOnAction(e -> vm.issue());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("certificates-progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("certificates-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        Region gap = new Region();
        HBox actions = new HBox(8, issue, progress, status, gap);
        actions.setMinHeight(Region.USE_PREF_SIZE);
        root.getChildren().addAll(folder, table, actions);
    }

    private static TableColumn<CertificatesViewModel.Row, String> column(
            String title, Function<CertificatesViewModel.Row, String> value, double width) {
        TableColumn<CertificatesViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return column;
    }

    public Parent root() {
        return root;
    }

    /** Opens the window, owned by {@code owner}, never larger than the screen. */
    public Stage open(Window owner) {
        root.getStylesheets().add(CertificatesView.class.getResource(Styles.DESIGNER_CSS).toExternalForm());
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Certificates");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root, Math.min(1280, screen.getWidth()), Math.min(420, screen.getHeight())));
        stage.setOnShown(e -> vm.refresh());
        stage.show();
        return stage;
    }
}
