package io.egressstudio.gui.document;

import io.egressstudio.model.Scenario;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One undoable edit of the document (Scene Builder's job): a description for the Edit menu and a pure function from
 * the scenario before to the scenario after. Undo restores the scenario before, so an edit needs no inverse.
 */
public record Edit(String description, UnaryOperator<Scenario> change) {
    public Edit {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(change, "change");
    }

    public static Edit of(String description, UnaryOperator<Scenario> change) {
        return new Edit(description, change);
    }

    public Scenario applyTo(Scenario scenario) {
        return change.apply(scenario);
    }
}
