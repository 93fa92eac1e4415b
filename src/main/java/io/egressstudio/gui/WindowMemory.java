package io.egressstudio.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers the main window per user: where it opens ({@link #opening()}: the saved geometry when it still fits a
 * screen, else the default for the primary screen), and, once shown, the bounds it last had while not maximised, so
 * that closing a maximised window saves the size it returns to. Saved in the user's config folder when it closes.
 */
public final class WindowMemory {
    private static final Logger LOG = Logger.getLogger(WindowMemory.class.getName());

    private final Path folder;
    private double x;
    private double y;
    private double width;
    private double height;

    public WindowMemory(Path folder) {
        this.folder = folder;
    }

    /** The geometry to open with. */
    public WindowGeometry opening() {
        Optional<WindowGeometry> saved = WindowGeometry.load(folder).filter(WindowMemory::onAScreen);
        return saved.orElseGet(WindowMemory::defaultGeometry);
    }

    /** The default for the primary screen (what a window opens with when nothing is remembered). */
    public static WindowGeometry defaultGeometry() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return WindowGeometry.forScreen(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
    }

    /** Whether the saved window's centre is on a screen of today (a projector may be gone since). */
    private static boolean onAScreen(WindowGeometry g) {
        double cx = g.x() + g.width() / 2;
        double cy = g.y() + g.height() / 2;
        return Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().contains(cx, cy));
    }

    /** Follows the stage's bounds while it is neither maximised nor full screen; saves them when it closes. */
    public void follow(Stage stage, MainView view, WindowGeometry opened) {
        x = opened.x();
        y = opened.y();
        width = opened.width();
        height = opened.height();
        javafx.beans.InvalidationListener normal = o -> {
            if (stage.isShowing() && !stage.isMaximized() && !stage.isFullScreen() && !stage.isIconified()) {
                x = stage.getX();
                y = stage.getY();
                width = stage.getWidth();
                height = stage.getHeight();
            }
        };
        stage.xProperty().addListener(normal);
        stage.yProperty().addListener(normal);
        stage.widthProperty().addListener(normal);
        stage.heightProperty().addListener(normal);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> save(stage, view));
    }

    private void save(Stage stage, MainView view) {
        WindowGeometry now = new WindowGeometry(x, y, width, height, stage.isMaximized(), view.dividers());
        try {
            now.save(folder);
        } catch (IOException e) {
            // the window opens at its default next time: worth a log line, never an error for the user
            LOG.log(Level.INFO, "could not remember the window in " + folder + ": " + e.getMessage());
        }
    }
}
