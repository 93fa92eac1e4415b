package io.egressstudio.cluster;

/**
 * Progress of an apply, delete or rollback, one object at a time (a progress bar, or lines on the terminal). Called
 * on the thread doing the work; a GUI hands the values to its own thread.
 */
public interface ApplyListener {
    ApplyListener NONE = new ApplyListener() {
    };

    /** Before the first object. */
    default void started(int total) {
    }

    /** Before object {@code index} (from 0) of {@code total}. */
    default void starting(PlannedChange.Action action, io.egressstudio.mesh.ResourceSet.Key key, int index, int total) {
    }

    /** After it, with its result. */
    default void finished(ResourceResult result, int index, int total) {
    }
}
