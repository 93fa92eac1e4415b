package io.egressstudio.gui.live;

import io.egressstudio.cluster.Connector;
import io.egressstudio.cluster.KubeContext;
import io.egressstudio.cluster.PortForwarder;
import java.io.File;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
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
 * Live › Connect to Prometheus…: the URL, an optional Kiali URL, a bearer token, a CA file and the poll interval; or
 * "find through the cluster": a kubeconfig context and the control plane's namespace (its Route, else a
 * port-forward). Connect does nothing but show the reason until the form's check passes.
 * Ids: {@code live-prometheus-url}, {@code live-kiali-url}, {@code live-token}, {@code live-ca-file},
 * {@code live-interval}, {@code live-through-cluster}, {@code live-context}, {@code live-namespace},
 * {@code live-port-forward}, {@code live-find-kiali}, {@code live-connect-error}, {@code live-connect-button}.
 */
final class ConnectDialog extends Dialog<ConnectForm.Checked> {
    static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    private final TextField prometheus = field("live-prometheus-url", "http://127.0.0.1:9090");
    private final TextField kiali = field("live-kiali-url", "optional, e.g. http://127.0.0.1:20001/kiali");
    private final PasswordField token = new PasswordField();
    private final TextField ca = field("live-ca-file", "optional PEM file of the servers' CA");
    private final TextField interval = field("live-interval", "5s");
    private final Label error = new Label();
    private final CheckBox throughCluster = new CheckBox("Find Prometheus through the cluster");
    private final ComboBox<String> context = new ComboBox<>();
    private final TextField namespace = field("live-namespace", "istio-system");
    private final CheckBox portForward = new CheckBox("Port-forward even when there is a Route");
    private final CheckBox findKiali = new CheckBox("Find Kiali too");
    private ConnectForm.Checked checked;

    /**
     * @param contexts the kubeconfig's contexts, read off the UI thread (they fill the context list when ready)
     * @param ui       where to fill them in
     */
    ConnectDialog(Window owner, String lastUrl, CompletionStage<List<KubeContext>> contexts, Executor ui,
                  Connector connector, PortForwarder forwarder) {
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

        throughCluster.setId("live-through-cluster");
        context.setId("live-context");
        context.setEditable(true);
        context.setPromptText("reading the kubeconfig …");
        portForward.setId("live-port-forward");
        findKiali.setId("live-find-kiali");
        contexts.whenCompleteAsync((list, failure) -> {
            if (failure != null) {
                context.setPromptText("no kubeconfig contexts: " + rootMessage(failure));
                return;
            }
            context.setPromptText(list.isEmpty() ? "no contexts in the kubeconfig" : "a kubeconfig context");
            list.forEach(c -> context.getItems().add(c.name()));
            list.stream().filter(KubeContext::current).findFirst().ifPresent(c -> {
                if (context.getValue() == null || context.getValue().isBlank()) {
                    context.setValue(c.name());
                }
            });
        }, ui);
        for (javafx.scene.Node n : List.of(context, namespace, portForward, findKiali)) {
            n.disableProperty().bind(throughCluster.selectedProperty().not());
        }
        prometheus.disableProperty().bind(throughCluster.selectedProperty());
        kiali.disableProperty().bind(throughCluster.selectedProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Prometheus URL"), prometheus);
        grid.addRow(1, new Label("Kiali URL"), kiali);
        grid.addRow(2, new Label("Bearer token"), token);
        grid.addRow(3, new Label("CA file"), caRow);
        grid.addRow(4, new Label("Poll interval"), interval);
        grid.add(throughCluster, 0, 5, 2, 1);
        grid.addRow(6, new Label("Context"), context);
        grid.addRow(7, new Label("Namespace"), namespace);
        grid.add(new HBox(12, portForward, findKiali), 1, 8);
        grid.add(error, 0, 9, 2, 1);
        context.setMaxWidth(Double.MAX_VALUE);
        prometheus.setPrefColumnCount(32);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        getDialogPane().getStylesheets().add(ConnectDialog.class.getResource(
                io.egressstudio.gui.theme.Styles.DESIGNER_CSS).toExternalForm());
        getDialogPane().setContent(grid);
        getDialogPane().setId("live-connect-dialog");
        getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        Button connect = (Button) getDialogPane().lookupButton(CONNECT);
        connect.setId("live-connect-button");
        // check before closing: a bad field keeps the dialog open with the reason
        connect.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                checked = throughCluster.isSelected()
                        ? new ClusterForm(context.getEditor().getText(), namespace.getText(), portForward.isSelected(),
                                findKiali.isSelected(), token.getText(), ca.getText(), interval.getText())
                                .check(connector, forwarder)
                        : new ConnectForm(prometheus.getText(), kiali.getText(), token.getText(), ca.getText(),
                                interval.getText()).check();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(button -> button == CONNECT ? checked : null);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
