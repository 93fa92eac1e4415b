package io.egressstudio.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.mesh.MeshView;
import io.egressstudio.predict.Fixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One table over {@code predict/analyzers/*.yaml}: each {@code # Expected: CODE Kind/ns/name} must be reported, and
 * each {@code # Absent: CODE Kind/ns/name} (the good resource beside the bad one) must not.
 */
class AnalyzerFixturesTest {
    @TestFactory
    Stream<DynamicTest> analyzerFixtures() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : Fixture.files("analyzers")) {
            Fixture fixture = Fixture.load(file);
            List<Finding> findings = Analyzers.analyze(MeshView.of(fixture.resources()));
            List<String> reported = findings.stream().map(f -> f.code() + " " + f.resource()).toList();
            for (String expected : fixture.findings()) {
                tests.add(DynamicTest.dynamicTest(fixture.name() + ": reports " + expected, () ->
                        assertThat(reported).as(fixture.name()).contains(expected)));
            }
            for (String absent : fixture.absent()) {
                tests.add(DynamicTest.dynamicTest(fixture.name() + ": does not report " + absent, () ->
                        assertThat(reported).as(fixture.name()).doesNotContain(absent)));
            }
            tests.add(DynamicTest.dynamicTest(fixture.name() + ": findings are complete", () -> {
                assertThat(fixture.findings()).as(fixture.name() + " states what it expects").isNotEmpty();
                for (Finding f : findings) {
                    assertThat(f.field()).isNotBlank();
                    assertThat(f.message()).isNotBlank();
                    assertThat(f.fix()).isNotBlank();
                    // Kind/namespace/name; cluster-scoped objects (Namespace, Istio) have no namespace
                    assertThat(f.resource()).matches("[A-Za-z]+/[^/]*/[^/]+");
                }
            }));
        }
        return tests.stream();
    }
}
