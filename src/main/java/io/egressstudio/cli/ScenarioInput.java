package io.egressstudio.cli;

import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Scenario;
import java.nio.file.Path;

/**
 * A scenario file as the commands use it: loaded, then taken to the state after its first {@code step} steps — by
 * default after all of them, the configuration a walkthrough ends with.
 */
final class ScenarioInput {
    static final String STEP_HELP = "use the scenario as it is after its first N steps (0: as drawn; default: after all of them)";

    private ScenarioInput() {
    }

    static Scenario load(Path file, Integer step) throws ScenarioFormatException {
        Scenario scenario = ScenarioFile.load(file);
        int count = step == null ? scenario.steps().size() : step;
        if (count < 0 || count > scenario.steps().size()) {
            throw new ScenarioFormatException(file.toString(), 0, 0, null,
                    "--step " + count + " is out of range: this scenario has " + scenario.steps().size() + " steps");
        }
        try {
            return Steps.after(scenario, count);
        } catch (Steps.StepException e) {
            throw new ScenarioFormatException(file.toString(), 0, 0, e.path(), e.getMessage());
        }
    }
}
