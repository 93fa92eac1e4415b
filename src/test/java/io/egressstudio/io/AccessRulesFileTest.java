package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.model.AccessAction;
import io.egressstudio.model.AccessRule;
import io.egressstudio.model.Scenario;
import org.junit.jupiter.api.Test;

/** Access rules read, save and come back unchanged; a file without them saves without them. */
class AccessRulesFileTest {
    private static final String FILE = """
            apiVersion: egress-studio/v1
            kind: Scenario
            name: rules
            meshes:
              - id: mesh
                name: basic
                namespace: istio-system
                flavour: OSSM_3
                version: v1.28-latest
            egressGateways:
              - id: egress
                mesh: mesh
                accessRules:
                  - namespaces: [greetings-client]
                    hosts: [greeting.remote.com]
                  - action: DENY
                    paths: [/admin*]
                    methods: [POST]
            """;

    @Test
    void accessRulesSurviveASaveAndALoad() throws Exception {
        Scenario s = ScenarioFile.parse(FILE, "rules.yaml");
        Scenario again = ScenarioFile.parse(ScenarioFile.toYaml(s), "saved.yaml");

        assertThat(again).isEqualTo(s);
        assertThat(again.egressGateways().get(0).accessRules()).containsExactly(
                new AccessRule(AccessAction.ALLOW, java.util.List.of("greetings-client"), null,
                        java.util.List.of("greeting.remote.com"), null, null, null),
                new AccessRule(AccessAction.DENY, null, null, null, null, java.util.List.of("POST"),
                        java.util.List.of("/admin*")));
    }

    @Test
    void aGatewayWithoutRulesIsSavedWithoutTheField() throws Exception {
        Scenario s = ScenarioFile.parse(FILE.substring(0, FILE.indexOf("    accessRules:")), "plain.yaml");

        assertThat(s.egressGateways().get(0).accessRules()).isEmpty();
        assertThat(ScenarioFile.toYaml(s)).doesNotContain("accessRules");
    }

    @Test
    void aBadMethodIsNamedWithItsField() {
        assertThatThrownBy(() -> ScenarioFile.parse(FILE.replace("[POST]", "[post]"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:").hasMessageContaining("egressGateways[0].accessRules[1].methods[0]");
    }
}
