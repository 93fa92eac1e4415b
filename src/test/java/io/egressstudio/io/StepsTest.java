package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.model.Change;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Position;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import io.egressstudio.model.Step;
import io.egressstudio.model.TlsMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepsTest {
    private final Scenario unencrypted = BuiltInScenarios.get("1a-unencrypted-v1");

    private static Mesh clientMesh(Scenario scenario) {
        return scenario.mesh("client-mesh").orElseThrow();
    }

    private static ExternalService remote(Scenario scenario) {
        return scenario.externalService("rest-greeting-remote").orElseThrow();
    }

    @Test
    void unencryptedV1GoesFromAllowAnyToRegistryOnlyToARegisteredServiceEntry() throws Exception {
        assertThat(unencrypted.steps()).hasSize(3);

        Scenario step1 = Steps.after(unencrypted, 1);
        assertThat(clientMesh(step1).outboundPolicy()).isEqualTo(OutboundPolicy.ALLOW_ANY);
        assertThat(remote(step1).registered()).isFalse();

        Scenario step2 = Steps.after(unencrypted, 2);
        assertThat(clientMesh(step2).outboundPolicy()).isEqualTo(OutboundPolicy.REGISTRY_ONLY);
        assertThat(remote(step2).registered()).isFalse();

        Scenario step3 = Steps.after(unencrypted, 3);
        assertThat(clientMesh(step3).outboundPolicy()).isEqualTo(OutboundPolicy.REGISTRY_ONLY);
        assertThat(remote(step3).registered()).isTrue();
        assertThat(remote(step3).name()).isEqualTo("rest-greeting-remote-mesh-ext");

        assertThat(unencrypted.steps()).extracting(s -> s.expect().get("greeting-call"))
                .containsExactly(Outcome.PASSTHROUGH, Outcome.BLACKHOLE, Outcome.OK);
    }

    @Test
    void noStepsIsTheScenarioAsDrawnAndStepsDoNotChangeIt() throws Exception {
        assertThat(Steps.after(unencrypted, 0)).isEqualTo(unencrypted);
        Steps.after(unencrypted, 3);
        assertThat(clientMesh(unencrypted).outboundPolicy()).isEqualTo(OutboundPolicy.ALLOW_ANY);
        assertThat(remote(unencrypted).registered()).isFalse();
    }

    @Test
    void everyBuiltInWalkthroughIsValid() {
        for (String name : BuiltInScenarios.names()) {
            assertThat(Steps.validate(BuiltInScenarios.get(name))).as(name).isEmpty();
        }
    }

    @Test
    void aChangeToAnUnknownElementIsReportedWithItsPath() {
        Step bad = new Step("Step 9", null, List.of(Change.set("client-mesh.outboundPolicy", "REGISTRY_ONLY"),
                Change.set("tenant-1.outboundPolicy", "REGISTRY_ONLY")), null);

        assertThatThrownBy(() -> Steps.apply(unencrypted, bad, "steps[8]"))
                .isInstanceOfSatisfying(Steps.StepException.class, e -> {
                    assertThat(e.path()).isEqualTo("steps[8].changes[1].set");
                    assertThat(e.getMessage()).isEqualTo("'tenant-1' does not name any element");
                });

        Scenario withBadStep = unencrypted.withSteps(List.of(unencrypted.steps().get(0), bad));
        assertThat(Steps.validate(withBadStep)).containsExactly(
                new Problem("steps[1].changes[1].set", "'tenant-1' does not name any element"));
    }

    @Test
    void removingAnUnknownElementOrAddingToAnUnknownCollectionIsReported() {
        Step removal = new Step("remove", null, List.of(Change.remove("no-such-link")), null);
        assertThatThrownBy(() -> Steps.apply(unencrypted, removal, "steps[0]"))
                .isInstanceOfSatisfying(Steps.StepException.class,
                        e -> assertThat(e.path()).isEqualTo("steps[0].changes[0].remove"));

        Step addition = new Step("add", null, List.of(Change.add("gadgets", Map.of("id", "x"))), null);
        assertThatThrownBy(() -> Steps.apply(unencrypted, addition, "steps[0]"))
                .isInstanceOfSatisfying(Steps.StepException.class, e -> {
                    assertThat(e.path()).isEqualTo("steps[0].changes[0].add");
                    assertThat(e.getMessage()).startsWith("'gadgets' is not one of");
                });

        Step both = new Step("both", null, List.of(new Change("client-mesh.mtls", null, "greeting-call", true)), null);
        assertThatThrownBy(() -> Steps.apply(unencrypted, both, "steps[0]"))
                .isInstanceOfSatisfying(Steps.StepException.class, e -> {
                    assertThat(e.path()).isEqualTo("steps[0].changes[0]");
                    assertThat(e.getMessage()).isEqualTo("a change has exactly one of 'set', 'add' or 'remove'");
                });
    }

    @Test
    void aStepCanSetNestedFieldsAddAndRemoveElements() throws Exception {
        Step step = new Step("rework", null, List.of(
                Change.set("greeting-call.sidecarTls.mode", "ISTIO_MUTUAL"),
                Change.add("links", Map.of("id", "second-call", "from", "rest-client-greeting",
                        "to", "rest-greeting-remote", "port", 8080)),
                Change.remove("greeting-call")), null);

        Scenario after = Steps.apply(unencrypted, step, "steps[0]");

        assertThat(after.links()).extracting(Link::id).containsExactly("second-call");
        assertThat(after.links().get(0).port()).isEqualTo(8080);

        Scenario onlyNested = Steps.apply(unencrypted, new Step("tls", null,
                List.of(Change.set("greeting-call.sidecarTls.mode", "ISTIO_MUTUAL")), null), "steps[0]");
        assertThat(onlyNested.links().get(0).sidecarTls().mode()).isEqualTo(TlsMode.ISTIO_MUTUAL);
    }

    @Test
    void aStepCanRemoveAnElementThatHasALayoutPosition() {
        // greeting-call has no position in 1a-unencrypted-v1, rest-greeting-remote-app has one
        Scenario scenario = unencrypted.withSteps(List.of(new Step("Step 1: the remote app goes away", null,
                List.of(Change.remove("greeting-call"), Change.set("rest-greeting-remote.server.workload", null),
                        Change.remove("rest-greeting-remote-app")), null)));

        assertThat(Steps.validate(scenario)).isEmpty();
    }

    @Test
    void anElementThatOnlyAStepAddsMayHaveALayoutPosition() throws Exception {
        Map<String, Position> layout = new LinkedHashMap<>(unencrypted.layout());
        layout.put("second-call", new Position(300, 300));
        Scenario scenario = unencrypted.withLayout(layout).withSteps(List.of(new Step("Step 1: a second call", null,
                List.of(Change.add("links", Map.of("id", "second-call", "from", "rest-client-greeting",
                        "to", "rest-greeting-remote", "port", 8080))), null)));

        assertThat(ScenarioValidator.validate(scenario)).isEmpty();
        assertThat(Steps.validate(scenario)).isEmpty();
        assertThat(ScenarioFile.parse(ScenarioFile.toYaml(scenario), "memory")).isEqualTo(scenario);

        Map<String, Position> stray = new LinkedHashMap<>(layout);
        stray.put("never-drawn", new Position(1, 1));
        assertThat(ScenarioValidator.validate(scenario.withLayout(stray))).containsExactly(
                new Problem("layout.never-drawn", "layout names 'never-drawn', which is not an element id"));
    }

    @Test
    void aStepThatLeavesAnInvalidScenarioIsReportedAtTheStep() {
        Scenario scenario = unencrypted.withSteps(List.of(new Step("Step 1", null,
                List.of(Change.set("greeting-call.port", 99999)), null)));

        assertThat(Steps.validate(scenario)).containsExactly(new Problem("steps[0].changes",
                "after this step, links[0].port: port 99999 is out of range (1-65535)"));
    }

    @Test
    void anExpectationForALinkThatDoesNotExistAtThatStepIsReported() {
        Scenario scenario = unencrypted.withSteps(List.of(new Step("Step 1", null,
                List.of(Change.remove("greeting-call")), Map.of("greeting-call", Outcome.OK))));

        assertThat(Steps.validate(scenario)).containsExactly(new Problem("steps[0].expect.greeting-call",
                "'greeting-call' is not a link at this step"));
    }
}
