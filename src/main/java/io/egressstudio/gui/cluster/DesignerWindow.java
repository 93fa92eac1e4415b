package io.egressstudio.gui.cluster;

import io.egressstudio.gui.window.MainViewModel;
import javafx.scene.Parent;

/**
 * What the Cluster menu needs of the window it sits in. The window implements it, so the cluster feature never
 * depends on the window class that assembles every feature (which would be a cycle).
 */
public interface DesignerWindow {
    /** The window's state: the scenario shown, the document an import replaces, the status line. */
    MainViewModel viewModel();

    /** The window's root node: its scene's window owns the cluster dialogs, and closing it ends the connection. */
    Parent root();

    /** Presenter mode, as the window's own menu item opens it. */
    void openPresenter();

    /** Asks about unsaved changes; true when the document may be replaced. */
    boolean confirmDiscard();

    /** Fits the drawing to the canvas (after an import replaced it). */
    void fit();
}
