package archviolations.gui;

import archviolations.gui.presenter.PresenterUsesWindow;

/**
 * Violation: the gui's root package (the window that assembles the features) uses the presenter feature, which
 * reaches back into the root: a cycle through the root package, which slices of {@code gui.(*)} alone never saw.
 */
public class WindowUsesPresenter {
    public int present(PresenterUsesWindow presenter) {
        return presenter.shown(this);
    }
}
