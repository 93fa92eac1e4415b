package io.egressstudio.gui.document;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ids of the selected elements, in the order they were selected, and the field the inspector should focus
 * (set when a finding is clicked). Shared by the canvas, the inspector, the YAML pane and the findings pane.
 */
public final class Selection {
    private final ObservableList<String> ids = FXCollections.observableArrayList();
    private final ObservableList<String> readOnly = FXCollections.unmodifiableObservableList(ids);
    private final ReadOnlyStringWrapper focusField = new ReadOnlyStringWrapper(this, "focusField");

    public ObservableList<String> ids() {
        return readOnly;
    }

    public void select(String id) {
        set(id == null ? List.of() : List.of(id));
    }

    /** Selects one element and asks the inspector to focus one of its fields. */
    public void selectField(String id, String field) {
        focusField.set(null);
        select(id);
        focusField.set(field);
    }

    public void set(Collection<String> selected) {
        List<String> next = List.copyOf(new LinkedHashSet<>(selected));
        if (!next.equals(ids)) {
            ids.setAll(next);
        }
    }

    public void toggle(String id) {
        if (ids.contains(id)) {
            ids.remove(id);
        } else {
            ids.add(id);
        }
    }

    public void clear() {
        set(List.of());
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** The one selected id, or null when none or several are selected. */
    public String single() {
        return ids.size() == 1 ? ids.get(0) : null;
    }

    public ReadOnlyStringProperty focusFieldProperty() {
        return focusField.getReadOnlyProperty();
    }
}
