package io.egressstudio.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.mesh.MeshView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** One table over the YAML fixtures: every {@code # Request:} gets the {@code # Expected:} outcome. */
class PredictFixturesTest {
    @TestFactory
    Stream<DynamicTest> seedScenariosAsPlainYaml() {
        return tests("seed");
    }

    @TestFactory
    Stream<DynamicTest> rules() {
        return tests("rules");
    }

    /** Plain upstream Istio and OpenShift Service Mesh 3 YAML: no ServiceMeshControlPlane anywhere. */
    @TestFactory
    Stream<DynamicTest> upstreamIstioWithoutMaistra() {
        return tests("upstream");
    }

    @Test
    void everyFixtureStatesAtLeastOneRequest() {
        for (String folder : List.of("seed", "rules", "upstream")) {
            for (Path file : Fixture.files(folder)) {
                assertThat(Fixture.load(file).requests()).as(file.toString()).isNotEmpty();
            }
        }
    }

    private static Stream<DynamicTest> tests(String folder) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : Fixture.files(folder)) {
            Fixture fixture = Fixture.load(file);
            TrafficPredictor predictor = new TrafficPredictor(MeshView.of(fixture.resources()));
            for (Fixture.Expectation e : fixture.requests()) {
                tests.add(DynamicTest.dynamicTest(fixture.name() + ": " + e.request(), () -> {
                    Prediction p = predictor.predict(Request.parse(e.request()));
                    assertThat(p.outcome().name()).as(fixture.name() + " " + e.request() + "\n" + String.join("\n", p.explanation())).isEqualTo(e.outcome());
                    assertThat(p.explanation()).isNotEmpty();
                    assertThat(p.hops()).as(fixture.name() + " hops").isNotEmpty();
                    if (e.hops() != null) {
                        assertThat(p.hops()).as(fixture.name() + " hops " + p.hops())
                                .extracting(h -> h.encryption().name()).containsExactlyElementsOf(e.hops());
                    }
                }));
            }
        }
        return tests.stream();
    }
}
