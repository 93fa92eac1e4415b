package io.egressstudio.gui.analysis;

import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import java.util.Collection;
import java.util.HashSet;
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
