package io.egressstudio.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * What applying a scenario to a cluster would change, object by object, in the order apply would go.
 *
 * @param dryRunSupported whether the server validated the changes with server-side dry run
 * @param dryRunNote      why it did not (or what was left out), or null
 * @param notes           other things a user should know before applying
 */
public record Plan(String context, String server, String scenario, WriteStrategy strategy,
                   List<PlannedChange> changes, List<PendingResource> pending, List<ControlPlaneInfo> controlPlanes,
                   boolean dryRunSupported, String dryRunNote, Permissions permissions, List<String> notes) {
    public Plan {
        changes = List.copyOf(changes);
        pending = List.copyOf(pending);
        controlPlanes = List.copyOf(controlPlanes);
        notes = List.copyOf(notes);
    }

    /** The changes apply makes: everything but UNCHANGED, in order. */
    public List<PlannedChange> toApply() {
        return changes.stream().filter(c -> c.action() != PlannedChange.Action.UNCHANGED).toList();
    }

    public boolean hasChanges() {
        return !toApply().isEmpty();
    }

    @Override
    public String toString() {
        return "Plan[" + scenario + " on " + context + ": " + changes + "]";
    }

    public long count(PlannedChange.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** Why apply would refuse to start: permissions denied, objects the server rejected in the dry run. */
    public List<String> blockers() {
        List<String> blockers = new ArrayList<>();
        for (String denied : permissions.denied()) {
            blockers.add("not allowed to " + denied);
        }
        for (PlannedChange change : changes) {
            if (change.rejection() != null) {
                blockers.add(change.key() + ": " + change.rejection());
            }
        }
        return blockers;
    }
}
