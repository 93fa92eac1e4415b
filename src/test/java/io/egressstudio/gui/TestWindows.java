package io.egressstudio.gui;

import java.util.List;
import java.util.function.Predicate;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the windows a test opened, so that none stays over the next test's window. */
public final class TestWindows {
    private TestWindows() {
    }

    /**
     * Closes every stage that matches, out of full screen first: a stage closed while full screen leaves JavaFX's
     * full-screen warning animating a scene that is gone (where full screen is not "trusted", as under TestFX), and
     * the next test then fails on the FX thread.
     */
    public static void close(Predicate<Stage> which) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stages(which).forEach(s -> s.setFullScreen(false))).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> stages(which).forEach(Stage::close)).get();
    }

    private static List<Stage> stages(Predicate<Stage> which) {
        return List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage s && which.test(s))
                .map(w -> (Stage) w).toList();
    }
}
