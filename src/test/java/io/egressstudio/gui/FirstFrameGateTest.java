package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window's background work waits for its first painted frame, then runs in the order it was given. */
@ExtendWith(ApplicationExtension.class)
class FirstFrameGateTest {
    private final List<String> ran = new ArrayList<>();

    @Test
    void workGivenBeforeTheFirstFrameWaitsThenRunsInOrderAndLaterWorkPassesStraightThrough() {
        FirstFrameGate gate = new FirstFrameGate(Runnable::run);
        gate.execute(() -> ran.add("first analysis"));
        gate.execute(() -> ran.add("YAML"));

        assertThat(ran).isEmpty();
        gate.open();
        assertThat(ran).containsExactly("first analysis", "YAML");

        gate.execute(() -> ran.add("after an edit"));
        assertThat(ran).containsExactly("first analysis", "YAML", "after an edit");
    }

    @Test
    void opensOnlyOnceTheStageIsShownAndPainted() throws Exception {
        FirstFrameGate gate = new FirstFrameGate(Runnable::run);
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Pane(), 200, 100));
            gate.openAfterFirstFrame(s);
            return s;
        }).get();
        gate.execute(() -> ran.add("first analysis"));
        // pulses run while no window shows: the gate stays shut
        WaitForAsyncUtils.waitForFxEvents(10);
        assertThat(gate.isOpen()).isFalse();
        assertThat(ran).isEmpty();

        WaitForAsyncUtils.asyncFx(stage::show).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, gate::isOpen);

        assertThat(ran).containsExactly("first analysis");
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }
}
