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
     * Closes every stage that matches, with every stage out of full screen first. Headless Monocle makes the other
     * windows full screen too when one goes full screen (the presenter), and those get JavaFX's full-screen warning;
     * a warning still animating when its scene is replaced (TestFX gives the primary stage a new scene per test)
     * fails inside the toolkit with the render lock held, and every later test then hangs.
     */
    public static void close(Predicate<Stage> which) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stages(s -> true).forEach(s -> s.setFullScreen(false))).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> stages(which).forEach(Stage::close)).get();
    }

    private static List<Stage> stages(Predicate<Stage> which) {
        return List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage s && which.test(s))
                .map(w -> (Stage) w).toList();
    }
}
