package io.egressstudio.gui.window;

import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/** Menu items with an id (what the window tests click) and an action; shared by the main window's menus. */
public final class MenuItems {
    private MenuItems() {
    }

    public static MenuItem item(String text, String id, Runnable action) {
        return item(text, id, null, action);
    }

    /** @param accelerator a {@link KeyCombination} such as {@code Shortcut+S}, or null */
    public static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
