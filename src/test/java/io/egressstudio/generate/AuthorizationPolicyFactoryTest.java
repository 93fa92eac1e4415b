package io.egressstudio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Access rules become AuthorizationPolicies on the proxy that enforces them, in terms that proxy can evaluate. */
class AuthorizationPolicyFactoryTest {
    private static final String SCENARIO = """
            apiVersion: egress-studio/v1
            kind: Scenario
            name: authz
            meshes:
              - id: mesh
                name: basic
                namespace: istio-system
                flavour: %s
                version: %s
                members: [greetings-client]
            workloads:
              - id: client
                namespace: greetings-client
                name: rest-client-greeting
                accessRules:
                  - namespaces: [greetings-client]
            egressGateways:
              - id: egress
                mesh: mesh
                serverTls: ISTIO_MUTUAL
                accessRules:
                  - namespaces: [greetings-client]
                    hosts: [plain.example.com, tls.example.com]
                  - action: DENY
                    methods: [POST]
            externalServices:
              - id: plain
                name: plain
                namespace: greetings-client
                hosts: [plain.example.com]
                ports: [{number: 80, name: http, protocol: HTTP}]
              - id: tls
                name: tls
                namespace: greetings-client
                hosts: [tls.example.com]
                ports: [{number: 443, name: tls, protocol: TLS}]
                server: {kind: TLS}
            links:
              - id: plain-call
                from: client
                to: plain
                app: HTTP
                port: 80
                via: egress
              - id: tls-call
                from: client
                to: tls
                app: HTTPS
                port: 443
                via: egress
            """;

    private static ResourceSet generate(String flavour, String version) throws Exception {
        Scenario scenario = ScenarioFile.parse(SCENARIO.formatted(flavour, version), "authz.yaml");
        return ScenarioGenerator.generate(scenario);
    }

    private static io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy spec(HasMetadata r) {
        if (r instanceof io.fabric8.istio.api.security.v1.AuthorizationPolicy p) {
            return p.getSpec();
        }
        return ((io.fabric8.istio.api.security.v1beta1.AuthorizationPolicy) r).getSpec();
    }

    private static HasMetadata policy(ResourceSet set, String namespace, String name) {
        return set.get("AuthorizationPolicy", namespace, name).orElseThrow(() -> new AssertionError("missing "
                + namespace + "/" + name + " in " + set.entries().stream().map(e -> e.key().toString()).toList()))
                .resource();
    }

    @Test
    void hostsTheGatewayReadsAsHttpAreHostsAndHostsItPassesThroughAreMatchedBySni() throws Exception {
        ResourceSet set = generate("OSSM_3", "v1.28-latest");
        HasMetadata allow = policy(set, "istio-system", "istio-egressgateway-allow");

        assertThat(allow.getApiVersion()).isEqualTo("security.istio.io/v1");
        assertThat(spec(allow).getSelector().getMatchLabels()).containsEntry("istio", "egressgateway");
        assertThat(spec(allow).getAction()).isEqualTo(AuthorizationPolicyAction.ALLOW);
        List<Rule> rules = spec(allow).getRules();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).getFrom().get(0).getSource().getNamespaces()).containsExactly("greetings-client");
        assertThat(rules.get(0).getTo().get(0).getOperation().getHosts()).containsExactly("plain.example.com");
        assertThat(rules.get(0).getWhen()).isNullOrEmpty();
        assertThat(rules.get(1).getFrom().get(0).getSource().getNamespaces()).containsExactly("greetings-client");
        assertThat(rules.get(1).getTo()).as("no HTTP-only field on the TLS passthrough path").isNullOrEmpty();
        assertThat(rules.get(1).getWhen()).singleElement().satisfies(c -> {
            assertThat(c.getKey()).isEqualTo("connection.sni");
            assertThat(c.getValues()).containsExactly("tls.example.com");
        });
    }

    @Test
    void denyRulesGoToAPolicyOfTheirOwn() throws Exception {
        HasMetadata deny = policy(generate("OSSM_3", "v1.28-latest"), "istio-system", "istio-egressgateway-deny");

        assertThat(spec(deny).getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
        assertThat(spec(deny).getRules()).singleElement()
                .satisfies(r -> assertThat(r.getTo().get(0).getOperation().getMethods()).containsExactly("POST"));
    }

    @Test
    void aWorkloadsRulesSelectItsPodsInItsNamespace() throws Exception {
        HasMetadata allow = policy(generate("OSSM_3", "v1.28-latest"), "greetings-client", "rest-client-greeting-allow");

        assertThat(spec(allow).getSelector().getMatchLabels()).containsEntry("app", "rest-client-greeting");
        assertThat(spec(allow).getRules()).singleElement()
                .satisfies(r -> assertThat(r.getFrom().get(0).getSource().getNamespaces()).containsExactly("greetings-client"));
    }

    @Test
    void maistraMeshesGetTheV1beta1VersionTheirIstioServes() throws Exception {
        HasMetadata allow = policy(generate("MAISTRA_2", "v2.6"), "istio-system", "istio-egressgateway-allow");

        assertThat(allow.getApiVersion()).isEqualTo("security.istio.io/v1beta1");
    }

    @Test
    void aDesignWithoutAccessRulesHasNoAuthorizationPolicy() throws Exception {
        for (String name : BuiltInScenarios.names()) {
            Scenario s = BuiltInScenarios.get(name);
            if (io.egressstudio.io.BuiltInDesigns.finished(name).egressGateways().stream()
                    .anyMatch(g -> !g.accessRules().isEmpty())) {
                continue; // the authorization walkthroughs
            }
            ResourceSet set = ScenarioGenerator.generate(io.egressstudio.io.Steps.after(s, s.steps().size()));
            assertThat(set.ofKind("AuthorizationPolicy")).as(name).isEmpty();
        }
    }
}
