package io.egressstudio.cluster;

import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Locale;

/**
 * What apply would do to one object.
 *
 * @param desired     what the scenario generates (null for DELETE)
 * @param live        the object in the cluster now (null for CREATE)
 * @param differences for UPDATE, the fields that differ
 * @param note        anything a user should know (e.g. "exists already; left as it is"), or null
 * @param rejection   what server-side dry run said was wrong with it, or null
 */
public record PlannedChange(ResourceSet.Key key, String apiVersion, Action action, List<Difference> differences,
                            GenericKubernetesResource desired, GenericKubernetesResource live, String note,
                            String rejection) {
    public enum Action {
        CREATE, UPDATE, UNCHANGED, DELETE;

        /** The word in the CLI and JSON output. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PlannedChange {
        differences = List.copyOf(differences);
    }

    public PlannedChange withRejection(String message) {
        return new PlannedChange(key, apiVersion, action, differences, desired, live, note, message);
    }

    /** Never the objects: a Secret's data must not reach a log through a record's toString. */
    @Override
    public String toString() {
        return action.word() + " " + key + (differences.isEmpty() ? "" : " " + differences)
                + (rejection == null ? "" : " (rejected: " + rejection + ")");
    }

    /** The side-by-side diff: the cluster now on the left, after apply on the right. */
    public String diff() {
        return DiffText.sideBySide(action == Action.DELETE ? null : desired, live);
    }

    /** The same diff as rows, each line whole, for a window that lays out the two sides itself. */
    public List<DiffText.Row> diffRows() {
        return DiffText.rows(action == Action.DELETE ? null : desired, live);
    }
}
