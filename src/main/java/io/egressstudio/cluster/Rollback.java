package io.egressstudio.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.generate.ManifestWriter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Puts a snapshot back: objects that did not exist before the apply are deleted (namespaces last), objects that
 * existed are recreated or replaced with exactly what they were (a Secret from its backup). Every object is tried,
 * even after a failure, and each result reported. When all succeed the snapshot and its backups are removed.
 */
public final class Rollback {
    private final ClusterConnection connection;
    private final KubeApi api;

    private Rollback(ClusterConnection connection) {
        this.connection = connection;
        this.api = connection.api();
    }

    /** Rolls back the last apply of {@code scenario} through this connection's context. */
    public static ApplyReport rollback(ClusterConnection connection, SnapshotStore store, String scenario,
                                       ApplyListener listener) throws ClusterException {
        Snapshot snapshot = store.load(connection.context(), scenario).orElseThrow(() -> new ClusterException(
                ClusterException.Reason.SNAPSHOT, "no snapshot of scenario '" + scenario + "' for context '"
                + connection.context() + "' in " + store.directory() + ": nothing to roll back (apply writes one; "
                + "a complete rollback removes it)"));
        connection.check();
        ApplyReport report = new Rollback(connection).run(snapshot, listener);
        if (report.complete()) {
            store.remove(connection.context(), scenario);
        }
        return report;
    }

    private ApplyReport run(Snapshot snapshot, ApplyListener listener) {
        // Created objects go first, dependents before what they depend on; then what existed, in dependency order.
        Comparator<Snapshot.Entry> byRank = Comparator.comparingInt(Rollback::rank);
        List<Snapshot.Entry> order = new ArrayList<>();
        snapshot.entries().stream().filter(e -> !e.existedBefore()).sorted(byRank.reversed()).forEach(order::add);
        snapshot.entries().stream().filter(Snapshot.Entry::existedBefore).sorted(byRank).forEach(order::add);

        List<ResourceResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        listener.started(order.size());
        boolean ok = true;
        for (int i = 0; i < order.size(); i++) {
            Snapshot.Entry entry = order.get(i);
            PlannedChange.Action action = entry.existedBefore() ? PlannedChange.Action.UPDATE : PlannedChange.Action.DELETE;
            listener.starting(action, entry.key(), i, order.size());
            ResourceResult result;
            try {
                result = restore(entry);
            } catch (ClusterException e) {
                result = new ResourceResult(entry.key(), action, ResourceResult.Outcome.FAILED, e.getMessage());
            } catch (RuntimeException e) {
                result = new ResourceResult(entry.key(), action, ResourceResult.Outcome.FAILED,
                        api.failure(e, "restore " + entry.key()).getMessage());
            }
            ok &= result.outcome() != ResourceResult.Outcome.FAILED;
            results.add(result);
            listener.finished(result, i, order.size());
        }
        if (ok) {
            for (Snapshot.Entry entry : snapshot.entries()) {
                if (entry.backup() != null) {
                    try {
                        api.delete(ApiKind.SECRET, "v1", entry.backup().namespace(), entry.backup().name());
                    } catch (RuntimeException e) {
                        notes.add("could not delete backup Secret " + entry.backup().namespace() + "/"
                                + entry.backup().name() + ": " + Failures.rootMessage(e));
                    }
                }
            }
        } else {
            notes.add("the snapshot is kept: fix what failed and run rollback again");
        }
        return new ApplyReport(snapshot.context(), snapshot.scenario(),
                ok ? Snapshot.Status.COMPLETE : Snapshot.Status.FAILED, results, null, notes);
    }

    private static int rank(Snapshot.Entry entry) {
        int index = ORDER.indexOf(entry.key().kind());
        return index >= 0 ? index : ORDER.size();
    }

    /** ManifestWriter's dependency order, by kind. */
    private static final List<String> ORDER = kindOrder();

    private static List<String> kindOrder() {
        var builder = io.egressstudio.mesh.ResourceSet.builder();
        for (ApiKind kind : ApiKind.values()) {
            builder.add(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                    .withApiVersion(kind.preferredApiVersion()).withKind(kind.kind())
                    .withNewMetadata().withName("x").endMetadata().build(), "order");
        }
        return ManifestWriter.ordered(builder.build()).stream().map(r -> r.getKind()).toList();
    }

    private ResourceResult restore(Snapshot.Entry entry) throws ClusterException {
        ApiKind kind = ApiKind.of(entry.apiVersion(), entry.key().kind()).orElseThrow();
        String version = ApiKind.versionOf(entry.apiVersion());
        Optional<GenericKubernetesResource> live = api.get(kind, version, entry.key().namespace(), entry.key().name());
        if (!entry.existedBefore()) {
            if (live.isEmpty()) {
                return new ResourceResult(entry.key(), PlannedChange.Action.DELETE, ResourceResult.Outcome.ALREADY,
                        "not there (nothing to delete)");
            }
            api.delete(kind, version, entry.key().namespace(), entry.key().name());
            return new ResourceResult(entry.key(), PlannedChange.Action.DELETE, ResourceResult.Outcome.DONE,
                    drift(entry, live.get()));
        }
        GenericKubernetesResource before = entry.before();
        if (entry.backup() != null) {
            Optional<GenericKubernetesResource> backup = api.get(ApiKind.SECRET, "v1", entry.backup().namespace(),
                    entry.backup().name());
            if (backup.isEmpty()) {
                throw new ClusterException(ClusterException.Reason.SNAPSHOT, "cannot restore " + entry.key()
                        + ": its backup Secret " + entry.backup().namespace() + "/" + entry.backup().name()
                        + " is gone");
            }
            before = SecretBackups.original(backup.get());
        }
        if (live.isEmpty()) {
            api.create(kind, Resources.copy(before));
            return new ResourceResult(entry.key(), PlannedChange.Action.CREATE, ResourceResult.Outcome.DONE,
                    "recreated");
        }
        if (same(before, live.get())) {
            return new ResourceResult(entry.key(), PlannedChange.Action.UPDATE, ResourceResult.Outcome.ALREADY,
                    "as it was");
        }
        GenericKubernetesResource replacement = Resources.copy(before);
        replacement.getMetadata().setResourceVersion(live.get().getMetadata().getResourceVersion());
        api.replace(kind, replacement);
        return new ResourceResult(entry.key(), PlannedChange.Action.UPDATE, ResourceResult.Outcome.DONE,
                "restored" + Optional.ofNullable(drift(entry, live.get())).map(d -> "; " + d).orElse(""));
    }

    private static String drift(Snapshot.Entry entry, GenericKubernetesResource live) {
        if (entry.applied() && entry.appliedResourceVersion() != null
                && !entry.appliedResourceVersion().equals(live.getMetadata().getResourceVersion())) {
            return "it was changed after the apply, and those changes are undone too";
        }
        return null;
    }

    /** Exactly equal, server-set fields aside. */
    static boolean same(GenericKubernetesResource a, GenericKubernetesResource b) {
        ObjectNode left = Resources.tree(a);
        ObjectNode right = Resources.tree(b);
        Resources.stripServerFields(left);
        Resources.stripServerFields(right);
        return left.equals(right);
    }
}
