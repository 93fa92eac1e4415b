package io.egressstudio.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.predict.Fixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control plane facts the predictor and analyzers build on. */
class MeshViewTest {
    private static MeshView view(String fixture) {
        return MeshView.of(Fixture.load(Fixture.ROOT.resolve(fixture)).resources());
    }

    @Test
    void strictMaistraImpliesMeshWideRulesInItsNamespace() {
        MeshView view = view("seed/1a-unencrypted-v2-step1.yaml");
        ControlPlane cp = view.controlPlaneOf("greetings-client");
        assertThat(cp.name()).isEqualTo("tenant-1");
        assertThat(view.controlPlaneOf("greetings-service")).isNull();
        MeshIndex index = view.index(cp);
        assertThat(index.destinationRules()).extracting(Rules.Dr::key)
                .contains("DestinationRule/istio-system/default", "DestinationRule/istio-system/api-server");
        WorkloadInfo client = view.workload("greetings-client", "rest-client-greeting");
        assertThat(client.sidecar()).isTrue();
        assertThat(view.workload("greetings-service", "rest-greeting-remote").sidecar()).as("non-member: no injection").isFalse();
        MeshIndex.MtlsMode mode = index.mtlsMode(client, 8080);
        assertThat(mode.mode()).isEqualTo("STRICT");
        assertThat(mode.decidedBy().key()).isEqualTo("PeerAuthentication/istio-system/default");
        assertThat(view.workload("istio-system", "istio-egressgateway").gateway()).isTrue();
        assertThat(view.kubernetesService("istio-ingressgateway.istio-system.svc.cluster.local")).isNotNull();
    }

    @Test
    void permissiveMaistraImpliesOnlyAPermissivePolicy() {
        MeshView view = view("seed/1a-unencrypted-v1-step1.yaml");
        MeshIndex index = view.indexOf("greetings-client");
        assertThat(index.destinationRules()).isEmpty();
        assertThat(index.mtlsMode(view.workload("greetings-client", "rest-client-greeting"), 8080).mode())
                .isEqualTo("PERMISSIVE");
        assertThat(index.controlPlane().outboundPolicy()).isEqualTo("ALLOW_ANY");
    }

    @Test
    void destinationRuleLookupSearchesClientThenServiceThenRoot() {
        MeshView view = view("rules/client-namespace-searched-first.yaml");
        MeshIndex index = view.indexOf("greetings-client");
        MeshService service = index.lookupService("greetings-client", Map.of("app", "rest-client-greeting"),
                "rest-greeting-remote.greetings-service.svc.cluster.local").service();
        MeshIndex.DrLookup lookup = index.lookupDestinationRule("greetings-client", Map.of(), service);
        assertThat(lookup.rule().key()).isEqualTo("DestinationRule/greetings-client/client-wide-disable");
        assertThat(lookup.searched()).containsExactly("greetings-client", "istio-system");
    }

    @Test
    void nonMemberConfigurationIsIgnored() {
        MeshView view = view("rules/dr-in-non-member-namespace.yaml");
        assertThat(view.ignoredConfig()).containsExactly("DestinationRule/greetings-service/disable-mtls-rest-greeting-remote");
    }

    @Test
    void federationImportsRegisterThePeerHost() {
        MeshView view = view("seed/2-federation.yaml");
        MeshService imported = view.indexOf("east-travel-agency").lookupService("east-travel-agency", Map.of(),
                "discounts.travel-agency.svc.west-mesh-imports.local").service();
        assertThat(imported.kind()).isEqualTo(MeshService.Kind.IMPORTED);
        assertThat(imported.port(8000)).isNotNull();
        assertThat(view.workload("remote-east-mesh-system", "egress-west-mesh").gateway()).isTrue();
    }
}
