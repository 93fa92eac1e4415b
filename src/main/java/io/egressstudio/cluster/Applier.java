package io.egressstudio.cluster;

import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a plan: first a snapshot of every object it will change (saved before the first change), then each change
 * in the plan's order (dependencies first; deletions last), reporting progress, stopping at the first failure or
 * when cancelled, and saying exactly what was applied. Rollback ({@link Rollback}) puts the snapshot back.
 */
public final class Applier {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClusterConnection connection;
    private final KubeApi api;

    private Applier(ClusterConnection connection) {
        this.connection = connection;
        this.api = connection.api();
    }

    /**
     * @throws ClusterException before anything is changed: the plan is for another context, the plan has blockers
     *                          (permissions, dry-run rejections), a Secret could not be backed up, or the snapshot
     *                          could not be saved. Once changes start, failures are in the report instead.
     */
    public static ApplyReport apply(ClusterConnection connection, Plan plan, SnapshotStore store,
                                    ApplyListener listener, Cancellation cancellation) throws ClusterException {
        return new Applier(connection).run(plan, store, listener, cancellation);
    }

    /** Removes what the removal plan lists ({@link Remover}); no snapshot (rollback still means "before the last apply"). */
    static ApplyReport execute(ClusterConnection connection, Plan plan, ApplyListener listener,
                               Cancellation cancellation) throws ClusterException {
        Applier applier = new Applier(connection);
        applier.refuseBlocked(plan, "delete");
        List<ResourceResult> results = new ArrayList<>();
        Snapshot.Status status = applier.changes(plan.toApply(), listener, cancellation, results, null);
        return new ApplyReport(plan.context(), plan.scenario(), status, results, null, List.of());
    }

    private ApplyReport run(Plan plan, SnapshotStore store, ApplyListener listener, Cancellation cancellation)
            throws ClusterException {
        if (!plan.context().equals(connection.context())) {
            throw new ClusterException(ClusterException.Reason.INVALID, "this plan is for context '" + plan.context()
                    + "', not '" + connection.context() + "': plan again");
        }
        refuseBlocked(plan, "apply");
        List<PlannedChange> changes = plan.toApply();
        if (changes.isEmpty()) {
            return new ApplyReport(plan.context(), plan.scenario(), Snapshot.Status.COMPLETE, List.of(), null,
                    List.of("nothing to change"));
        }
        List<String> notes = new ArrayList<>();
        Optional<Snapshot> previous = loadPrevious(store, plan, notes);
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        List<GenericKubernetesResource> backups = new ArrayList<>();
        Map<ResourceSet.Key, Snapshot.Entry> entries = new LinkedHashMap<>();
        Map<ResourceSet.Key, Snapshot.Entry> carried = new LinkedHashMap<>();
        previous.filter(p -> p.status() != Snapshot.Status.COMPLETE)
                .ifPresent(p -> p.entries().forEach(e -> carried.put(e.key(), e)));
        if (!carried.isEmpty()) {
            notes.add("the previous apply of this scenario did not complete and was not rolled back: its snapshot is "
                    + "kept in the new one, so rollback still restores the state before it");
        }
        try {
            for (PlannedChange change : changes) {
                Snapshot.Entry before = carried.remove(change.key());
                entries.put(change.key(), before != null ? before : snapshotEntry(change, id, plan.scenario(), backups));
            }
        } catch (ClusterException | RuntimeException e) {
            deleteQuietly(backups);
            throw e instanceof ClusterException c ? new ClusterException(c.reason(), c.getMessage()
                    + " (nothing was changed)", c) : Failures.of((RuntimeException) e, "take the snapshot",
                    connection.context(), connection.server());
        }
        entries.putAll(carried);
        Snapshot snapshot = new Snapshot(id, plan.context(), plan.server(), plan.scenario(), Instant.now(),
                Snapshot.Status.IN_PROGRESS, List.copyOf(entries.values()));
        try {
            store.save(snapshot);
        } catch (ClusterException e) {
            deleteQuietly(backups);
            throw new ClusterException(e.reason(), e.getMessage() + " (nothing was changed)", e);
        }
        if (previous.isPresent() && previous.get().status() == Snapshot.Status.COMPLETE) {
            deleteBackupsOf(previous.get(), notes);
        }

        List<ResourceResult> results = new ArrayList<>();
        Snapshot.Status status = changes(changes, listener, cancellation, results, entries);
        snapshot = snapshot.with(status, List.copyOf(entries.values()));
        try {
            store.save(snapshot);
        } catch (ClusterException e) {
            notes.add("the snapshot could not be updated after the apply (" + e.getMessage() + "); the one saved "
                    + "before it is still good for rollback");
        }
        return new ApplyReport(plan.context(), plan.scenario(), status, results,
                store.fileFor(plan.context(), plan.scenario()), notes);
    }

    private void refuseBlocked(Plan plan, String what) throws ClusterException {
        List<String> blockers = plan.blockers();
        if (!blockers.isEmpty()) {
            boolean permissions = !plan.permissions().ok();
            throw new ClusterException(permissions ? ClusterException.Reason.FORBIDDEN : ClusterException.Reason.INVALID,
                    what + " refused, nothing was changed:\n  - " + String.join("\n  - ", blockers));
        }
    }

    private Optional<Snapshot> loadPrevious(SnapshotStore store, Plan plan, List<String> notes) {
        try {
            return store.load(plan.context(), plan.scenario());
        } catch (ClusterException e) {
            notes.add("the previous snapshot could not be read and is replaced: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The object as it is now, read fresh (the plan may be minutes old); a Secret that exists is backed up. */
    private Snapshot.Entry snapshotEntry(PlannedChange change, String id, String scenario,
                                         List<GenericKubernetesResource> backups) throws ClusterException {
        ApiKind kind = ApiKind.of(change.apiVersion(), change.key().kind()).orElseThrow();
        Optional<GenericKubernetesResource> live = api.get(kind, ApiKind.versionOf(change.apiVersion()),
                change.key().namespace(), change.key().name());
        if (live.isEmpty()) {
            return new Snapshot.Entry(change.key(), change.apiVersion(), change.action(), null, null, false, null);
        }
        if (kind != ApiKind.SECRET) {
            return new Snapshot.Entry(change.key(), change.apiVersion(), change.action(),
                    Resources.withoutServerFields(live.get()), null, false, null);
        }
        GenericKubernetesResource backup = SecretBackups.backupOf(live.get(), id, scenario);
        try {
            api.create(ApiKind.SECRET, backup);
        } catch (RuntimeException e) {
            throw api.failure(e, "back up Secret " + change.key() + " before changing it");
        }
        backups.add(backup);
        return new Snapshot.Entry(change.key(), change.apiVersion(), change.action(),
                SecretBackups.withoutData(live.get()),
                new Snapshot.SecretBackup(backup.getMetadata().getNamespace(), backup.getMetadata().getName()),
                false, null);
    }

    /** Makes the changes in order; fills {@code results}; records applied objects in {@code entries} (if given). */
    private Snapshot.Status changes(List<PlannedChange> changes, ApplyListener listener, Cancellation cancellation,
                                    List<ResourceResult> results, Map<ResourceSet.Key, Snapshot.Entry> entries)
            throws ClusterException {
        int total = changes.size();
        listener.started(total);
        Snapshot.Status status = Snapshot.Status.COMPLETE;
        for (int i = 0; i < total; i++) {
            PlannedChange change = changes.get(i);
            if (status != Snapshot.Status.COMPLETE || cancellation.isCancelled()) {
                if (status == Snapshot.Status.COMPLETE) {
                    status = Snapshot.Status.CANCELLED;
                }
                ResourceResult skipped = new ResourceResult(change.key(), change.action(),
                        ResourceResult.Outcome.NOT_ATTEMPTED, status == Snapshot.Status.CANCELLED ? "cancelled" : null);
                results.add(skipped);
                listener.finished(skipped, i, total);
                continue;
            }
            listener.starting(change.action(), change.key(), i, total);
            ResourceResult result;
            try {
                String resourceVersion = change(change);
                result = new ResourceResult(change.key(), change.action(), ResourceResult.Outcome.DONE, null);
                if (entries != null && entries.containsKey(change.key())) {
                    entries.put(change.key(), entries.get(change.key()).withApplied(resourceVersion));
                }
            } catch (RuntimeException e) {
                ClusterException failure = api.failure(e, change.action().word() + " " + change.key());
                result = new ResourceResult(change.key(), change.action(), ResourceResult.Outcome.FAILED,
                        failure.getMessage());
                status = Snapshot.Status.FAILED;
            }
            results.add(result);
            listener.finished(result, i, total);
        }
        return status;
    }

    /** @return the resourceVersion after the change, or null after a delete */
    private String change(PlannedChange change) {
        ApiKind kind = ApiKind.of(change.apiVersion(), change.key().kind()).orElseThrow();
        if (change.action() == PlannedChange.Action.DELETE) {
            api.delete(kind, ApiKind.versionOf(change.apiVersion()), change.key().namespace(), change.key().name());
            return null;
        }
        GenericKubernetesResource written = connection.strategy().write(api, kind, change.desired());
        return written == null ? null : written.getMetadata().getResourceVersion();
    }

    private void deleteQuietly(List<GenericKubernetesResource> backups) {
        for (GenericKubernetesResource backup : backups) {
            try {
                api.delete(ApiKind.SECRET, "v1", backup.getMetadata().getNamespace(), backup.getMetadata().getName());
            } catch (RuntimeException e) {
                // The backup stays; it is labelled egress-studio.io/backup-for and holds only what was there.
            }
        }
    }

    private void deleteBackupsOf(Snapshot previous, List<String> notes) {
        for (Snapshot.Entry entry : previous.entries()) {
            if (entry.backup() == null) {
                continue;
            }
            try {
                api.delete(ApiKind.SECRET, "v1", entry.backup().namespace(), entry.backup().name());
            } catch (RuntimeException e) {
                notes.add("could not delete the old backup Secret " + entry.backup().namespace() + "/"
                        + entry.backup().name() + ": " + Failures.rootMessage(e));
            }
        }
    }
}
