package io.egressstudio.gui.cluster;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Connect dialog: the kubeconfig's contexts, Connect, and the connection check's result or why it failed. */
final class ConnectView {
    private final VBox root;

    ConnectView(ClusterSession session) {
        ComboBox<String> contexts = new ComboBox<>(session.contexts());
        contexts.setId("cluster-contexts");
        contexts.setPrefWidth(320);
        contexts.valueProperty().bindBidirectional(session.contextProperty());
        Button reload = new Button("Reload kubeconfig");
        reload.setId("cluster-reload");
        reload.setOnAction(e -> session.loadContexts());
        Button connect = new Button("Connect");
        connect.setId("cluster-connect");
        connect.setDefaultButton(true);
        connect.disableProperty().bind(session.busyProperty().or(session.contextProperty().isNull()));
        connect.setOnAction(e -> session.connect());
        HBox picker = new HBox(8, new Label("Context:"), contexts, connect, reload);
        picker.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("cluster-message");
        message.setWrapText(true);
        message.textProperty().bind(session.messageProperty());
        TextArea check = Windows.text("cluster-check", true);
        check.textProperty().bind(session.checkTextProperty());
        check.setWrapText(true);
        VBox.setVgrow(check, Priority.ALWAYS);
        Label hint = new Label("Contexts come from KUBECONFIG (or ~/.kube/config), as kubectl reads them. "
                + "The API server's certificate is always verified.");
        hint.setWrapText(true);
        root = new VBox(10, picker, message, check, hint);
        root.setPadding(new Insets(12));
        root.setId("cluster-connect-root");
    }

    VBox root() {
        return root;
    }
}
