package io.egressstudio.cluster;

import io.egressstudio.mesh.ResourceSet;

/** What happened to one object during apply, delete or rollback. */
public record ResourceResult(ResourceSet.Key key, PlannedChange.Action action, Outcome outcome, String message) {
    public enum Outcome {
        /** Done: created, updated, deleted, or restored. */
        DONE,
        /** Already as wanted; nothing to do. */
        ALREADY,
        FAILED,
        /** Not tried: an earlier object failed, or the user cancelled. */
        NOT_ATTEMPTED
    }

    @Override
    public String toString() {
        return switch (outcome) {
            case DONE -> action.word() + " " + key + (message == null ? "" : ": " + message);
            case ALREADY -> key + ": " + (message == null ? "already as wanted" : message);
            case FAILED -> "FAILED " + action.word() + " " + key + ": " + message;
            case NOT_ATTEMPTED -> "not attempted: " + action.word() + " " + key;
        };
    }
}
