package io.egressstudio.design;

import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Makes an imported scenario pass {@link ScenarioValidator}: whatever it objects to is left out, with a note. */
final class ImportValidity {
    private ImportValidity() {
    }

    /** Leaves out whatever the validator objects to, element by element, saying so. */
    static Scenario valid(Scenario scenario, List<String> notes) {
        for (int round = 0; round < 10; round++) {
            List<Problem> problems = ScenarioValidator.validate(scenario);
            if (problems.isEmpty()) {
                return scenario;
            }
            Set<String> drop = new HashSet<>();
            for (Problem problem : problems) {
                String collection = problem.path().replaceAll("\\[.*", "");
                java.util.regex.Matcher index = java.util.regex.Pattern.compile("^\\w+\\[(\\d+)]").matcher(problem.path());
                if (index.find()) {
                    drop.add(collection + "#" + index.group(1));
                    notes.add("left out " + collection + "[" + index.group(1) + "]: " + problem.message());
                }
            }
            if (drop.isEmpty()) {
                break;
            }
            scenario = new Scenario(scenario.name(), scenario.title(), scenario.description(), scenario.istioApi(),
                    keep(scenario.meshes(), "meshes", drop), keep(scenario.workloads(), "workloads", drop),
                    keep(scenario.egressGateways(), "egressGateways", drop),
                    keep(scenario.externalServices(), "externalServices", drop), keep(scenario.links(), "links", drop),
                    keep(scenario.federations(), "federations", drop), keep(scenario.certificates(), "certificates", drop),
                    List.of(), Map.of());
        }
        List<Problem> problems = ScenarioValidator.validate(scenario);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("import produced an invalid scenario: " + problems);
        }
        return scenario;
    }

    private static <T> List<T> keep(List<T> items, String collection, Set<String> drop) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!drop.contains(collection + "#" + i)) {
                out.add(items.get(i));
            }
        }
        return out;
    }
}
