package io.egressstudio.gui;

import io.egressstudio.io.CrashLog;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/**
 * The designer's last resort: an exception that no code caught, on the FX thread or any other, is logged to a file and
 * shown as one line naming that file, never as a stack trace on the terminal or a window that silently stops working.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private final Path logFolder;
    private final Consumer<String> show;
    private final AtomicBoolean showing = new AtomicBoolean();

    UncaughtErrors(Path logFolder, Consumer<String> show) {
        this.logFolder = logFolder;
        this.show = show;
    }

    /** Shows the line in an error dialog. */
    private UncaughtErrors(Path logFolder) {
        this.logFolder = logFolder;
        this.show = this::alert;
    }

    /** Handles every thread's uncaught exceptions, the FX application thread's (the caller) too. */
    static void install(Path logFolder) {
        UncaughtErrors handler = new UncaughtErrors(logFolder);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        String line = CrashLog.report(error, "running the designer", logFolder);
        System.err.println(line);
        if (showing.compareAndSet(false, true)) { // one dialog at a time: a failing repaint would otherwise repeat it
            try {
                show.accept(line);
            } catch (RuntimeException e) {
                showing.set(false); // no toolkit: the terminal line and the log are all there is
            }
        }
    }

    /** Call when the user closed the dialog. */
    void shown() {
        showing.set(false);
    }

    private void alert(String line) {
        Platform.runLater(() -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, line, ButtonType.OK);
            alert.setTitle("Internal error");
            alert.setHeaderText("Something went wrong inside Egress Studio. Your scenario is still open; save it.");
            alert.setOnHidden(e -> shown());
            alert.show();
        });
    }
}
