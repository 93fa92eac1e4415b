package io.egressstudio.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundRunnerTest {
    @Test
    void coalescesInputsThatArriveWhileARunIsInFlight() {
        Deque<Runnable> background = new ArrayDeque<>();
        List<String> applied = new ArrayList<>();
        List<Integer> computed = new ArrayList<>();
        BackgroundRunner<Integer, String> runner = new BackgroundRunner<>(i -> {
            computed.add(i);
            return "r" + i;
        }, applied::add, e -> applied.add("failed"), background::add, Runnable::run);

        runner.submit(1);
        runner.submit(2);
        runner.submit(3);
        assertThat(background).hasSize(1);
        background.poll().run();
        assertThat(background).as("only the latest waiting input runs next").hasSize(1);
        background.poll().run();
        assertThat(computed).containsExactly(1, 3);
        assertThat(applied).as("a result that is already stale is not applied").containsExactly("r3");
    }

    @Test
    void reportsFailuresOnTheUiExecutor() {
        List<String> seen = new ArrayList<>();
        BackgroundRunner<Integer, String> runner = new BackgroundRunner<>(i -> {
            throw new IllegalStateException("boom");
        }, seen::add, e -> seen.add(e.getMessage()), Runnable::run, Runnable::run);
        runner.submit(1);
        assertThat(seen).containsExactly("boom");
    }
}
