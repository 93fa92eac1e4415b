package io.egressstudio.cli;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.design.WalkthroughStates;
import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Link;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's walkthrough as AsciiDoc in the seed's style: the title and description, then a section per step with
 * the narrative, the resources that step changes, the {@code oc apply} command for the step's manifest file, the
 * expected and predicted outcome of each link, and the diagram.
 */
final class Walkthrough {
    /** One step's state: its file names, full YAML, and predicted outcomes by link id. */
    record StepState(int number, Scenario scenario, String yaml, Map<String, Outcome> predicted) {
        String yamlFile() {
            return "step-" + number + ".yaml";
        }

        String pngFile() {
            return "step-" + number + ".png";
        }
    }

    private Walkthrough() {
    }

    /** The state after each of 0..N steps, from the design pipeline. */
    static List<StepState> states(Scenario scenario) throws Steps.StepException {
        List<StepState> states = new ArrayList<>();
        List<DesignAnalysis> analyses = WalkthroughStates.of(scenario, DesignPipeline.standard());
        for (int n = 0; n < analyses.size(); n++) {
            DesignAnalysis state = analyses.get(n);
            if (state.resources() == null) {
                throw new Steps.StepException(n == 0 ? "" : "steps[" + (n - 1) + "]", state.error());
            }
            Map<String, Outcome> predicted = new LinkedHashMap<>();
            for (Link link : state.scenario().links()) {
                LinkPrediction p = state.prediction(link.id());
                predicted.put(link.id(), p == null ? null : p.outcome());
            }
            states.add(new StepState(n, state.scenario(), ManifestWriter.toYaml(state.resources()), predicted));
        }
        return states;
    }

    /** The AsciiDoc; {@code images} says whether step-N.png files are written beside it. */
    static String adoc(Scenario scenario, List<StepState> states, boolean images) {
        StringBuilder a = new StringBuilder();
        String title = scenario.title() == null || scenario.title().isBlank() ? scenario.name() : scenario.title();
        a.append("= ").append(oneLine(title)).append('\n');
        a.append(":toc:\n:toclevels: 2\n:source-highlighter: rouge\n\n");
        if (scenario.description() != null && !scenario.description().isBlank()) {
            a.append(scenario.description().strip()).append("\n\n");
        }
        a.append("This walkthrough was exported by Egress Studio from the scenario `").append(scenario.name())
                .append("`. Each step's manifests are in the file named in its `oc apply` command, beside this document.\n\n");
        StepState start = states.get(0);
        a.append(".The scenario as drawn, before the first step\n");
        if (images) {
            a.append("image::").append(start.pngFile()).append("[").append(oneLine(title)).append("]\n\n");
        }
        a.append("[source,bash]\n----\noc apply -f ").append(start.yamlFile()).append("\n----\n\n");
        for (int i = 0; i < scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i);
            StepState state = states.get(i + 1);
            a.append("== ").append(oneLine(step.title())).append("\n\n");
            if (step.narrative() != null && !step.narrative().isBlank()) {
                a.append(step.narrative().strip()).append("\n\n");
            }
            List<String> changed = changedDocuments(states.get(i).yaml(), state.yaml());
            a.append(".The resources this step changes\n");
            a.append("[source,yaml]\n----\n");
            a.append(changed.isEmpty() ? "# no resource changes in this step\n" : String.join("---\n", changed));
            a.append("----\n\n");
            a.append("Apply the configuration as it is after this step (all of it, in `").append(state.yamlFile())
                    .append("`):\n\n");
            a.append("[source,bash]\n----\noc apply -f ").append(state.yamlFile()).append("\n----\n\n");
            a.append(".Outcome per link\n");
            a.append("[cols=\"2,1,1\",options=\"header\"]\n|===\n|Link |Expected |Predicted\n");
            for (Map.Entry<String, Outcome> e : state.predicted().entrySet()) {
                Outcome expected = step.expect().get(e.getKey());
                a.append("\n|`").append(e.getKey()).append("` |").append(expected == null ? "-" : expected.name())
                        .append(" |").append(e.getValue() == null ? "(no prediction)" : e.getValue().name());
                if (expected != null && e.getValue() != expected) {
                    a.append(" (differs)");
                }
                a.append('\n');
            }
            a.append("|===\n\n");
            if (images) {
                a.append("image::").append(state.pngFile()).append("[").append(oneLine(step.title())).append("]\n\n");
            }
        }
        return a.toString();
    }

    /** The YAML documents of {@code after} that are not, identically, in {@code before}; each ends with a newline. */
    static List<String> changedDocuments(String before, String after) {
        Set<String> old = new LinkedHashSet<>(documents(before));
        List<String> changed = new ArrayList<>();
        for (String doc : documents(after)) {
            if (!old.contains(doc)) {
                changed.add(doc);
            }
        }
        return changed;
    }

    private static List<String> documents(String yaml) {
        List<String> docs = new ArrayList<>();
        for (String part : yaml.split("(?m)^---\\s*$\\n?")) {
            if (!part.isBlank()) {
                docs.add(part.endsWith("\n") ? part : part + "\n");
            }
        }
        return docs;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
