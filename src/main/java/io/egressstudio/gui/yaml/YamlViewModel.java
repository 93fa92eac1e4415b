package io.egressstudio.gui.yaml;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.FieldLines;
import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.gui.analysis.BackgroundRunner;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.mesh.ResourceSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The YAML pane: the generated manifests of the selection (or of the whole scenario when nothing is selected, or
 * when "all" is on). The text for a selection is written off the FX thread from the last analysis.
 */
public final class YamlViewModel {
    /** @param focus the element field to show the line of (a finding's, "jump to field"), or null */
    private record Request(DesignAnalysis analysis, List<String> ids, String focusId, String focus) {
    }

    private record Written(DesignAnalysis analysis, String text, List<String> lines, int focusLine) {
    }

    private final MainViewModel main;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope", "");
    private final ReadOnlyObjectWrapper<DesignAnalysis> written = new ReadOnlyObjectWrapper<>(this, "written");
    private final BooleanProperty all = new SimpleBooleanProperty(this, "all", false);
    private final ReadOnlyIntegerWrapper focusLine = new ReadOnlyIntegerWrapper(this, "focusLine", -1);
    private final BackgroundRunner<Request, Written> writer;
    private final Executor background;
    /** The lines the writer made last; only its work function (one run at a time) touches it. */
    private volatile List<String> lastWritten = List.of();
    /** The list instance the pane shows (FX thread). */
    private List<String> linesShown;

    public YamlViewModel(MainViewModel main, Executor background, Executor ui) {
        this.main = main;
        this.background = background;
        this.writer = new BackgroundRunner<>(r -> {
            String yaml = render(r);
            // the lines compared here, off the FX thread: unchanged text hands the same list on, which the FX
            // thread tells by identity (an edit's YAML is ~40,000 lines, mostly the same)
            List<String> written = yaml.lines().toList();
            List<String> before = lastWritten;
            lastWritten = written.equals(before) ? before : written;
            return new Written(r.analysis(), yaml, lastWritten, FieldLines.line(r.analysis(), yaml, r.focusId(), r.focus()));
        }, w -> {
            text.set(w.text());
            if (w.lines() != linesShown) {
                lines.setAll(w.lines());
                linesShown = w.lines();
            }
            focusLine.set(w.focusLine());
            written.set(w.analysis());
        }, e -> {
            text.set("# cannot write: " + e);
            lines.setAll(text.get());
            linesShown = null;
        }, background, ui);
        main.analysisProperty().addListener((o, a, b) -> update());
        main.selection().ids().addListener((javafx.collections.ListChangeListener<String>) c -> update());
        main.selection().focusFieldProperty().addListener((o, a, b) -> update());
        all.addListener((o, a, b) -> update());
        update();
    }

    private static String render(Request r) {
        DesignAnalysis a = r.analysis();
        if (a.resources() == null) {
            return "# " + (a.error() == null ? "nothing generated" : a.error()) + "\n";
        }
        String yaml = DesignPipeline.yamlFor(a, r.ids());
        return yaml.isEmpty() ? "# no resources come from " + String.join(", ", r.ids()) + " alone\n" : yaml;
    }

    private void update() {
        DesignAnalysis a = main.analysis();
        if (a == null) {
            return;
        }
        List<String> ids = all.get() ? List.of() : List.copyOf(main.selection().ids());
        scope.set(ids.isEmpty() ? "All resources" : "Resources of " + String.join(", ", ids));
        String focused = main.selection().single();
        String field = focused == null ? null : main.selection().focusFieldProperty().get();
        writer.submit(new Request(a, ids, focused, field));
    }

    /**
     * The line (0-based) of the field the user was sent to (a finding's field, "jump to field"), which the pane
     * selects and scrolls to; -1 when there is none in the text shown.
     */
    public ReadOnlyIntegerProperty focusLineProperty() {
        return focusLine.getReadOnlyProperty();
    }

    /** The whole text shown (Copy and Save take it). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /**
     * The text's lines, which the pane shows in a virtualized list: a TextArea lays out all of its text on the FX
     * thread whenever it changes (32,000 characters took 20 ms an edit), a list only the rows in view, so the pane
     * shows the whole YAML of any scenario.
     */
    public ObservableList<String> lines() {
        return lines;
    }

    /** The analysis the shown text was written from: the text is current when this is the main analysis. */
    public ReadOnlyObjectProperty<DesignAnalysis> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    public BooleanProperty allProperty() {
        return all;
    }

    /** Writes the shown text (the selection or all) to a file, atomically, off the FX thread. */
    public java.util.concurrent.CompletableFuture<Path> save(Path file) {
        String content = text.get();
        java.util.concurrent.CompletableFuture<Path> done = new java.util.concurrent.CompletableFuture<>();
        background.execute(() -> {
            try {
                byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                io.egressstudio.io.AtomicFile.write(file, out -> out.write(bytes));
                done.complete(file);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The resources the text shows, counted. */
    public static int count(ResourceSet set) {
        return ManifestWriter.ordered(set).size();
    }
}
