package io.egressstudio.gui.cluster;

import io.egressstudio.cluster.PlannedChange;

/** One row of the plan table: an object and what apply would do to it. */
public record PlanRow(PlannedChange change) {
    public String kind() {
        return change.key().kind();
    }

    public String namespace() {
        return change.key().namespace() == null ? "" : change.key().namespace();
    }

    public String name() {
        return change.key().name();
    }

    /** create / update / unchanged / delete, as the CLI prints it. */
    public String action() {
        return change.action().word();
    }

    /** What the user should know about this object: the fields that change, a note, what dry run rejected. */
    public String details() {
        StringBuilder text = new StringBuilder();
        if (!change.differences().isEmpty()) {
            change.differences().forEach(d -> text.append(text.isEmpty() ? "" : ", ").append(d));
        }
        if (change.note() != null) {
            text.append(text.isEmpty() ? "" : "; ").append(change.note());
        }
        if (change.rejection() != null) {
            text.append(text.isEmpty() ? "" : "; ").append("REJECTED by dry run: ").append(change.rejection());
        }
        return text.toString();
    }
}
