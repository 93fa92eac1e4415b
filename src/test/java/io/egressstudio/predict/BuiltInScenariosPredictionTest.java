package io.egressstudio.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every step of every built-in scenario, and of the scenario files under {@code predict/scenarios}, generated and
 * predicted: the outcome each step expects.
 */
class BuiltInScenariosPredictionTest {
    @TestFactory
    Stream<DynamicTest> everyStepOfEveryBuiltInScenario() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Scenario> scenarios = new java.util.LinkedHashMap<>();
        for (String name : BuiltInScenarios.names()) {
            scenarios.put(name, BuiltInScenarios.get(name));
        }
        for (java.nio.file.Path file : Fixture.files("scenarios")) {
            scenarios.put(file.getFileName().toString(), io.egressstudio.io.ScenarioFile.load(file));
        }
        for (Map.Entry<String, Scenario> named : scenarios.entrySet()) {
            String name = named.getKey();
            Scenario scenario = named.getValue();
            for (int i = 0; i < scenario.steps().size(); i++) {
                Step step = scenario.steps().get(i);
                if (step.expect().isEmpty()) {
                    continue;
                }
                Scenario after = Steps.after(scenario, i + 1);
                TrafficPredictor predictor = new TrafficPredictor(MeshView.of(ScenarioGenerator.generate(after)));
                for (Map.Entry<String, Outcome> e : step.expect().entrySet()) {
                    Request request = ScenarioRequests.forLink(after, e.getKey());
                    tests.add(DynamicTest.dynamicTest(name + " / " + step.title() + " / " + e.getKey(), () -> {
                        Prediction p = predictor.predict(request);
                        assertThat(p.outcome()).as(name + " " + step.title() + "\n" + String.join("\n", p.explanation()))
                                .isEqualTo(e.getValue());
                    }));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(13);
        return tests.stream();
    }
}
