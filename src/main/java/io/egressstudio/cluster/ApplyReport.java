package io.egressstudio.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * What an apply (or delete) did, object by object, in order: exactly what was applied, what failed and why, and what
 * was not attempted.
 *
 * @param snapshot the snapshot file rollback uses, or null when none was written (nothing to change, or delete)
 */
public record ApplyReport(String context, String scenario, Snapshot.Status status, List<ResourceResult> results,
                          Path snapshot, List<String> notes) {
    public ApplyReport {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    public List<ResourceResult> done() {
        return of(ResourceResult.Outcome.DONE);
    }

    public List<ResourceResult> failed() {
        return of(ResourceResult.Outcome.FAILED);
    }

    public List<ResourceResult> notAttempted() {
        return of(ResourceResult.Outcome.NOT_ATTEMPTED);
    }

    private List<ResourceResult> of(ResourceResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).toList();
    }

    public boolean complete() {
        return status == Snapshot.Status.COMPLETE;
    }
}
