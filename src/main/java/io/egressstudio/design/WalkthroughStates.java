package io.egressstudio.design;

import io.egressstudio.io.Steps;
import io.egressstudio.model.Scenario;
import java.util.ArrayList;
import java.util.List;

/** A walkthrough's states: the scenario as drawn and after each step, each analysed by the design pipeline. */
public final class WalkthroughStates {
    private WalkthroughStates() {
    }

    /**
     * The analysis of the scenario as drawn (index 0) and after each step (index n). Each state is analysed from the
     * previous one, so unchanged predictions are shared.
     */
    public static List<DesignAnalysis> of(Scenario scenario, DesignPipeline pipeline) throws Steps.StepException {
        List<DesignAnalysis> states = new ArrayList<>();
        Scenario current = scenario;
        DesignAnalysis previous = null;
        for (int n = 0; n <= scenario.steps().size(); n++) {
            if (n > 0) {
                current = Steps.apply(current, scenario.steps().get(n - 1), "steps[" + (n - 1) + "]");
            }
            previous = pipeline.analyze(current, previous);
            states.add(previous);
        }
        return List.copyOf(states);
    }
}
