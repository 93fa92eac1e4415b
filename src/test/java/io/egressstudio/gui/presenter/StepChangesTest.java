package io.egressstudio.gui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.LinkPrediction.HopView;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Change;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Step;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StepChangesTest {
    private static final DesignPipeline SERVICE = new DesignPipeline(PredictionEngines.standard());

    private static Step step(Change... changes) {
        return new Step("a step", null, List.of(changes), Map.of());
    }

    @Test
    void highlightsTheElementsAStepsChangesName() {
        Step step = step(Change.set("client-mesh.outboundPolicy", "REGISTRY_ONLY"),
                Change.set("greeting-call.sidecarTls.mode", "SIMPLE"),
                Change.add("egressGateways", Map.of("id", "client-egress", "mesh", "client-mesh")),
                Change.remove("old-link"));

        assertThat(StepChanges.touched(step)).containsExactly("client-mesh", "greeting-call", "client-egress", "old-link");
    }

    @Test
    void highlightsALinkWhosePredictionChangedThoughNoChangeNamesIt() {
        LinkPrediction passthrough = new LinkPrediction("call", Outcome.PASSTHROUGH,
                List.of(new HopView("a", "b (PassthroughCluster)", "NONE")), List.of(), List.of());
        LinkPrediction blackhole = new LinkPrediction("call", Outcome.BLACKHOLE,
                List.of(new HopView("a", "BlackHoleCluster", "NONE")), List.of(), List.of());
        LinkPrediction plain = new LinkPrediction("other", Outcome.OK, List.of(new HopView("a", "c", "NONE")),
                List.of(), List.of());
        LinkPrediction encrypted = new LinkPrediction("other", Outcome.OK, List.of(new HopView("a", "c", "SIMPLE")),
                List.of(), List.of());
        LinkPrediction same = new LinkPrediction("same", Outcome.OK, List.of(), List.of(), List.of());

        assertThat(StepChanges.changedLinks(Map.of("call", passthrough, "other", plain, "same", same),
                Map.of("call", blackhole, "other", encrypted, "same", same, "new", same)))
                .as("another outcome, other hops (same outcome), a new link; not the unchanged one")
                .containsExactly("call", "new", "other");
    }

    @Test
    void listsCreatedChangedAndDeletedResourcesNamingTheChangedField() {
        ResourceSet before = ResourceSet.builder()
                .add(configMap("kept", "mode", "A"), "x")
                .add(configMap("edited", "mode", "A"), "x")
                .add(configMap("gone", "mode", "A"), "x").build();
        ResourceSet after = ResourceSet.builder()
                .add(configMap("kept", "mode", "A"), "x")
                .add(configMap("edited", "mode", "B"), "x")
                .add(configMap("added", "mode", "A"), "x").build();

        assertThat(StepChanges.resources(before, after)).extracting(StepChanges.ResourceChange::text).containsExactly(
                "~ ConfigMap ns/edited (mode)", "+ ConfigMap ns/added", "− ConfigMap ns/gone");
    }

    @Test
    void theScenarioAsDrawnShowsNothing() throws Exception {
        assertThat(StepChanges.of(null, null, null)).isEqualTo(StepChanges.Result.NONE);
        assertThat(StepChanges.ofStep(BuiltInScenarios.get("1a-simple"), 0, SERVICE, null))
                .isEqualTo(StepChanges.Result.NONE);
    }

    @Test
    void theServiceSideStepOf1aSimpleExposesTheServiceAndLeavesTheCallBlackholed() throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-simple");
        StepChanges.Result result = StepChanges.ofStep(scenario, 1, SERVICE, null);

        assertThat(result.highlighted()).containsExactlyInAnyOrder("service-mesh", "greeting-remote");
        assertThat(result.resourceTexts()).containsExactly(
                "~ ServiceMeshMemberRoll istio-system-service/default (members)",
                "+ Route istio-system-service/hello-remote",
                "+ Gateway greetings-service/rest-greeting-remote-gateway",
                "+ VirtualService greetings-service/rest-greeting-remote");
    }

    @Test
    void routingThroughTheEgressGatewayHighlightsTheNewGatewayAndTheRerouteLink() throws Exception {
        Scenario scenario = BuiltInScenarios.get("1b-egress-plain");
        StepChanges.Result result = StepChanges.ofStep(scenario, 2, SERVICE, null);

        assertThat(result.highlighted()).contains("client-egress", "greeting-call");
        assertThat(result.resourceTexts()).contains("+ Gateway istio-system-egressgw-client/istio-egressgateway",
                "+ ServiceEntry greetings-egressgw-client/rest-greeting-remote-mesh-ext");
    }

    @Test
    void aMeshPolicyChangeHighlightsTheMeshAndTheLinkItBlackholesAndNamesTheControlPlaneField() throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-unencrypted-v1");
        DesignAnalysis step1 = SERVICE.analyze(Steps.after(scenario, 1));
        DesignAnalysis step2 = SERVICE.analyze(Steps.after(scenario, 2));

        StepChanges.Result result = StepChanges.of(scenario.steps().get(1), step1, step2);

        assertThat(result.highlighted()).containsExactlyInAnyOrder("client-mesh", "greeting-call");
        assertThat(result.resourceTexts()).containsExactly("~ ServiceMeshControlPlane istio-system/tenant-1 (outbound.policy)");
    }

    @Test
    void registeringTheServiceCreatesItsServiceEntry() throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-unencrypted-v1");
        StepChanges.Result result = StepChanges.ofStep(scenario, 3, SERVICE, null);

        assertThat(result.resourceTexts()).containsExactly("+ ServiceEntry greetings-client/rest-greeting-remote-mesh-ext");
        assertThat(result.highlighted()).contains("rest-greeting-remote", "greeting-call");
    }

    static Stream<Arguments> everyStepOfEveryBuiltIn() {
        return BuiltInScenarios.names().stream().flatMap(name -> {
            int steps = BuiltInScenarios.get(name).steps().size();
            return java.util.stream.IntStream.rangeClosed(1, steps).mapToObj(n -> Arguments.of(name, n));
        });
    }

    /** Point 3 of issue 15: no walkthrough step may leave the diagram and the resources as they were. */
    @ParameterizedTest(name = "{0} step {1}")
    @MethodSource("everyStepOfEveryBuiltIn")
    void everyBuiltInStepHighlightsWhatItDidAndListsTheResourcesItChanged(String name, int n) throws Exception {
        Scenario scenario = BuiltInScenarios.get(name);
        DesignAnalysis before = SERVICE.analyze(Steps.after(scenario, n - 1));
        DesignAnalysis after = SERVICE.analyze(Steps.after(scenario, n));

        StepChanges.Result result = StepChanges.of(scenario.steps().get(n - 1), before, after);

        assertThat(result.highlighted()).as("highlighted ids").isNotEmpty();
        assertThat(result.resources()).as("resources created, changed or deleted").isNotEmpty();
        Scenario shown = after.scenario();
        assertThat(result.highlighted()).as("every highlighted id is an element of the step's scenario")
                .allSatisfy(id -> assertThat(shown.element(id)).as(id).isPresent());
        for (Map.Entry<String, Outcome> expected : scenario.steps().get(n - 1).expect().entrySet()) {
            assertThat(after.prediction(expected.getKey()).outcome()).as(expected.getKey())
                    .isEqualTo(expected.getValue());
        }
    }

    private static HasMetadata configMap(String name, String key, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("ns").endMetadata()
                .addToData(key, value).build();
    }
}
