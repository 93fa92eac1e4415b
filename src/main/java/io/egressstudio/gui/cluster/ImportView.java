package io.egressstudio.gui.cluster;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Import from cluster: the namespaces to read, Import, and what was read (notes on what could not be known). */
final class ImportView {
    private final VBox root;

    ImportView(ImportViewModel vm, ClusterSession session) {
        TextField namespaces = new TextField();
        namespaces.setId("import-namespaces");
        namespaces.textProperty().bindBidirectional(vm.namespacesProperty());
        namespaces.setPromptText("istio-system greetings-client …");
        HBox.setHgrow(namespaces, Priority.ALWAYS);
        Button run = new Button("Import and open");
        run.setId("import-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(session.busyProperty());
        run.setOnAction(e -> vm.run());
        HBox line = new HBox(8, new Label("Namespaces:"), namespaces, run);
        line.setAlignment(Pos.CENTER_LEFT);
        TextArea result = Windows.text("import-result", false);
        result.textProperty().bind(vm.resultProperty());
        VBox.setVgrow(result, Priority.ALWAYS);
        Label hint = new Label("Reads the Istio, Maistra, federation and Route configuration of these namespaces "
                + "(include the control-plane namespaces), with their Deployments and Services. Secret values are "
                + "left out.");
        hint.setWrapText(true);
        root = new VBox(10, line, hint, result);
        root.setPadding(new Insets(12));
        root.setId("import-root");
    }

    VBox root() {
        return root;
    }
}
