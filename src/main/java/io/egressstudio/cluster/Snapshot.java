package io.egressstudio.cluster;

import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.List;

/**
 * What was in the cluster before an apply, for every object the apply meant to change: enough to put it back
 * exactly. Written before the first change, so that even an interrupted apply can be rolled back.
 *
 * <p>A Secret's data is never written to disk: a Secret the apply changes or deletes is first copied into a backup
 * Secret in the same namespace (see {@link SecretBackups}), and the snapshot names that backup.
 */
public record Snapshot(String id, String context, String server, String scenario, Instant createdAt, Status status,
                       List<Entry> entries) {
    public enum Status {
        /** The apply has started and not finished (or the process ended). */
        IN_PROGRESS,
        COMPLETE,
        FAILED,
        CANCELLED
    }

    /**
     * One object.
     *
     * @param before                 the object before the apply (server-set fields removed; a Secret without its
     *                               data), or null when it did not exist
     * @param backup                 for a Secret that existed, where its full copy is kept
     * @param applied                whether the apply changed it
     * @param appliedResourceVersion its resourceVersion right after the apply changed it (to notice later edits)
     */
    public record Entry(ResourceSet.Key key, String apiVersion, PlannedChange.Action action,
                        GenericKubernetesResource before, SecretBackup backup, boolean applied,
                        String appliedResourceVersion) {
        public Entry withApplied(String resourceVersion) {
            return new Entry(key, apiVersion, action, before, backup, true, resourceVersion);
        }

        @Override
        public String toString() {
            return action.word() + " " + key + (before == null ? " (absent before)" : " (existed)")
                    + (applied ? ", applied" : "");
        }

        public boolean existedBefore() {
            return before != null;
        }
    }

    /** A backup Secret holding the full copy of a Secret that existed before the apply. */
    public record SecretBackup(String namespace, String name) {
    }

    public Snapshot {
        entries = List.copyOf(entries);
    }

    public Snapshot with(Status newStatus, List<Entry> newEntries) {
        return new Snapshot(id, context, server, scenario, createdAt, newStatus, newEntries);
    }
}
