package io.egressstudio.model;

import java.util.List;
import java.util.Map;

/**
 * One step of a walkthrough: changes applied on top of the previous steps, the narrative shown to the audience,
 * and the outcome each named link is expected to have afterwards.
 */
public record Step(String title, String narrative, List<Change> changes, Map<String, Outcome> expect) {
    public Step {
        changes = Copies.list(changes);
        expect = Copies.map(expect);
    }
}
