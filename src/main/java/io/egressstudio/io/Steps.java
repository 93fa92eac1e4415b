package io.egressstudio.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.model.Change;
import io.egressstudio.model.ElementCollection;
import io.egressstudio.model.Link;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import io.egressstudio.model.Step;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Applies a walkthrough's steps: each step's changes on top of the scenario as the previous steps left it. */
public final class Steps {
    static final List<String> COLLECTIONS = ElementCollection.fieldNames();

    private Steps() {
    }

    /** Thrown when a change does not fit the scenario it is applied to. */
    public static final class StepException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String path;

        public StepException(String path, String message) {
            super(message);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** The scenario after the first {@code count} steps (0: as drawn). */
    public static Scenario after(Scenario scenario, int count) throws StepException {
        if (count < 0 || count > scenario.steps().size()) {
            throw new IllegalArgumentException("step " + count + " is out of range 0-" + scenario.steps().size());
        }
        Scenario current = withoutSteps(scenario);
        for (int i = 0; i < count; i++) {
            current = applyChanges(current, scenario.steps().get(i), "steps[" + i + "]");
        }
        return current.withSteps(scenario.steps());
    }

    /** The scenario after one more step; it keeps its list of steps. */
    public static Scenario apply(Scenario scenario, Step step, String stepPath) throws StepException {
        return applyChanges(withoutSteps(scenario), step, stepPath).withSteps(scenario.steps());
    }

    /**
     * Steps change elements, never the steps, so they are replayed on the scenario without its steps: with them,
     * each step would copy every step, and a long walkthrough would take time and memory by the square of its length.
     */
    private static Scenario withoutSteps(Scenario scenario) {
        return scenario.steps().isEmpty() ? scenario : scenario.withSteps(List.of());
    }

    private static Scenario applyChanges(Scenario scenario, Step step, String stepPath) throws StepException {
        ObjectNode tree = ScenarioMapper.JSON.valueToTree(scenario);
        for (int i = 0; i < step.changes().size(); i++) {
            applyChange(tree, step.changes().get(i), stepPath + ".changes[" + i + "]");
        }
        try {
            return ScenarioMapper.JSON.treeToValue(tree, Scenario.class);
        } catch (JsonMappingException e) {
            throw new StepException(stepPath + ".changes", "a change gives an invalid " + ScenarioFile.pathOf(e.getPath())
                    + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new StepException(stepPath + ".changes", e.getOriginalMessage());
        }
    }

    private static void applyChange(ObjectNode tree, Change change, String path) throws StepException {
        int kinds = (change.set() != null ? 1 : 0) + (change.add() != null ? 1 : 0) + (change.remove() != null ? 1 : 0);
        if (kinds != 1) {
            throw new StepException(path, "a change has exactly one of 'set', 'add' or 'remove'");
        }
        if (change.set() != null) {
            String[] parts = change.set().split("\\.");
            if (parts.length < 2) {
                throw new StepException(path + ".set", "'" + change.set() + "' must be ELEMENT_ID.FIELD");
            }
            ObjectNode target = findElement(tree, parts[0]);
            if (target == null) {
                throw new StepException(path + ".set", "'" + parts[0] + "' does not name any element");
            }
            try {
                FieldPaths.set(target, parts, 1, change.value() == null ? null
                        : ScenarioMapper.JSON.valueToTree(change.value()));
            } catch (FieldPaths.NotAMapping e) {
                throw new StepException(path + ".set", "'" + e.part() + "' of '" + parts[0] + "' is not a mapping");
            }
        } else if (change.add() != null) {
            if (!COLLECTIONS.contains(change.add())) {
                throw new StepException(path + ".add", "'" + change.add() + "' is not one of " + COLLECTIONS);
            }
            if (change.value() == null) {
                throw new StepException(path + ".value", "missing required field 'value': the element to add");
            }
            JsonNode list = tree.get(change.add());
            ArrayNode array = list instanceof ArrayNode existing ? existing : tree.putArray(change.add());
            array.add(ScenarioMapper.JSON.<JsonNode>valueToTree(change.value()));
        } else {
            if (!removeElement(tree, change.remove())) {
                throw new StepException(path + ".remove", "'" + change.remove() + "' does not name any element");
            }
        }
    }

    private static ObjectNode findElement(ObjectNode tree, String id) {
        for (String collection : COLLECTIONS) {
            JsonNode list = tree.get(collection);
            if (list == null) {
                continue;
            }
            for (JsonNode element : list) {
                if (element.isObject() && id.equals(element.path("id").asText(null))) {
                    return (ObjectNode) element;
                }
            }
        }
        return null;
    }

    private static boolean removeElement(ObjectNode tree, String id) {
        for (String collection : COLLECTIONS) {
            JsonNode list = tree.get(collection);
            if (list == null) {
                continue;
            }
            for (Iterator<JsonNode> it = list.iterator(); it.hasNext(); ) {
                if (id.equals(it.next().path("id").asText(null))) {
                    it.remove();
                    return true;
                }
            }
        }
        return false;
    }

    /** Every step applies cleanly, leaves a valid scenario, and expects outcomes only of links that exist then. */
    public static List<Problem> validate(Scenario scenario) {
        List<Problem> problems = new ArrayList<>();
        Scenario current = withoutSteps(scenario);
        for (int i = 0; i < scenario.steps().size(); i++) {
            String stepPath = "steps[" + i + "]";
            Step step = scenario.steps().get(i);
            if (step.title() == null || step.title().isBlank()) {
                problems.add(new Problem(stepPath + ".title", "missing required field 'title'"));
            }
            try {
                current = applyChanges(current, step, stepPath);
            } catch (StepException e) {
                problems.add(new Problem(e.path(), e.getMessage()));
                return problems;
            }
            for (Problem problem : ScenarioValidator.validate(current)) {
                if (problem.path().startsWith("layout.")) {
                    continue; // positions are checked once, against the drawing and what the steps add
                }
                problems.add(new Problem(stepPath + ".changes", "after this step, " + problem.path() + ": " + problem.message()));
            }
            for (String linkId : step.expect().keySet()) {
                if (current.element(linkId, Link.class).isEmpty()) {
                    problems.add(new Problem(stepPath + ".expect." + linkId, "'" + linkId + "' is not a link at this step"));
                }
            }
        }
        return problems;
    }
}
