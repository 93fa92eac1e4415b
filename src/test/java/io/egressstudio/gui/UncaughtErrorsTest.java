package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exception nobody caught in the designer becomes one line for the user and a log file with the details. */
class UncaughtErrorsTest {
    @TempDir
    Path logs;

    @Test
    void anUncaughtExceptionIsShownAsOneLineNamingItsLogFile() throws Exception {
        List<String> shown = new ArrayList<>();
        UncaughtErrors handler = new UncaughtErrors(logs, shown::add);

        handler.uncaughtException(new Thread("JavaFX Application Thread"), new IllegalStateException("broken canvas"));

        assertThat(shown).hasSize(1);
        Path log;
        try (Stream<Path> files = Files.list(logs)) {
            log = files.findFirst().orElseThrow();
        }
        assertThat(shown.get(0)).isEqualTo("internal error while running the designer (IllegalStateException); this is a bug in Egress Studio, not in your input: details in " + log)
                .doesNotContain("\n");
        assertThat(Files.readString(log)).contains("java.lang.IllegalStateException: broken canvas",
                "\tat io.egressstudio.gui.UncaughtErrorsTest.");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
                .isEqualTo("rw-------");
    }

    @Test
    void aRepeatingErrorShowsOneDialogUntilTheUserClosesIt() {
        List<String> shown = new ArrayList<>();
        UncaughtErrors handler = new UncaughtErrors(logs, shown::add);
        Thread fx = new Thread("JavaFX Application Thread");

        handler.uncaughtException(fx, new NullPointerException("in a repaint"));
        handler.uncaughtException(fx, new NullPointerException("in the next repaint"));
        assertThat(shown).hasSize(1);

        handler.shown();
        handler.uncaughtException(fx, new NullPointerException("later"));
        assertThat(shown).hasSize(2);
    }
}
