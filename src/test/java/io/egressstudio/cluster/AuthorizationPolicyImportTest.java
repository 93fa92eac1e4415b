package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.mesh.AccessRulesImport;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.Scenario;
import io.egressstudio.predict.ScenarioRequests;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AuthorizationPolicy of the 3-egress-authz walkthrough, applied to a (mock) API server and imported back: the
 * imported resources predict the same DENIED and OK, and the policy reads back as the gateway's access rules.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AuthorizationPolicyImportTest {
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void anImportedAuthorizationPolicyPredictsTheSameRefusalsAndReadsBackAsAccessRules() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("3-egress-authz");
        ResourceSet resources = ScenarioGenerator.generate(scenario);

        Importer.Result imported = MockCluster.appliedAndImported(client, scenario, dir.resolve("snapshots"));

        assertThat(imported.resources().ofKind("AuthorizationPolicy")).extracting(e -> e.key().toString())
                .containsExactly("AuthorizationPolicy/istio-system/istio-egressgateway-allow");
        Map<String, String> expected = ImportTest.outcomes(resources, ScenarioRequests.all(scenario));
        assertThat(expected).containsValues("OK", "DENIED");
        assertThat(ImportTest.outcomes(imported.resources(), ScenarioRequests.all(scenario))).isEqualTo(expected);

        EgressGateway gateway = scenario.egressGateways().get(0);
        AccessRulesImport.Result rules = AccessRulesImport.of(MeshView.of(imported.resources()), "istio-system",
                gateway.selector());
        assertThat(rules.rules()).isEqualTo(gateway.accessRules());
        assertThat(rules.notes()).isEmpty();
    }
}
