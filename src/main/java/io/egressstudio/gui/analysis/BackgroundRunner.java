package io.egressstudio.gui.analysis;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a function on a background executor and hands the result to a UI executor, coalescing requests: at most one
 * run is in flight, and when inputs arrive while it runs only the latest is computed next (a debounce without a
 * timer, so a single edit is never delayed). No JavaFX types: the GUI passes {@code Platform::runLater}, tests pass
 * {@code Runnable::run}.
 */
public final class BackgroundRunner<I, O> {
    private final Function<I, O> work;
    private final Consumer<O> apply;
    private final Consumer<Throwable> failed;
    private final Executor background;
    private final Executor ui;
    private final AtomicReference<I> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public BackgroundRunner(Function<I, O> work, Consumer<O> apply, Consumer<Throwable> failed, Executor background,
                            Executor ui) {
        this.work = work;
        this.apply = apply;
        this.failed = failed;
        this.background = background;
        this.ui = ui;
    }

    /** Asks for a run on this input; replaces any input still waiting. */
    public void submit(I input) {
        pending.set(input);
        drain();
    }

    private void drain() {
        if (pending.get() == null || !running.compareAndSet(false, true)) {
            return;
        }
        I input = pending.getAndSet(null);
        if (input == null) {
            running.set(false);
            return;
        }
        background.execute(() -> {
            try {
                O output = work.apply(input);
                ui.execute(() -> {
                    if (pending.get() == null) {
                        apply.accept(output);
                    }
                });
            } catch (RuntimeException | Error e) {
                ui.execute(() -> failed.accept(e));
            } finally {
                running.set(false);
                drain();
            }
        });
    }
}
