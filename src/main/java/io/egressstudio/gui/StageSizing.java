package io.egressstudio.gui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Opens a stage at an explicit size and keeps it there while the window manager settles. Under a window manager on
 * GTK, JavaFX 21 shows a window at the asked size and then, from a late configure event, falls back to 200 × 200
 * (fixed in JavaFX 22, which needs a newer JDK than we ship on). Until the user first touches the window (or a few
 * seconds pass), any size the app did not ask for is put back; the stage also gets a minimum size, so that no later
 * resize can crush its panes. A size the user gives the window with the window manager in those first seconds is
 * put back too: the price of a window that reliably opens at its size.
 */
public final class StageSizing {
    /** The smallest main window whose panes all keep a usable size. */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 560;
    /** Long enough for the late configure event (it came within a second in every start we watched, also under load). */
    static final Duration SETTLE = Duration.seconds(3);
    private static final int MAX_CORRECTIONS = 8;

    private StageSizing() {
    }

    /** The visual bounds of the screen that holds most of a rectangle, else the primary screen's. */
    public static Rectangle2D screenOf(double x, double y, double width, double height) {
        return Screen.getScreensForRectangle(x, y, Math.max(1, width), Math.max(1, height)).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
    }

    /**
     * Puts a not-yet-shown stage at the geometry (clamped to the screen it is on) and guards that size once shown.
     *
     * @return whether the window has settled: false until the user first touches it or {@link #SETTLE} has passed
     */
    public static ReadOnlyBooleanProperty place(Stage stage, WindowGeometry wanted) {
        Rectangle2D screen = screenOf(wanted.x(), wanted.y(), wanted.width(), wanted.height());
        double w = Math.min(wanted.width(), screen.getWidth());
        double h = Math.min(wanted.height(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(wanted.x(), screen.getMaxX() - w));
        double y = Math.max(screen.getMinY(), Math.min(wanted.y(), screen.getMaxY() - h));
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setMaximized(wanted.maximized());
        ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(false);
        guard(stage, w, h, settled);
        return settled.getReadOnlyProperty();
    }

    private static void guard(Stage stage, double width, double height, ReadOnlyBooleanWrapper settled) {
        int[] corrections = {0};
        boolean[] pending = {false};
        InvalidationListener check = o -> {
            if (settled.get() || pending[0] || !stage.isShowing()) {
                return;
            }
            // one look per pulse, after the window manager's burst of configure events
            pending[0] = true;
            Platform.runLater(() -> {
                pending[0] = false;
                if (settled.get()) {
                    return;
                }
                boolean free = stage.isMaximized() || stage.isFullScreen() || stage.isIconified();
                if (!free && (Math.abs(stage.getWidth() - width) > 1 || Math.abs(stage.getHeight() - height) > 1)
                        && corrections[0]++ < MAX_CORRECTIONS) {
                    stage.setWidth(width);
                    stage.setHeight(height);
                }
            });
        };
        stage.widthProperty().addListener(check);
        stage.heightProperty().addListener(check);
        // the user's own first gesture ends the guard: from then on every size is theirs
        EventHandler<InputEvent> touched = e -> settled.set(true);
        stage.addEventFilter(MouseEvent.MOUSE_PRESSED, touched);
        stage.addEventFilter(KeyEvent.KEY_PRESSED, touched);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            PauseTransition settle = new PauseTransition(SETTLE);
            settle.setOnFinished(done -> {
                settled.set(true);
                stage.widthProperty().removeListener(check);
                stage.heightProperty().removeListener(check);
                stage.removeEventFilter(MouseEvent.MOUSE_PRESSED, touched);
                stage.removeEventFilter(KeyEvent.KEY_PRESSED, touched);
            });
            settle.play();
        });
    }
}
