package io.egressstudio.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the window's background threads a lower scheduling priority than the FX thread, so that on a busy machine an
 * analysis yields the CPU to drawing instead of sharing it: on 2 cores the FX thread otherwise waited 20-50 ms for a
 * core while an analysis, the renderer, GC and the JIT ran (decision 0015). {@link Thread#setPriority} is ignored by
 * the JVM on Linux, so the thread renices itself there ({@code /proc/thread-self} names it); elsewhere, or without
 * {@code renice}, nothing changes.
 */
final class BackgroundPriority {
    private static final Logger LOG = Logger.getLogger(BackgroundPriority.class.getName());
    /** Nice value: below the FX thread's 0, well above the idle classes. */
    static final int NICE = 10;

    private BackgroundPriority() {
    }

    /** A thread factory's runnable: lowers its own priority, then runs the work. */
    static Runnable lowered(Runnable work) {
        return () -> {
            lowerCurrentThread();
            work.run();
        };
    }

    static void lowerCurrentThread() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.isSymbolicLink(self)) {
            return;
        }
        try {
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroy();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "renice unavailable; the background thread keeps its priority", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
