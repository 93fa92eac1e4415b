package io.egressstudio.gui;

import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.ExportOptions;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * File ▸ Export PNG…: the image's size (1920 x 1080 for slides, 1280 x 720, or custom), its scale (2x: twice the
 * pixels, the same layout), the title and legend on or off, and the theme. Its result is the options for
 * {@link DiagramImages#png}. Ids: {@code export-size}, {@code export-width}, {@code export-height},
 * {@code export-scale-1}, {@code export-scale-2}, {@code export-title}, {@code export-legend}, {@code export-theme}.
 */
public final class ExportPngDialog extends Dialog<ExportOptions> {
    public static final ButtonType EXPORT = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);

    /** A size to pick; CUSTOM takes the width and height fields. */
    public enum Preset {
        SLIDES("1920 × 1080 (slides)", 1920, 1080), HD("1280 × 720", 1280, 720), CUSTOM("Custom", 0, 0);

        private final String label;
        private final int width;
        private final int height;

        Preset(String label, int width, int height) {
            this.label = label;
            this.width = width;
            this.height = height;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ComboBox<Preset> size = new ComboBox<>();
    private final Spinner<Integer> width = spinner("export-width", Preset.SLIDES.width);
    private final Spinner<Integer> height = spinner("export-height", Preset.SLIDES.height);
    private final ToggleGroup scale = new ToggleGroup();
    private final RadioButton once = radio("export-scale-1", "1×", 1);
    private final RadioButton twice = radio("export-scale-2", "2× (sharp on slides)", 2);
    private final CheckBox title = check("export-title", "Title (and the step shown)");
    private final CheckBox legend = check("export-legend", "Legend");
    private final ComboBox<String> theme = new ComboBox<>();
    private final String caption;

    /**
     * @param dark    whether the window shows the dark theme (the theme offered first)
     * @param caption the line under the title: the walkthrough step shown, or null
     */
    public ExportPngDialog(Window owner, boolean dark, String caption) {
        this.caption = caption;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Export PNG");
        setHeaderText("The whole diagram, fitted into the image, with its title and legend");
        size.setId("export-size");
        size.getItems().setAll(Preset.values());
        // the fields show the preset's size, greyed, and start from it when the user switches to Custom
        size.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != Preset.CUSTOM) {
                width.getValueFactory().setValue(now.width);
                height.getValueFactory().setValue(now.height);
            }
        });
        size.setValue(Preset.SLIDES);
        width.disableProperty().bind(size.valueProperty().isNotEqualTo(Preset.CUSTOM));
        height.disableProperty().bind(size.valueProperty().isNotEqualTo(Preset.CUSTOM));
        twice.setSelected(true);
        theme.setId("export-theme");
        theme.getItems().setAll(List.of("Light", "Dark"));
        theme.setValue(dark ? "Dark" : "Light");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Size"), size);
        form.addRow(1, new Label("Width × height"), new HBox(6, width, new Label("×"), height));
        form.addRow(2, new Label("Scale"), new HBox(12, once, twice));
        form.addRow(3, new Label("Show"), new HBox(12, title, legend));
        form.addRow(4, new Label("Theme"), theme);
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL);
        setResultConverter(button -> button == EXPORT ? options() : null);
    }

    /** The options as chosen now. */
    public ExportOptions options() {
        Preset preset = size.getValue() == null ? Preset.SLIDES : size.getValue();
        int w = preset == Preset.CUSTOM ? width.getValue() : preset.width;
        int h = preset == Preset.CUSTOM ? height.getValue() : preset.height;
        double s = scale.getSelectedToggle() == null ? 1 : (Integer) scale.getSelectedToggle().getUserData();
        return new ExportOptions(w, h, s, title.isSelected(), legend.isSelected(), "Dark".equals(theme.getValue()), caption);
    }

    /** Shows the dialog and waits: the options chosen, or empty when cancelled. */
    public Optional<ExportOptions> ask() {
        return showAndWait();
    }

    /** The line under an export's title for what the window shows: the step ("After step 2: ..."), or null. */
    public static String caption(MainViewModel vm) {
        int step = vm.stepProperty().get();
        return step <= 0 || step >= vm.stepChoices().size() ? null : vm.stepChoices().get(step);
    }

    private static Spinner<Integer> spinner(String id, int value) {
        Spinner<Integer> spinner = new Spinner<>(ExportOptions.MIN_SIZE, ExportOptions.MAX_SIZE, value, 10);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(100);
        return spinner;
    }

    private RadioButton radio(String id, String text, int factor) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setUserData(factor);
        button.setToggleGroup(scale);
        return button;
    }

    private static CheckBox check(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(true);
        return box;
    }
}
