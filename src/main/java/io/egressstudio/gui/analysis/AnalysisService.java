package io.egressstudio.gui.analysis;

import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Scenario → {@link DesignAnalysis}: validate, generate, write YAML, predict and analyze. Plain Java, any thread. */
public final class AnalysisService {
    private final PredictionEngine engine;

    public AnalysisService(PredictionEngine engine) {
        this.engine = engine;
    }

    public DesignAnalysis analyze(Scenario scenario) {
        long start = System.nanoTime();
        List<Problem> problems = ScenarioValidator.validate(scenario);
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            return new DesignAnalysis(scenario, problems, null, "", Map.of(), List.of(), false,
                    "the scenario is not valid yet: " + first.path() + ": " + first.message()
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""),
                    System.nanoTime() - start);
        }
        ResourceSet resources;
        String yaml;
        try {
            resources = ScenarioGenerator.generate(scenario);
            yaml = ManifestWriter.toYaml(resources);
        } catch (RuntimeException e) {
            return new DesignAnalysis(scenario, problems, null, "", Map.of(), List.of(), false,
                    "cannot generate: " + e.getMessage(), System.nanoTime() - start);
        }
        Optional<PredictionEngine.Result> result;
        String error = null;
        try {
            result = engine.run(scenario, resources);
        } catch (RuntimeException e) {
            result = Optional.empty();
            error = "the predictor failed: " + e;
        }
        return new DesignAnalysis(scenario, problems, resources, yaml,
                result.map(PredictionEngine.Result::predictions).orElse(Map.of()),
                result.map(PredictionEngine.Result::findings).orElse(List.of()), result.isPresent(), error,
                System.nanoTime() - start);
    }

    /**
     * Analyzes, reusing the previous analysis's objects where they are equal: a prediction that did not change is the
     * same instance as before, and so are unchanged findings. The FX thread then tells what changed by identity
     * instead of comparing thousands of predictions (the comparing is done here, off the FX thread).
     */
    public DesignAnalysis analyze(Scenario scenario, DesignAnalysis previous) {
        DesignAnalysis next = analyze(scenario);
        if (previous == null) {
            return next;
        }
        Map<String, LinkPrediction> predictions = new LinkedHashMap<>();
        next.predictions().forEach((id, p) -> {
            LinkPrediction before = previous.prediction(id);
            predictions.put(id, p.equals(before) ? before : p);
        });
        return new DesignAnalysis(next.scenario(), same(next.problems(), previous.problems()), next.resources(),
                next.yaml(), predictions, same(next.findings(), previous.findings()), next.predictionsReady(),
                next.error(), next.nanos());
    }

    private static <T> List<T> same(List<T> next, List<T> previous) {
        return next.equals(previous) ? previous : next;
    }

    /** The YAML of the resources that came from the given elements (all of them when none is given). */
    public static String yamlFor(DesignAnalysis analysis, Collection<String> elementIds) {
        if (analysis.resources() == null) {
            return "";
        }
        if (elementIds.isEmpty()) {
            return analysis.yaml();
        }
        Set<String> ids = new HashSet<>(elementIds);
        List<ResourceSet.Entry> entries = analysis.resources().entries().stream()
                .filter(e -> ids.contains(e.origin())).toList();
        return ManifestWriter.toYaml(ResourceSet.of(entries));
    }
}
