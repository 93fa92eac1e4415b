package io.egressstudio.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.GatewayApi;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue #19: a design predicts the same outcomes whichever API configures its egress gateways. For every built-in
 * with an egress gateway, in every walkthrough state, each link's outcome and the encryption of its hops are the
 * same when the gateways are Gateway API gateways (Gateway of class istio, HTTPRoute/TLSRoute, DestinationRules) as
 * with Istio's Gateway and VirtualServices; the path goes through the gateway istiod deploys ({@code NAME-istio}).
 */
class GatewayApiEquivalenceTest {
    @TestFactory
    Stream<DynamicTest> everyBuiltInWithAnEgressGatewayPredictsTheSameUnderTheGatewayApi() {
        // Maistra 2.x runs Istio 1.20 at most: no ServiceEntry parents for routes (the validator refuses, below)
        List<String> withGateways = BuiltInScenarios.names().stream()
                .filter(n -> !io.egressstudio.io.BuiltInDesigns.finished(n).egressGateways().isEmpty())
                .filter(n -> io.egressstudio.io.BuiltInDesigns.finished(n).meshes().stream()
                        .noneMatch(m -> m.flavour() == io.egressstudio.model.MeshFlavour.MAISTRA_2
                                // in ambient mode the gateway is a waypoint, which only the Gateway API configures
                                || m.ambient()))
                .toList();
        assertThat(withGateways).as("built-ins with an egress gateway on OSSM 3 or Istio").hasSizeGreaterThan(2);
        return withGateways.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Scenario base = BuiltInScenarios.get(name);
            for (int step = 0; step <= base.steps().size(); step++) {
                Scenario istio = Steps.after(base, step);
                if (istio.egressGateways().isEmpty()) {
                    continue;
                }
                Scenario gatewayApi = istio;
                for (EgressGateway g : istio.egressGateways()) {
                    gatewayApi = ScenarioEdits.replace(gatewayApi, g.id(), g.withApi(GatewayApi.GATEWAY_API));
                }
                DesignAnalysis a = DesignPipeline.standard().analyze(istio);
                DesignAnalysis b = DesignPipeline.standard().analyze(gatewayApi);
                assertThat(b.problems()).as("problems after step %d", step).isEmpty();
                assertThat(outcomes(b)).as("%s after step %d, Gateway API against Istio API", name, step)
                        .isEqualTo(outcomes(a));
                assertThat(encryption(b)).as("hop encryption after step %d", step).isEqualTo(encryption(a));
                // and nothing the Istio API design does not have to say: no route conflict, no unattached route
                assertThat(codes(b)).as("finding codes after step %d", step).isEqualTo(codes(a));
                boolean viaGateway = gatewayApi.links().stream().anyMatch(l -> l.via() != null);
                if (viaGateway) {
                    assertThat(b.predictions().values()).as("a link goes through istiod's gateway deployment")
                            .anyMatch(p -> p.hops().stream().anyMatch(h -> h.to().contains("-istio.")));
                }
            }
        }));
    }

    /** TLS passed through by SNI (TLSRoutes, experimental before Istio 1.30) goes through the gateway as with Istio's API. */
    @org.junit.jupiter.api.Test
    void tlsPassedThroughAGatewayApiGatewayPredictsWhatTheIstioApiDoes() throws Exception {
        Scenario gatewayApi = io.egressstudio.io.ScenarioFile.load(
                io.egressstudio.predict.Fixture.ROOT.resolve("scenarios/gateway-api-tls-passthrough.yaml"));
        EgressGateway gateway = gatewayApi.egressGateways().get(0);
        Scenario istio = ScenarioEdits.replace(gatewayApi, gateway.id(), gateway.withApi(GatewayApi.ISTIO));

        DesignAnalysis a = DesignPipeline.standard().analyze(istio);
        DesignAnalysis b = DesignPipeline.standard().analyze(gatewayApi);

        assertThat(outcomes(b)).isEqualTo(outcomes(a)).containsValue(Outcome.OK);
        assertThat(encryption(b)).isEqualTo(encryption(a));
        assertThat(codes(b)).isEqualTo(codes(a));
        assertThat(b.predictions().values()).allMatch(p -> p.hops().stream().anyMatch(h -> h.to().contains("-istio.")));
    }

    @org.junit.jupiter.api.Test
    void aMaistraMeshRefusesAGatewayApiEgressGatewayWithItsReason() {
        Scenario maistra = io.egressstudio.io.BuiltInDesigns.finished("1b-egress-encrypted");
        EgressGateway g = maistra.egressGateways().get(0);
        Scenario refused = ScenarioEdits.replace(maistra, g.id(), g.withApi(GatewayApi.GATEWAY_API));

        DesignAnalysis a = DesignPipeline.standard().analyze(refused);

        assertThat(a.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("egressGateways[0].api");
            assertThat(p.message()).contains("Istio 1.9").contains("needs Istio 1.21 or later");
        });
    }

    private static List<String> codes(DesignAnalysis a) {
        return a.findings().stream().map(DesignFinding::code).sorted().toList();
    }

    private static Map<String, Outcome> outcomes(DesignAnalysis a) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        a.predictions().forEach((id, p) -> out.put(id, p.outcome()));
        return out;
    }

    private static Map<String, List<String>> encryption(DesignAnalysis a) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        a.predictions().forEach((id, p) -> out.put(id, p.hops().stream().map(LinkPrediction.HopView::encryption).toList()));
        return out;
    }
}
