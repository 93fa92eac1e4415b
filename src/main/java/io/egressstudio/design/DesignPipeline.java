package io.egressstudio.design;

import io.egressstudio.generate.GenerationMemo;
import io.egressstudio.generate.GeneratorOptions;
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
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scenario → {@link DesignAnalysis}: validate, generate, write YAML, predict and analyze, findings placed on the
 * elements. The one pipeline of a drawn scenario: the window, presenter mode, live view, {@code export} and the
 * observers all call it (decision 0022). Plain Java, any thread.
 */
public final class DesignPipeline {
    private final PredictionEngine engine;
    private final Function<Scenario, GeneratorOptions> certificates;

    private static final Logger LOG = Logger.getLogger(DesignPipeline.class.getName());

    /** What the last analysis this pipeline made keeps for the next one: its links' rules and YAML documents. */
    private record Documents(ResourceSet resources, GenerationMemo generated, YamlDocuments documents) {
    }

    private final java.util.concurrent.atomic.AtomicReference<Documents> lastDocuments =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The pipeline every front end uses: the real predictor and analyzers, the generator's default certificates. */
    public static DesignPipeline standard() {
        return new DesignPipeline(PredictionEngines.standard());
    }

    public DesignPipeline(PredictionEngine engine) {
        this(engine, s -> GeneratorOptions.defaults());
    }

    /**
     * @param certificates the generator's certificate input per scenario: the issued certificates that fill its
     *                     Secrets (the YAML shown has their private keys redacted)
     */
    public DesignPipeline(PredictionEngine engine, Function<Scenario, GeneratorOptions> certificates) {
        this.engine = engine;
        this.certificates = certificates;
    }

    public DesignAnalysis analyze(Scenario scenario) {
        return analyze(scenario, null);
    }

    /**
     * Analyzes, reusing what the previous analysis (of the scenario before an edit; may be null) already made: the
     * YAML text of every resource the edit did not change, and its objects where they are equal (a prediction that
     * did not change is the same instance as before, and so are unchanged findings). The FX thread then tells what
     * changed by identity instead of comparing thousands of predictions. The result equals a fresh analysis.
     */
    public DesignAnalysis analyze(Scenario scenario, DesignAnalysis previous) {
        long start = System.nanoTime();
        List<Problem> problems = ScenarioValidator.validate(scenario);
        if (!problems.isEmpty()) {
            return new DesignAnalysis(scenario, problems, null, "", Map.of(), List.of(), false,
                    notValid(problems), System.nanoTime() - start);
        }
        if (onlyMoved(scenario, previous)) {
            // positions are drawing only: nothing generated, predicted or found depends on them
            return new DesignAnalysis(scenario, previous.problems(), previous.resources(), previous.yaml(),
                    previous.predictions(), previous.findings(), previous.predictionsReady(), previous.error(),
                    System.nanoTime() - start);
        }
        ResourceSet resources;
        String yaml;
        try {
            Documents before = documentsOf(previous);
            ScenarioGenerator.Generated generated = ScenarioGenerator.generate(scenario, certificates.apply(scenario),
                    before.generated());
            resources = generated.resources();
            YamlDocuments.Written written = before.documents().write(redacted(resources));
            yaml = written.yaml();
            lastDocuments.set(new Documents(resources, generated.memo(), written.documents()));
        } catch (RuntimeException e) {
            // a generator failure is our bug, not the user's: say so in words, not the library's message
            LOG.log(Level.WARNING, "cannot generate the resources of " + scenario.name(), e);
            return new DesignAnalysis(scenario, problems, null, "", Map.of(), List.of(), false,
                    "the resources of this design could not be generated (an internal error, logged); "
                            + "undo the last change and report it", System.nanoTime() - start);
        }
        Optional<PredictionEngine.Result> result;
        String error = null;
        try {
            result = engine.run(scenario, resources);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the predictor failed on " + scenario.name(), e);
            result = Optional.empty();
            error = "the predictions of this design could not be made (an internal error, logged); undo the last "
                    + "change and report it";
        }
        Map<String, LinkPrediction> predictions = new LinkedHashMap<>();
        result.map(PredictionEngine.Result::predictions).orElse(Map.of()).forEach((id, p) -> {
            LinkPrediction before = previous == null ? null : previous.prediction(id);
            predictions.put(id, p == before || p.equals(before) ? before : p);
        });
        List<DesignFinding> findings = result.map(PredictionEngine.Result::findings).orElse(List.of());
        return new DesignAnalysis(scenario, previous == null ? problems : same(problems, previous.problems()),
                resources, yaml, predictions, previous == null ? findings : same(findings, previous.findings()),
                result.isPresent(), error, System.nanoTime() - start);
    }

    /** Whether the scenario is the previous analysis's, with boxes moved and nothing else changed. */
    private static boolean onlyMoved(Scenario scenario, DesignAnalysis previous) {
        return previous != null && previous.resources() != null && previous.problems().isEmpty()
                && previous.error() == null && !scenario.layout().equals(previous.scenario().layout())
                && scenario.withLayout(previous.scenario().layout()).equals(previous.scenario());
    }

    private static final Documents NOTHING = new Documents(null, GenerationMemo.NONE, YamlDocuments.NONE);

    /** What the previous analysis kept, if it is still at hand (this pipeline made it last). */
    private Documents documentsOf(DesignAnalysis previous) {
        Documents last = lastDocuments.get();
        return previous != null && last != null && last.resources() == previous.resources() ? last : NOTHING;
    }

    private static <T> List<T> same(List<T> next, List<T> previous) {
        return next.equals(previous) ? previous : next;
    }

    /** Every problem, each with its field path: "the scenario is not valid yet: 2 problems: a.b: m; c.d: n". */
    static String notValid(List<Problem> problems) {
        StringBuilder text = new StringBuilder("the scenario is not valid yet: ");
        if (problems.size() > 1) {
            text.append(problems.size()).append(" problems: ");
        }
        for (int i = 0; i < problems.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(problems.get(i).path()).append(": ").append(problems.get(i).message());
        }
        return text.toString();
    }

    /** The YAML of a resource set; an empty set (a design with nothing drawn yet) is no YAML rather than an error. */
    /** The resources with the private key entries of every Secret replaced: what may be shown on screen. */
    public static ResourceSet redacted(ResourceSet resources) {
        return ResourceSet.of(resources.entries().stream()
                .map(e -> e.resource() instanceof io.fabric8.kubernetes.api.model.Secret secret
                        ? e.withResource(io.egressstudio.certs.CertificateSecrets.redacted(secret))
                        : e)
                .toList());
    }

    private static String toYaml(ResourceSet resources) {
        return resources.entries().isEmpty() ? "" : ManifestWriter.toYaml(resources);
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
        return toYaml(redacted(ResourceSet.of(entries)));
    }
}
