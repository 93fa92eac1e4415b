package io.egressstudio.gui;

import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * A start-up probe for {@code bin/bench}: with {@code -Degressstudio.firstFrame=print} the app prints
 * {@code first-frame-ms=<JVM uptime>} once its window has been painted, with {@code =exit} it also exits (status 0);
 * {@code -Degressstudio.firstFrame.file=PATH} also writes that line to a file.
 * Without the property it does nothing.
 *
 * <p>JavaFX has no "frame presented" event. A pulse lays out and renders the scene, and the next pulse starts only once
 * the renderer has finished the previous frame, so the third pulse after the window is shown comes after the first
 * complete frame (at most two pulses, ~33 ms, late). The bare-window floor uses the same probe, so the bias cancels out
 * in the ratio.
 */
public final class FirstFrameProbe {
    public static final String PROPERTY = "egressstudio.firstFrame";
    /** Also writes the line to this file: an installed Windows app's launcher has no console to print to. */
    public static final String FILE_PROPERTY = "egressstudio.firstFrame.file";
    private static final int PULSES_AFTER_SHOWN = 3;

    private FirstFrameProbe() {
    }

    /**
     * The JVM's uptime where the runtime has java.management (a JDK, as {@code bin/bench} starts the app); the
     * installed app's trimmed runtime has not, and counts from the process's start time instead (the OS's clock
     * ticks since boot, so possibly off by a constant of up to a second: the bench times the process from outside).
     */
    static long uptimeMillis() {
        if (ModuleLayer.boot().findModule("java.management").isPresent()) {
            return JvmUptime.millis();
        }
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        return Duration.between(started, Instant.now()).toMillis();
    }

    /** Loaded only where java.management exists. */
    private static final class JvmUptime {
        static long millis() {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        }
    }

    private static void writeTo(String file, String line) {
        if (file == null) {
            return;
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), line + System.lineSeparator());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("first-frame probe: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Call on the FX thread before or right after {@code stage.show()}. */
    public static void install(Stage stage) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        AnimationTimer counter = new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < PULSES_AFTER_SHOWN) {
                    return;
                }
                stop();
                String line = "first-frame-ms=" + uptimeMillis();
                System.out.println(line);
                System.out.flush();
                writeTo(System.getProperty(FILE_PROPERTY), line);
                if ("exit".equals(mode)) {
                    Platform.exit();
                    System.exit(0);
                }
            }
        };
        if (stage.isShowing()) {
            counter.start();
        } else {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> counter.start());
        }
    }
}
