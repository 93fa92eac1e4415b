package io.egressstudio.gui.cluster;

import io.egressstudio.cluster.Importer;
import io.egressstudio.design.ScenarioImport;
import io.egressstudio.model.Names;
import io.egressstudio.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Import from cluster: reads the chosen namespaces with {@link Importer} and rebuilds a scenario with
 * {@link ScenarioImport} (as {@code egress-studio import} does), then hands it to the window, which opens it on the
 * canvas like any opened scenario.
 */
public final class ImportViewModel {
    private final ClusterSession session;
    private final Consumer<Scenario> open;
    private final StringProperty namespaces = new SimpleStringProperty(this, "namespaces", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");

    /** @param open opens the imported scenario in the window (on the UI thread) */
    public ImportViewModel(ClusterSession session, Consumer<Scenario> open) {
        this.session = session;
        this.open = open;
        Scenario shown = session.scenario();
        if (shown != null) {
            namespaces.set(String.join(" ", namespacesOf(shown)));
        }
    }

    /** The namespaces a scenario uses (control planes first), a useful start for reading the same from a cluster. */
    static List<String> namespacesOf(Scenario scenario) {
        Set<String> out = new LinkedHashSet<>();
        scenario.meshes().forEach(m -> {
            out.add(m.namespace());
            out.addAll(m.members());
        });
        scenario.workloads().forEach(w -> out.add(w.namespace()));
        return new ArrayList<>(out);
    }

    /** The namespaces typed, split on spaces and commas. */
    List<String> chosen() {
        List<String> out = new ArrayList<>();
        for (String part : namespaces.get().split("[\\s,]+")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** Reads, rebuilds and opens; fails (with a message) on a bad namespace name or a cluster that says no. */
    public CompletableFuture<Scenario> run() {
        List<String> chosen = chosen();
        if (chosen.isEmpty()) {
            result.set("Name at least one namespace to read.");
            return CompletableFuture.failedFuture(new IllegalArgumentException("no namespace"));
        }
        for (String namespace : chosen) {
            if (!Names.isDns1123Label(namespace)) {
                result.set("'" + namespace + "' is not a namespace name.");
                return CompletableFuture.failedFuture(new IllegalArgumentException(namespace));
            }
        }
        result.set("Reading " + String.join(", ", chosen) + "…");
        record Done(Importer.Result read, ScenarioImport.Result rebuilt) {
        }
        return session.run(connection -> {
            Importer.Result read = Importer.read(connection, chosen);
            return new Done(read, ScenarioImport.reconstruct(read.resources(), null));
        }).handle((done, error) -> {
            if (error != null) {
                result.set("Import failed: " + ClusterSession.messageOf(error));
                throw new java.util.concurrent.CompletionException(error);
            }
            Scenario scenario = done.rebuilt().scenario();
            List<String> lines = new ArrayList<>();
            lines.add("Read " + done.read().resources().size() + " objects from " + String.join(", ",
                    done.read().namespaces()) + ". Opened scenario " + scenario.name() + " with "
                    + scenario.meshes().size() + " mesh(es), " + scenario.workloads().size() + " workload(s), "
                    + scenario.egressGateways().size() + " egress gateway(s), " + scenario.externalServices().size()
                    + " external service(s), " + scenario.links().size() + " link(s).");
            done.read().notes().forEach(n -> lines.add("Note: " + n));
            done.rebuilt().notes().forEach(n -> lines.add("Note: " + n));
            result.set(String.join("\n", lines));
            open.accept(scenario);
            return scenario;
        });
    }

    public StringProperty namespacesProperty() {
        return namespaces;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }
}
