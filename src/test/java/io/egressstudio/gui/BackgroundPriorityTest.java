package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The designer's background thread runs below the FX thread's priority (Linux: a higher nice value). */
class BackgroundPriorityTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void aBackgroundThreadLowersItsOwnPriorityAndOthersKeepTheirs() throws Exception {
        int before = niceOfCurrentThread();
        AtomicInteger lowered = new AtomicInteger(Integer.MIN_VALUE);
        Thread background = new Thread(BackgroundPriority.lowered(() -> lowered.set(niceOfCurrentThread())));
        background.start();
        background.join();

        assertThat(lowered.get()).as("a higher nice value is a lower priority")
                .isGreaterThanOrEqualTo(Math.min(19, before + 1));
        assertThat(niceOfCurrentThread()).as("only the background thread changed").isEqualTo(before);
    }

    /** Field 19 of /proc/thread-self/stat, after the parenthesised command name. */
    private static int niceOfCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
