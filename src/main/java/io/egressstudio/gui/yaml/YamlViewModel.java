package io.egressstudio.gui.yaml;

import io.egressstudio.gui.MainViewModel;
import io.egressstudio.gui.analysis.AnalysisService;
import io.egressstudio.gui.analysis.BackgroundRunner;
import io.egressstudio.gui.analysis.DesignAnalysis;
import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.mesh.ResourceSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The YAML pane: the generated manifests of the selection (or of the whole scenario when nothing is selected, or
 * when "all" is on). The text for a selection is written off the FX thread from the last analysis.
 */
public final class YamlViewModel {
    private record Request(DesignAnalysis analysis, List<String> ids) {
    }

    private record Written(DesignAnalysis analysis, String text) {
    }

    private final MainViewModel main;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope", "");
    private final ReadOnlyObjectWrapper<DesignAnalysis> written = new ReadOnlyObjectWrapper<>(this, "written");
    private final BooleanProperty all = new SimpleBooleanProperty(this, "all", false);
    /**
     * A TextArea lays out all of its text on the FX thread whenever it changes (200,000 characters took 100-250 ms
     * per edit): beyond this the pane shows the start, and Copy and Save take everything.
     */
    static final int SHOWN_LIMIT = 32_000;
    private volatile String full = "";
    private final BackgroundRunner<Request, Written> writer;
    private final Executor background;

    public YamlViewModel(MainViewModel main, Executor background, Executor ui) {
        this.main = main;
        this.background = background;
        this.writer = new BackgroundRunner<>(r -> {
            String yaml = render(r);
            full = yaml;
            return new Written(r.analysis(), yaml.length() <= SHOWN_LIMIT ? yaml
                    : yaml.substring(0, yaml.lastIndexOf("\n---", SHOWN_LIMIT) + 1) + "# ... "
                    + (yaml.length() / 1024) + " KiB in all: the rest is left out here; Copy and Save take everything\n");
        }, w -> {
            text.set(w.text());
            written.set(w.analysis());
        }, e -> text.set("# cannot write: " + e), background, ui);
        main.analysisProperty().addListener((o, a, b) -> update());
        main.selection().ids().addListener((javafx.collections.ListChangeListener<String>) c -> update());
        all.addListener((o, a, b) -> update());
        update();
    }

    private static String render(Request r) {
        DesignAnalysis a = r.analysis();
        if (a.resources() == null) {
            return "# " + (a.error() == null ? "nothing generated" : a.error()) + "\n";
        }
        String yaml = AnalysisService.yamlFor(a, r.ids());
        return yaml.isEmpty() ? "# no resources come from " + String.join(", ", r.ids()) + " alone\n" : yaml;
    }

    private void update() {
        DesignAnalysis a = main.analysis();
        if (a == null) {
            return;
        }
        List<String> ids = all.get() ? List.of() : List.copyOf(main.selection().ids());
        scope.set(ids.isEmpty() ? "All resources" : "Resources of " + String.join(", ", ids));
        writer.submit(new Request(a, ids));
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
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
        String content = full;
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

    /** Everything, also when the pane shows only the start. */
    public String fullText() {
        return full;
    }

    /** The resources the text shows, counted. */
    public static int count(ResourceSet set) {
        return ManifestWriter.ordered(set).size();
    }
}
