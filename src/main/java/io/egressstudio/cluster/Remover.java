package io.egressstudio.cluster;

import io.egressstudio.mesh.ResourceSet;

/**
 * "Remove this scenario from the cluster": deletes the objects that carry the scenario's labels
 * ({@code app.kubernetes.io/managed-by: egress-studio} and {@code egress-studio.io/scenario: NAME}) and nothing else.
 * Namespaces are left in place and named: they may hold the user's applications. The snapshot of the last apply is
 * kept, so rollback still means "as before the last apply".
 */
public final class Remover {
    private Remover() {
    }

    /** What delete would remove: every labelled object, as DELETE changes. */
    public static Plan plan(ClusterConnection connection, String scenario) throws ClusterException {
        return Planner.plan(connection, scenario, ResourceSet.builder().build());
    }

    public static ApplyReport remove(ClusterConnection connection, Plan plan, ApplyListener listener,
                                     Cancellation cancellation) throws ClusterException {
        for (PlannedChange change : plan.changes()) {
            if (change.action() != PlannedChange.Action.DELETE) {
                throw new IllegalArgumentException("not a removal plan: " + change.key() + " is " + change.action());
            }
        }
        return Applier.execute(connection, plan, listener, cancellation);
    }
}
