package io.egressstudio.gui.document;

import io.egressstudio.model.Scenario;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The document the editor works on: an immutable {@link Scenario}, the file it came from, and the undo and redo
 * stacks of {@link Edit}s. Panels observe {@link #scenarioProperty()} and {@link #revisionProperty()}; none of them
 * changes the scenario except through {@link #execute(Edit)}. FX-thread only (it holds JavaFX properties), but it
 * needs no toolkit, so it is tested as plain Java.
 */
public final class ScenarioDocument {
    /** What undo restores and redo re-applies. */
    private record Step(String description, Scenario before, Scenario after) {
    }

    private static final int MAX_UNDO = 500;

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Scenario savedScenario;

    public ScenarioDocument(Scenario initial) {
        scenario.set(initial);
        savedScenario = initial;
    }

    /** Replaces the whole document (new, open): clears undo and redo; the result counts as saved to {@code path}. */
    public void reset(Scenario replacement, Path path) {
        undo.clear();
        redo.clear();
        file.set(path);
        scenario.set(replacement);
        revision.set(revision.get() + 1);
        savedScenario = replacement;
        update();
    }

    /** Applies an edit; an edit that changes nothing is not recorded. Returns whether the scenario changed. */
    public boolean execute(Edit edit) {
        Scenario before = scenario.get();
        Scenario after = edit.applyTo(before);
        // records compare deeply: an edit that leaves every field as it was is not an edit
        if (after == null || after.equals(before)) {
            return false;
        }
        undo.push(new Step(edit.description(), before, after));
        if (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        redo.clear();
        move(after);
        return true;
    }

    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        Step step = undo.pop();
        redo.push(step);
        move(step.before());
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        Step step = redo.pop();
        undo.push(step);
        move(step.after());
        return true;
    }

    /** Records that the current revision is what is on disk at {@code path}. */
    public void markSaved(Path path) {
        file.set(path);
        savedScenario = scenario.get();
        update();
    }

    private void move(Scenario next) {
        scenario.set(next);
        revision.set(revision.get() + 1);
        update();
    }

    private void update() {
        dirty.set(!scenario.get().equals(savedScenario));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoDescription.set(undo.isEmpty() ? "" : undo.peek().description());
        redoDescription.set(redo.isEmpty() ? "" : redo.peek().description());
    }

    public Scenario scenario() {
        return scenario.get();
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }
}
