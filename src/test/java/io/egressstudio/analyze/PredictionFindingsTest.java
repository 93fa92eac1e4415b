package io.egressstudio.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.mesh.MeshView;
import io.egressstudio.model.Outcome;
import io.egressstudio.predict.Fixture;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.Request;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request predicted to fail gets a finding, in one table over every fixture that states requests: its own
 * (ES0021-ES0026, with the request, a message and a fix) or an analyzer's that explains it on the request's path. OK and
 * PASSTHROUGH get none.
 */
class PredictionFindingsTest {
    /** The codes only this test's fixtures exercise (the catalogue meta-test reads it). */
    static final Set<String> COVERS = Set.of("ES0021", "ES0022", "ES0023", "ES0024", "ES0025", "ES0026", "ES0038");

    private static final List<String> FOLDERS = List.of("rules", "seed", "analyzers", "findings");

    @TestFactory
    Stream<DynamicTest> everyFailingPredictionHasAFindingWithCodeAndFix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : fixtureFiles()) {
            Fixture fixture = Fixture.load(file);
            if (fixture.requests().isEmpty()) {
                continue;
            }
            Analysis analysis = analysisOf(fixture);
            for (int i = 0; i < analysis.predictions().size(); i++) {
                Prediction p = analysis.predictions().get(i);
                String expected = fixture.requests().get(i).outcome();
                String name = fixture.name() + ": " + p.request().url() + " " + expected;
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    assertThat(p.outcome().name()).as("the fixture's outcome").isEqualTo(expected);
                    List<Finding> own = ownFindings(analysis, p.request());
                    if (!PredictionFindings.fails(p.outcome())) {
                        assertThat(p.outcome()).isIn(Outcome.OK, Outcome.PASSTHROUGH);
                        assertThat(own).as("a request that reaches its server gets no finding").isEmpty();
                        return;
                    }
                    List<Finding> explaining = analysis.findings().stream()
                            .filter(f -> f.request() == null && p.resources().contains(f.resource())).toList();
                    assertThat(own.size() + explaining.size()).as("a finding for " + p.outcome()).isPositive();
                    for (Finding f : own) {
                        assertThat(f.code()).matches("ES00(2[1-6]|38)");
                        assertThat(f.severity()).isEqualTo(Severity.ERROR);
                        assertThat(f.message()).startsWith("Predicted " + p.outcome() + ": ").doesNotContain(" Fix: ");
                        assertThat(f.fix()).isNotBlank();
                        assertThat(f.resource()).matches("[A-Za-z]+/[^/]+/[^/]+");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void eachPredictionCodeIsMadeForItsOutcomeSomewhereInTheFixtures() {
        Set<String> made = new HashSet<>();
        for (Path file : fixtureFiles()) {
            Fixture fixture = Fixture.load(file);
            if (!fixture.requests().isEmpty()) {
                analysisOf(fixture).findings().stream().filter(f -> f.request() != null).forEach(f -> made.add(f.code()));
            }
        }
        assertThat(made).containsAll(COVERS);
        assertThat(PredictionFindings.messages()).extracting(MessageType::code).containsExactlyInAnyOrderElementsOf(COVERS);
    }

    @Test
    void doubleTlsThatEs0007ReportsOnTheRequestsPathIsNotReportedTwice() {
        Fixture fixture = Fixture.load(Fixture.ROOT.resolve("rules/double-tls.yaml"));
        Analysis analysis = analysisOf(fixture);

        assertThat(analysis.predictions()).extracting(Prediction::outcome).contains(Outcome.DOUBLE_TLS);
        assertThat(analysis.findings()).extracting(Finding::code).contains("ES0007").doesNotContain("ES0026");
    }

    @Test
    void aRefusalThatEs0041ExplainsOnThePolicyIsNotReportedTwice() {
        Fixture fixture = Fixture.load(Fixture.ROOT.resolve("analyzers/ES0041-authorization-identity-never-seen.yaml"));
        Analysis analysis = analysisOf(fixture);

        assertThat(analysis.predictions()).extracting(Prediction::outcome).containsExactly(Outcome.DENIED);
        assertThat(analysis.findings()).extracting(Finding::code).contains("ES0041").doesNotContain("ES0038");
    }

    @Test
    void aRefusalByADenyRuleNamesThePolicyAndHowToNarrowIt() {
        Fixture fixture = Fixture.load(Fixture.ROOT.resolve("rules/authz-deny-before-allow.yaml"));
        Analysis analysis = analysisOf(fixture);

        Prediction denied = analysis.predictions().stream().filter(p -> p.outcome() == Outcome.DENIED)
                .findFirst().orElseThrow();
        Finding finding = ownFindings(analysis, denied.request()).get(0);
        assertThat(finding.code()).isEqualTo("ES0038");
        assertThat(finding.resource()).isEqualTo("AuthorizationPolicy/istio-system/no-headers");
        assertThat(finding.message()).contains("RBAC: access denied").contains("DENY");
        assertThat(finding.fix()).contains("DENY rule");
    }

    @Test
    void blackholesUnregisteredHostUnderRegistryOnlyWithTheFixFromThePrediction() {
        Fixture fixture = Fixture.load(Fixture.ROOT.resolve("rules/sidecar-outbound-policy.yaml"));
        Analysis analysis = analysisOf(fixture);

        Prediction blackhole = analysis.predictions().stream().filter(p -> p.outcome() == Outcome.BLACKHOLE)
                .findFirst().orElseThrow();
        Finding finding = ownFindings(analysis, blackhole.request()).get(0);
        assertThat(finding.code()).isEqualTo("ES0021");
        assertThat(finding.message()).contains("BlackHoleCluster");
        assertThat(finding.fix()).contains("ServiceEntry");
        assertThat(analysis.failsAt(Severity.ERROR)).isTrue();
    }

    private static List<Path> fixtureFiles() {
        return FOLDERS.stream().flatMap(folder -> Fixture.files(folder).stream()).toList();
    }

    private static Analysis analysisOf(Fixture fixture) {
        List<Request> requests = fixture.requests().stream().map(e -> Request.parse(e.request())).toList();
        return Analysis.run(MeshView.of(fixture.resources()), requests);
    }

    private static List<Finding> ownFindings(Analysis analysis, Request request) {
        String text = request.from() + " -> " + request.url();
        return analysis.findings().stream().filter(f -> text.equals(f.request())).toList();
    }
}
