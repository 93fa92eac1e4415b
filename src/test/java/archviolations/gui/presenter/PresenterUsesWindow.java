package archviolations.gui.presenter;

import archviolations.gui.WindowUsesPresenter;

/** The other half of the cycle: the presenter feature reads the window's root package. */
public class PresenterUsesWindow {
    public int shown(WindowUsesPresenter window) {
        return window.hashCode();
    }
}
