package io.egressstudio.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.bench.DesignerBenchmark;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Element;
import io.egressstudio.model.ElementCollection;
import io.egressstudio.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The analysis an edit makes from the one before it (reused YAML documents, reused predictions) equals a fresh
 * analysis of the same scenario, after every edit of random edit sequences on every built-in and on a generated large
 * scenario. The seed is fixed per scenario, so a failure replays; the message names the edits that led to it.
 */
class IncrementalAnalysisTest {
    private static final int EDITS = 25;

    /** What a random edit may set, per collection: the path and the values it takes (null unsets it). */
    private static final List<FieldEdit> FIELDS = List.of(
            new FieldEdit(ElementCollection.MESHES, "outboundPolicy", "ALLOW_ANY", "REGISTRY_ONLY"),
            new FieldEdit(ElementCollection.MESHES, "mtls", true, false),
            new FieldEdit(ElementCollection.MESHES, "autoMtls", true, false),
            new FieldEdit(ElementCollection.WORKLOADS, "sidecar", true, false),
            new FieldEdit(ElementCollection.LINKS, "sidecarTls.mode", "DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"),
            new FieldEdit(ElementCollection.LINKS, "egressTls.mode", "DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"),
            new FieldEdit(ElementCollection.LINKS, "app", "HTTP", "HTTPS", "TCP"),
            new FieldEdit(ElementCollection.EXTERNAL_SERVICES, "registered", true, false),
            new FieldEdit(ElementCollection.EXTERNAL_SERVICES, "resolution", "DNS", "STATIC", "NONE"),
            // fields that other elements' resources are made from: the memo of a link must see them change
            new FieldEdit(ElementCollection.EGRESS_GATEWAYS, "serverTls", "ISTIO_MUTUAL", "DISABLE", null),
            new FieldEdit(ElementCollection.EGRESS_GATEWAYS, "namespace", "egress-a", "egress-b"),
            new FieldEdit(ElementCollection.MESHES, "namespace", "control-a", "control-b"),
            new FieldEdit(ElementCollection.WORKLOADS, "serviceAccount", "caller", "other"),
            new FieldEdit(ElementCollection.EXTERNAL_SERVICES, "hosts[0]", "a.example.com", "b.example.com"),
            new FieldEdit(ElementCollection.LINKS, "rewrite", "TARGET_PORT", "VIRTUAL_SERVICE", null),
            new FieldEdit(ElementCollection.LINKS, "app", "HTTP", "TCP"));

    private record FieldEdit(ElementCollection collection, String path, Object... values) {
    }

    @TestFactory
    Stream<DynamicTest> anEditsAnalysisEqualsAFreshOne() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : BuiltInScenarios.names()) {
            tests.add(DynamicTest.dynamicTest(name, () -> editAndCompare(BuiltInDesigns.finished(name), name.hashCode())));
        }
        tests.add(DynamicTest.dynamicTest("generated: 3 meshes, 60 workloads, 40 services, 150 links",
                () -> editAndCompare(DesignerBenchmark.largeScenario(3, 20, 40, 150), 17)));
        return tests.stream();
    }

    /**
     * Every field edit of the table on every element of every built-in, each from the finished design: random
     * sequences may miss the one field a memo forgets to compare.
     */
    @TestFactory
    Stream<DynamicTest> everyFieldEditEqualsAFreshAnalysis() {
        return BuiltInScenarios.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Scenario scenario = BuiltInDesigns.finished(name);
            int compared = 0;
            for (FieldEdit field : FIELDS) {
                for (Element element : field.collection().of(scenario)) {
                    for (Object value : field.values()) {
                        Element changed;
                        try {
                            changed = ElementPatch.setField(element, field.path(), value);
                        } catch (IllegalArgumentException rejected) {
                            continue;
                        }
                        Scenario edited = ScenarioEdits.replace(scenario, element.id(), changed);
                        String edit = element.id() + "." + field.path() + " = " + value;
                        // each edit from the finished design's analysis, as the window makes it
                        DesignPipeline incremental = DesignPipeline.standard();
                        DesignAnalysis before = incremental.analyze(scenario);
                        assertEqual(incremental.analyze(edited, before), DesignPipeline.standard().analyze(edited), edit);
                        compared++;
                    }
                }
            }
            assertThat(compared).as("edits compared").isPositive();
        }));
    }

    private static void assertEqual(DesignAnalysis next, DesignAnalysis fresh, String after) {
        assertThat(next.problems()).as("problems " + after).isEqualTo(fresh.problems());
        assertThat(next.yaml()).as("YAML " + after).isEqualTo(fresh.yaml());
        if (fresh.resources() != null) {
            // every resource, those that are only context (workloads) too, reused or made again
            assertThat(next.resources().entries()).as("resources " + after).isEqualTo(fresh.resources().entries());
        }
        assertThat(next.predictions()).as("predictions " + after).isEqualTo(fresh.predictions());
        assertThat(next.findings()).as("findings " + after).isEqualTo(fresh.findings());
        assertThat(next.error()).as("error " + after).isEqualTo(fresh.error());
    }

    private static void editAndCompare(Scenario scenario, long seed) {
        Random random = new Random(seed);
        DesignPipeline incremental = DesignPipeline.standard();
        DesignAnalysis previous = incremental.analyze(scenario);
        List<String> done = new ArrayList<>();
        Scenario s = scenario;
        // attempts, not edits, are bounded: a pick can hit an empty collection or a value the field refuses
        for (int attempt = 0; attempt < 8 * EDITS && done.size() < EDITS; attempt++) {
            Edited edited = randomEdit(s, random, done.stream().filter(d -> d.startsWith("remove ")).count() < 2);
            if (edited == null) {
                continue;
            }
            s = edited.scenario();
            done.add(edited.description());
            DesignAnalysis next = incremental.analyze(s, previous);
            DesignAnalysis fresh = DesignPipeline.standard().analyze(s);
            String after = "after " + String.join(", then ", done);
            assertEqual(next, fresh, after);
            if (fresh.resources() != null && !fresh.resources().entries().isEmpty()) {
                // the documents written one by one and kept are the manifest writer's one stream, byte for byte
                assertThat(fresh.yaml()).as("YAML as the manifest writer writes it " + after).isEqualTo(
                        io.egressstudio.generate.ManifestWriter.toYaml(DesignPipeline.redacted(fresh.resources())));
            }
            previous = next;
        }
        assertThat(done).as("edits made").hasSizeGreaterThan(EDITS / 2);
    }

    private record Edited(Scenario scenario, String description) {
    }

    /**
     * A field of a random element set to a random value, or (one time in eight each) a random element moved or, while
     * {@code mayRemove}, removed (a few removals: removing a mesh takes what it holds, and little is left to edit).
     */
    private static Edited randomEdit(Scenario s, Random random, boolean mayRemove) {
        int kind = random.nextInt(8);
        if (kind == 1 && !s.meshes().isEmpty()) {
            String moved = s.meshes().get(random.nextInt(s.meshes().size())).id();
            return new Edited(ScenarioEdits.move(s, java.util.Map.of(moved, new io.egressstudio.model.Position(
                    random.nextInt(800), random.nextInt(600)))), "move " + moved);
        }
        if (kind == 0 && mayRemove) {
            List<Element> all = new ArrayList<>();
            for (ElementCollection c : ElementCollection.values()) {
                all.addAll(c.of(s));
            }
            if (all.isEmpty()) {
                return null;
            }
            Element gone = all.get(random.nextInt(all.size()));
            return new Edited(ScenarioEdits.remove(s, List.of(gone.id())), "remove " + gone.id());
        }
        FieldEdit field = FIELDS.get(random.nextInt(FIELDS.size()));
        List<? extends Element> elements = field.collection().of(s);
        if (elements.isEmpty()) {
            return null;
        }
        Element element = elements.get(random.nextInt(elements.size()));
        Object value = field.values()[random.nextInt(field.values().length)];
        try {
            Element changed = ElementPatch.setField(element, field.path(), value);
            return new Edited(ScenarioEdits.replace(s, element.id(), changed),
                    element.id() + "." + field.path() + " = " + value);
        } catch (IllegalArgumentException rejected) {
            return null;
        }
    }
}
