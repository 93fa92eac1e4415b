package io.egressstudio.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.ElementPatch;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Element;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.predict.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A failing design never reads "No findings": every link predicted other than OK or PASSTHROUGH has a finding with a
 * code, the element and inspector field to change, and the fix; where one value fixes it, applying that quick fix
 * makes the prediction OK.
 */
class FailingLinkFindingsTest {
    private static final DesignPipeline SERVICE = new DesignPipeline(PredictionEngines.standard());

    /** A design, the link in it, the outcome it predicts, and the finding expected for it. */
    private record Case(String name, Scenario scenario, String link, Outcome outcome, String code, String elementId,
                        String elementField, boolean quickFix) {
    }

    private static List<Case> cases() throws Exception {
        Scenario unencrypted = BuiltInScenarios.get("1a-unencrypted-v1");
        Scenario registered = Steps.after(unencrypted, 3);
        Scenario egressPlain = io.egressstudio.io.BuiltInDesigns.finished("1b-egress-plain");
        Scenario egressMutual = io.egressstudio.io.BuiltInDesigns.finished("1b-egress-encrypted");
        Scenario gatewayWithoutCertificate = set(set(egressMutual, "greeting-call", "egressTls.clientCertificate", null),
                "greeting-call", "egressTls.credentialName", null);
        return List.of(
                new Case("REGISTRY_ONLY without a ServiceEntry (1a-unencrypted-v1 after step 2)",
                        Steps.after(unencrypted, 2), "greeting-call", Outcome.BLACKHOLE, "ES0021",
                        "rest-greeting-remote", "registered", true),
                new Case("a route to a port the ServiceEntry does not declare",
                        set(set(egressPlain, "greeting-call", "rewrite", "TARGET_PORT"), "greeting-call", "targetPort", 8443),
                        "greeting-call", Outcome.NO_ROUTE, "ES0022", "greeting-call", "via", false),
                new Case("the app sends TLS to a port declared HTTP",
                        set(registered, "greeting-call", "app", "HTTPS"), "greeting-call", Outcome.PROTOCOL_MISMATCH,
                        "ES0023", "greeting-call", "app", false),
                new Case("MUTUAL origination without a client certificate",
                        set(registered, "greeting-call", "sidecarTls.mode", "MUTUAL"), "greeting-call",
                        Outcome.TLS_FAILURE, "ES0027", "greeting-call", "sidecarTls.clientCertificate", false),
                new Case("MUTUAL at the egress gateway without a client certificate, the design's only one to pick",
                        gatewayWithoutCertificate, "greeting-call", Outcome.TLS_FAILURE, "ES0027", "greeting-call",
                        "egressTls.clientCertificate", true),
                new Case("ISTIO_MUTUAL to the egress gateway without SNI",
                        set(egressPlain, "greeting-call", "sidecarTls.mode", "ISTIO_MUTUAL"), "greeting-call",
                        Outcome.MTLS_FAILURE, "ES0024", "greeting-call", "sidecarTls.sni", true),
                new Case("SIMPLE TLS to a server that requires a client certificate",
                        ScenarioFile.load(Fixture.ROOT.resolve("scenarios/server-mutual-tls.yaml")), "call",
                        Outcome.TLS_FAILURE, "ES0025", "call", "sidecarTls.mode", false));
    }

    @TestFactory
    Stream<DynamicTest> eachFailingLinkHasAFindingOnTheElementToChange() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                DesignAnalysis a = SERVICE.analyze(c.scenario());
                assertThat(a.prediction(c.link()).outcome()).isEqualTo(c.outcome());
                DesignFinding f = a.findings().stream().filter(x -> x.code().equals(c.code())).findFirst()
                        .orElseThrow(() -> new AssertionError("no " + c.code() + " in " + a.findings()));
                assertThat(f.elementId()).isEqualTo(c.elementId());
                assertThat(f.elementField()).isEqualTo(c.elementField());
                assertThat(f.fix()).isNotBlank();
                assertThat(f.message()).isNotBlank();
                assertThat(f.quickFix() != null).as("a one-click fix").isEqualTo(c.quickFix());
                if (f.quickFix() != null) {
                    DesignAnalysis fixed = SERVICE.analyze(apply(c.scenario(), f.quickFix()));
                    assertThat(fixed.prediction(c.link()).outcome()).as("after " + f.quickFix().label())
                            .isEqualTo(Outcome.OK);
                    assertThat(fixed.findings()).extracting(DesignFinding::code).doesNotContain(c.code());
                }
            }));
        }
        return tests.stream();
    }

    /** Over every built-in at every step: no link predicted to fail goes without a finding placed on the drawing. */
    @TestFactory
    Stream<DynamicTest> everyFailingLinkOfEveryBuiltInAtEveryStepHasAPlacedFinding() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : BuiltInScenarios.names()) {
            Scenario s = BuiltInScenarios.get(name);
            for (int step = 0; step <= s.steps().size(); step++) {
                Scenario shown = Steps.after(s, step);
                tests.add(DynamicTest.dynamicTest(name + " after step " + step, () -> {
                    DesignAnalysis a = SERVICE.analyze(shown);
                    assertThat(a.error()).isNull();
                    a.predictions().values().stream().filter(p -> !p.outcome().reachesServer()).forEach(p ->
                            assertThat(a.findings()).as(p.linkId() + " " + p.outcome())
                                    .anyMatch(f -> f.elementId() != null && f.fix() != null && f.code().matches("ES\\d{4}")
                                            && (f.elementId().equals(p.linkId()) || touches(shown, p.linkId(), f.elementId()))));
                    if (a.predictions().values().stream().allMatch(p -> p.outcome().reachesServer())) {
                        assertThat(a.findings()).noneMatch(f -> f.code().compareTo("ES0021") >= 0
                                && f.code().compareTo("ES0026") <= 0);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void passthroughUnderAllowAnyIsByDesignAndGetsNoFinding() throws Exception {
        DesignAnalysis a = SERVICE.analyze(Steps.after(BuiltInScenarios.get("1a-unencrypted-v1"), 1));

        assertThat(a.prediction("greeting-call").outcome()).isEqualTo(Outcome.PASSTHROUGH);
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void anEmptyScenarioAnalysesToNothingDrawnWithoutAnError() {
        DesignAnalysis a = SERVICE.analyze(ScenarioEdits.empty("untitled"));

        assertThat(a.error()).isNull();
        assertThat(a.problems()).isEmpty();
        assertThat(a.predictionsReady()).isTrue();
        assertThat(a.yaml()).isEmpty();
        assertThat(a.findings()).isEmpty();
        assertThat(DesignPipeline.yamlFor(a, List.of())).isEmpty();
        assertThat(io.egressstudio.gui.window.MainViewModel.summary(a)).startsWith("Nothing drawn yet")
                .doesNotContain("Exception", "Event");
    }

    @Test
    void anInvalidScenarioNamesEveryProblemNotOnlyTheFirst() throws Exception {
        Scenario s = BuiltInScenarios.get("1a-unencrypted-v1");
        Scenario twice = set(set(s, "greeting-call", "port", 70000), "rest-client-greeting", "ports", List.of(0));

        DesignAnalysis a = SERVICE.analyze(twice);

        assertThat(a.problems()).hasSizeGreaterThan(1);
        assertThat(a.error()).doesNotContain("more)");
        for (var p : a.problems()) {
            assertThat(a.error()).contains(p.path() + ": " + p.message());
        }
    }

    private static boolean touches(Scenario s, String linkId, String elementId) {
        var link = s.element(linkId, io.egressstudio.model.Link.class).orElseThrow();
        return elementId.equals(link.to()) || elementId.equals(link.from()) || elementId.equals(link.via());
    }

    private static Scenario set(Scenario s, String id, String field, Object value) {
        Element element = s.element(id).orElseThrow();
        return ScenarioEdits.replace(s, id, ElementPatch.setField(element, field, value));
    }

    private static Scenario apply(Scenario s, QuickFix fix) {
        return set(s, fix.elementId(), fix.field(), fix.value());
    }
}
