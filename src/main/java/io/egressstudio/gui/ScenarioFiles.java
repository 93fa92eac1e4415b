package io.egressstudio.gui;

import static io.egressstudio.gui.window.MenuItems.item;

import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.model.Scenario;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The window's scenario files: Open…, Save, Save as…, the Open recent menu, and the question before unsaved changes
 * are thrown away. Errors show a dialog; the document stays as it was.
 */
final class ScenarioFiles {
    private static final int MAX_RECENT = 8;

    private final MainViewModel vm;
    /** Where the recent files are remembered between runs. */
    private final Preferences prefs;
    /** The window the dialogs belong to (none before the window shows). */
    private final Supplier<Window> window;
    /** What the window does with a scenario opened from a file (fit it to the canvas). */
    private final Runnable opened;
    private final Menu recent = new Menu("Open recent");

    ScenarioFiles(MainViewModel vm, Preferences prefs, Supplier<Window> window, Runnable opened) {
        this.vm = vm;
        this.prefs = prefs;
        this.window = window;
        this.opened = opened;
        refreshRecent();
    }

    /** File ▸ Open recent: the last files opened or saved, newest first. */
    Menu recentMenu() {
        return recent;
    }

    /** Asks before throwing away unsaved changes. Returns whether to go on. */
    boolean confirmDiscard() {
        if (!vm.document().isDirty()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(window.get());
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + vm.document().scenario().name() + "?");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        alert.getButtonTypes().setAll(save, discard, ButtonType.CANCEL);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            Path file = vm.document().file() != null ? vm.document().file() : chooseSaveFile();
            if (file == null) {
                return false;
            }
            try {
                vm.save(file).join();
            } catch (CompletionException e) {
                return false;
            }
            return true;
        }
        return answer == discard;
    }

    void chooseAndOpen() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = scenarioChooser();
        File file = chooser.showOpenDialog(window.get());
        if (file != null) {
            open(file.toPath());
        }
    }

    /**
     * Opens a scenario file. A file that cannot be used shows a dialog with its located message (file, line,
     * column, field); the document stays as it was.
     */
    CompletableFuture<Scenario> open(Path file) {
        return vm.open(file).whenComplete((scenario, error) -> {
            if (error == null) {
                remember(file);
                opened.run();
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                Alert alert = new Alert(Alert.AlertType.ERROR);
                alert.initOwner(window.get());
                alert.setTitle("Cannot open scenario");
                alert.setHeaderText("Cannot open " + file.getFileName());
                alert.setContentText(cause instanceof ScenarioFormatException sfe ? sfe.getMessage() : String.valueOf(cause.getMessage()));
                alert.getDialogPane().setId("open-error");
                alert.show();
            }
        });
    }

    void save() {
        Path file = vm.document().file();
        if (file == null) {
            saveAs();
        } else {
            saveTo(file);
        }
    }

    void saveAs() {
        Path file = chooseSaveFile();
        if (file != null) {
            saveTo(file);
        }
    }

    /** Saves and records the file as recent; errors show a dialog. */
    CompletableFuture<Path> saveTo(Path file) {
        return vm.save(file).whenComplete((path, error) -> {
            if (error == null) {
                remember(path);
            } else {
                Alert alert = new Alert(Alert.AlertType.ERROR);
                alert.initOwner(window.get());
                alert.setTitle("Cannot save scenario");
                alert.setHeaderText("Cannot save " + file);
                alert.setContentText(saveFailure(error));
                alert.getDialogPane().setId("save-error");
                alert.show();
            }
        });
    }

    /** Why a save failed, in words: the reason alone (the header names the file), never an exception's class. */
    static String saveFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof io.egressstudio.io.AtomicFile.ReadOnlyException) {
            return "The file is read-only. Make it writable, or use Save as… to save under another name.";
        }
        if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (cause instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private Path chooseSaveFile() {
        FileChooser chooser = scenarioChooser();
        chooser.setInitialFileName(vm.document().scenario().name() + ".yaml");
        File file = chooser.showSaveDialog(window.get());
        return file == null ? null : file.toPath();
    }

    private static FileChooser scenarioChooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (YAML)", "*.yaml", "*.yml"));
        return chooser;
    }

    private void remember(Path file) {
        List<String> files = new ArrayList<>(recentFiles());
        files.remove(file.toAbsolutePath().toString());
        files.add(0, file.toAbsolutePath().toString());
        prefs.put("recent", String.join("\n", files.subList(0, Math.min(MAX_RECENT, files.size()))));
        refreshRecent();
    }

    private List<String> recentFiles() {
        String text = prefs.get("recent", "");
        return text.isBlank() ? List.of() : List.of(text.split("\n"));
    }

    private void refreshRecent() {
        recent.getItems().clear();
        for (String f : recentFiles()) {
            recent.getItems().add(item(f, null, null, () -> {
                if (confirmDiscard()) {
                    open(Path.of(f));
                }
            }));
        }
        recent.setDisable(recent.getItems().isEmpty());
    }
}
