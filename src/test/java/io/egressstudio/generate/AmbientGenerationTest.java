package io.egressstudio.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.ScenarioValidator;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.Request;
import io.egressstudio.predict.TrafficPredictor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mesh in ambient mode is generated as Istio's ambient egress task configures it: namespaces enrolled by label,
 * the egress gateway as a waypoint the ServiceEntry uses, TLS origination by a DestinationRule beside the waypoint,
 * and what the generator writes predicts through ztunnel and the waypoint.
 */
class AmbientGenerationTest {
    private static final String SCENARIO = """
            apiVersion: egress-studio/v1
            kind: Scenario
            name: ambient
            meshes:
              - id: mesh
                name: default
                namespace: istio-system
                flavour: %s
                version: %s
                members: [apps]
                egressGateway: false
                dataPlane: AMBIENT
            workloads:
              - {id: client, namespace: apps, name: curl, serviceAccount: client}
              - {id: batch, namespace: apps, name: batch, sidecar: false}
            egressGateways:
              - {id: egress, mesh: mesh, name: egress-wp, namespace: egress, api: %s}
            externalServices:
              - id: api
                name: api-example
                namespace: apps
                hosts: [api.example.com]
                ports: [{number: 443, name: https, protocol: TLS}]
                server: {kind: TLS}
            links:
              - id: call
                from: client
                to: api
                app: HTTP
                port: 80
                rewrite: TARGET_PORT
                targetPort: 443
                egressTls: {mode: SIMPLE}
                via: egress
            """;

    private static ResourceSet generate() throws Exception {
        return ScenarioGenerator.generate(ScenarioFile.parse(SCENARIO.formatted("OSSM_3", "v1.28-latest",
                "GATEWAY_API"), "ambient.yaml"));
    }

    private static HasMetadata get(ResourceSet set, String kind, String namespace, String name) {
        // a Gateway here is the Gateway API's (the waypoint): its key carries the group
        ResourceSet.Key key = kind.equals("Gateway")
                ? ResourceSet.Key.of("gateway.networking.k8s.io/v1", kind, namespace, name)
                : new ResourceSet.Key(kind, namespace, name);
        return set.get(key).orElseThrow(() -> new AssertionError("missing " + kind + "/" + namespace
                + "/" + name)).resource();
    }

    @Test
    void enrolsTheMembersInAmbientModeInsteadOfInjectingThem() throws Exception {
        ResourceSet set = generate();

        assertThat(get(set, "Namespace", null, "apps").getMetadata().getLabels())
                .containsEntry("istio.io/dataplane-mode", "ambient").doesNotContainKeys("istio-injection", "istio.io/rev");
        Map<String, String> client = ((Deployment) get(set, "Deployment", "apps", "curl")).getSpec().getTemplate()
                .getMetadata().getLabels();
        assertThat(client).doesNotContainKeys("sidecar.istio.io/inject", "istio.io/dataplane-mode");
        Map<String, String> batch = ((Deployment) get(set, "Deployment", "apps", "batch")).getSpec().getTemplate()
                .getMetadata().getLabels();
        assertThat(batch).as("a workload drawn without a sidecar opts out of ztunnel")
                .containsEntry("istio.io/dataplane-mode", "none");
        assertThat(ManifestWriter.toYaml(set)).contains("profile: \"ambient\"").contains("kind: \"ZTunnel\"")
                .contains("trustedZtunnelNamespace: \"ztunnel\"");
    }

    @Test
    void theEgressGatewayIsAWaypointThatTheServiceEntryUsesAndThatOriginatesTls() throws Exception {
        ResourceSet set = generate();

        HasMetadata waypoint = get(set, "Gateway", "egress", "egress-wp");
        assertThat(waypoint.getApiVersion()).startsWith("gateway.networking.k8s.io/");
        assertThat(waypoint.getMetadata().getLabels()).containsEntry("istio.io/waypoint-for", "service");
        String yaml = ManifestWriter.toYaml(set);
        assertThat(yaml).contains("gatewayClassName: \"istio-waypoint\"").contains("protocol: \"HBONE\"")
                .contains("port: 15008").contains("from: \"All\"")
                .doesNotContain("HTTPRoute").doesNotContain("VirtualService");
        assertThat(get(set, "ServiceEntry", "apps", "api-example").getMetadata().getLabels())
                .containsEntry("istio.io/use-waypoint", "egress-wp")
                .containsEntry("istio.io/use-waypoint-namespace", "egress");
        assertThat(set.ofKind("DestinationRule")).singleElement()
                .satisfies(e -> assertThat(e.resource().getMetadata().getNamespace()).isEqualTo("egress"));

        Prediction p = new TrafficPredictor(MeshView.of(set)).predict(Request.parse("apps/curl=http://api.example.com/"));
        assertThat(p.outcome().name()).as(String.join("\n", p.explanation())).isEqualTo("OK");
        assertThat(p.hops()).extracting(h -> h.encryption().name()).containsExactly("NONE", "ISTIO_MUTUAL", "SIMPLE");
        assertThat(p.hops().get(1).to()).isEqualTo("waypoint egress/egress-wp:15008");
    }

    @Test
    void ambientIsRefusedBeforeIstio124AndWithTheIstioApi() throws Exception {
        assertThatThrownBy(() -> ScenarioFile.parse(SCENARIO.formatted("ISTIO", "1.22", "GATEWAY_API"), "ambient.yaml"))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("field 'meshes[0].dataPlane'")
                .hasMessageContaining("runs Istio 1.22: ambient mode").hasMessageContaining("from Istio 1.24");
        assertThatThrownBy(() -> ScenarioFile.parse(SCENARIO.formatted("OSSM_3", "v1.28-latest", "ISTIO"),
                "ambient.yaml")).isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("field 'egressGateways[0].api'").hasMessageContaining("istio-waypoint")
                .hasMessageContaining("GATEWAY_API");
        assertThat(ScenarioValidator.validate(ScenarioFile.parse(SCENARIO.formatted("OSSM_3", "v1.28-latest",
                "GATEWAY_API"), "ambient.yaml"))).isEmpty();
    }

    @Test
    void aSidecarMeshWritesNoDataPlane() throws Exception {
        String sidecars = SCENARIO.formatted("OSSM_3", "v1.28-latest", "GATEWAY_API").replace("    dataPlane: AMBIENT\n",
                "    dataPlane: SIDECAR\n");
        assertThat(ScenarioFile.toYaml(ScenarioFile.parse(sidecars, "sidecars.yaml"))).doesNotContain("dataPlane");
        assertThat(List.of(ManifestWriter.toYaml(ScenarioGenerator.generate(ScenarioFile.parse(sidecars, "sidecars.yaml")))))
                .noneMatch(y -> y.contains("istio-waypoint") || y.contains("dataplane-mode"));
    }
}
