package io.egressstudio.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * First frame first (issue #20): a window's background work (the first analysis, which loads the generator, the
 * predictor and fabric8, and the YAML) waits until the window's first frame is painted, so on two cores it does not
 * compete with the FX thread building and painting that frame. Held work then runs in the order it was given; later
 * work passes straight through.
 */
final class FirstFrameGate implements Executor {
    /** The pulse after which a frame is on screen, counted as {@link FirstFrameProbe} counts it. */
    private static final int PULSES_AFTER_SHOWN = 3;

    private final Executor target;
    /** Work given before the first frame; null once open. Guarded by this. */
    private List<Runnable> held = new ArrayList<>();

    FirstFrameGate(Executor target) {
        this.target = target;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (held != null) {
                held.add(task);
                return;
            }
        }
        target.execute(task);
    }

    /** Lets the held work run, in order, and all later work straight away. */
    synchronized void open() {
        if (held == null) {
            return;
        }
        // under the lock: work given meanwhile cannot overtake the held work on the single background thread
        held.forEach(target::execute);
        held = null;
    }

    synchronized boolean isOpen() {
        return held == null;
    }

    /** Opens once the stage has painted its first frame. Call on the FX thread, before or after {@code show()}. */
    void openAfterFirstFrame(Stage stage) {
        AnimationTimer pulses = new AnimationTimer() {
            private int count;

            @Override
            public void handle(long now) {
                if (++count >= PULSES_AFTER_SHOWN) {
                    stop();
                    open();
                }
            }
        };
        if (stage.isShowing()) {
            pulses.start();
        } else {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> pulses.start());
        }
    }
}
