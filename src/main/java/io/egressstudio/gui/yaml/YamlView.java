package io.egressstudio.gui.yaml;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The generated YAML, read-only, a line per row (id {@code yaml-text}): select lines with the mouse (shift and ctrl
 * extend) and copy them with the shortcut or the context menu; Copy and Save take the whole text.
 */
public final class YamlView {
    private final BorderPane root = new BorderPane();

    public YamlView(YamlViewModel vm) {
        ListView<String> text = new ListView<>(vm.lines());
        text.setId("yaml-text");
        text.getStyleClass().add("yaml-text");
        text.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem copyLines = new MenuItem("Copy selected lines");
        copyLines.setOnAction(e -> copy(String.join("\n", text.getSelectionModel().getSelectedItems()) + "\n"));
        text.setContextMenu(new ContextMenu(copyLines));
        // not the menu item's accelerator: a context menu's accelerators join the scene's and would take the
        // shortcut from Edit > Copy (the canvas's copy) everywhere in the window
        KeyCombination copyShortcut = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        text.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (copyShortcut.match(e)) {
                copyLines.fire();
                e.consume();
            }
        });
        // a finding's or "jump to field"'s field: its line selected and in view
        vm.focusLineProperty().addListener((o, a, b) -> {
            int line = b.intValue();
            if (line >= 0 && line < text.getItems().size()) {
                text.getSelectionModel().clearAndSelect(line);
                text.scrollTo(Math.max(0, line - 3));
            }
        });
        Label scope = new Label();
        scope.textProperty().bind(vm.scopeProperty());
        CheckBox all = new CheckBox("Whole scenario");
        all.setId("yaml-all");
        all.selectedProperty().bindBidirectional(vm.allProperty());
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("yaml-copy");
        copy.setOnAction(e -> copy(vm.textProperty().get()));
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

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    public Node root() {
        return root;
    }
}
