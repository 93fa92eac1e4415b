package io.egressstudio.gui.live;

import java.io.File;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Live › Connect to Prometheus…: the URL, an optional Kiali URL, a bearer token, a CA file and the poll interval.
 * The Connect button stays pressed-in-vain until {@link ConnectForm#check()} passes; the reason shows in the dialog.
 * Ids: {@code live-prometheus-url}, {@code live-kiali-url}, {@code live-token}, {@code live-ca-file},
 * {@code live-interval}, {@code live-connect-error}, {@code live-connect-button}.
 */
final class ConnectDialog extends Dialog<ConnectForm.Checked> {
    static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    private final TextField prometheus = field("live-prometheus-url", "http://127.0.0.1:9090");
    private final TextField kiali = field("live-kiali-url", "optional, e.g. http://127.0.0.1:20001/kiali");
    private final PasswordField token = new PasswordField();
    private final TextField ca = field("live-ca-file", "optional PEM file of the servers' CA");
    private final TextField interval = field("live-interval", "5s");
    private final Label error = new Label();
    private ConnectForm.Checked checked;

    ConnectDialog(Window owner, String lastUrl) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Connect to Prometheus");
        setHeaderText("Show the traffic Prometheus sees beside each link's prediction");
        token.setId("live-token");
        token.setPromptText("optional bearer token, e.g. from 'oc whoami -t'");
        interval.setText("5s");
        if (lastUrl != null) {
            prometheus.setText(lastUrl);
        }
        error.setId("live-connect-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("CA certificate (PEM)");
            File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                ca.setText(file.getPath());
            }
        });
        HBox caRow = new HBox(6, ca, browse);
        HBox.setHgrow(ca, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Prometheus URL"), prometheus);
        grid.addRow(1, new Label("Kiali URL"), kiali);
        grid.addRow(2, new Label("Bearer token"), token);
        grid.addRow(3, new Label("CA file"), caRow);
        grid.addRow(4, new Label("Poll interval"), interval);
        grid.add(error, 0, 5, 2, 1);
        prometheus.setPrefColumnCount(32);
        getDialogPane().setContent(grid);
        getDialogPane().setId("live-connect-dialog");
        getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        Button connect = (Button) getDialogPane().lookupButton(CONNECT);
        connect.setId("live-connect-button");
        // check before closing: a bad field keeps the dialog open with the reason
        connect.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                checked = new ConnectForm(prometheus.getText(), kiali.getText(), token.getText(), ca.getText(),
                        interval.getText()).check();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(button -> button == CONNECT ? checked : null);
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
