package io.egressstudio.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Window tests' way into Live: Live › Connect to Prometheus…, the URL and a 1 s interval typed, Connect. */
public final class LiveConnectDialog {
    private LiveConnectDialog() {
    }

    /** Returns once the dialog has closed (the session is opening). */
    public static void connect(FxRobot robot, URI prometheus) throws Exception {
        robot.clickOn("Live").clickOn("Connect to Prometheus…");
        waitUntil(() -> robot.lookup("#live-connect-dialog").tryQuery().isPresent());
        robot.clickOn("#live-prometheus-url").write(prometheus.toString());
        robot.doubleClickOn("#live-interval").write("1s");
        assertThat(robot.lookup("#live-interval").queryAs(TextField.class).getText()).isEqualTo("1s");
        robot.clickOn("#live-connect-button");
        waitUntil(() -> robot.lookup("#live-connect-dialog").tryQuery().isEmpty());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
