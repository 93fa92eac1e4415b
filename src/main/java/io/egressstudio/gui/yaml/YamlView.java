package io.egressstudio.gui.yaml;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The generated YAML, read-only, with copy and save. Id {@code yaml-text}. */
public final class YamlView {
    private final BorderPane root = new BorderPane();

    public YamlView(YamlViewModel vm) {
        TextArea text = new TextArea();
        text.setId("yaml-text");
        text.getStyleClass().add("yaml-text");
        text.setEditable(false);
        text.textProperty().bind(vm.textProperty());
        Label scope = new Label();
        scope.textProperty().bind(vm.scopeProperty());
        CheckBox all = new CheckBox("Whole scenario");
        all.setId("yaml-all");
        all.selectedProperty().bindBidirectional(vm.allProperty());
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("yaml-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.fullText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        Button save = new Button("Save…", new FontIcon(Feather.SAVE));
        save.setId("yaml-save");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("manifests.yaml");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
            var file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                vm.save(file.toPath());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, scope, spacer, all, copy, save);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.setTop(bar);
        root.setCenter(text);
    }

    public Node root() {
        return root;
    }
}
