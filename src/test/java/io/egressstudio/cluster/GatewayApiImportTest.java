package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.ScenarioImport;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.EgressServerTls;
import io.egressstudio.model.GatewayApi;
import io.egressstudio.model.Link;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.TlsMode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An egress gateway configured by the Gateway API, applied to a (mock) API server and imported back into a design:
 * the Gateway, its routes and its AuthorizationPolicy read back as the drawn gateway, with who may leave through it,
 * and every link through it.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class GatewayApiImportTest {
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void aGatewayApiEgressGatewayImportsAsTheDrawnGatewayWithItsAccessRulesAndLinks() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("3-egress-authz-gateway-api");

        Importer.Result imported = MockCluster.appliedAndImported(client, scenario, dir.resolve("snapshots"));
        assertThat(imported.resources().ofKind("HTTPRoute")).hasSize(2);
        Scenario rebuilt = ScenarioImport.reconstruct(imported.resources(), null).scenario();

        EgressGateway drawn = scenario.egressGateways().get(0);
        assertThat(drawn.api()).isEqualTo(GatewayApi.GATEWAY_API);
        assertThat(rebuilt.egressGateways()).singleElement().satisfies(g -> {
            assertThat(g.api()).isEqualTo(GatewayApi.GATEWAY_API);
            assertThat(g.namespace() + "/" + g.name()).isEqualTo(drawn.namespace() + "/" + drawn.name());
            assertThat(g.accessRules()).isEqualTo(drawn.accessRules());
            assertThat(g.serverTls()).isEqualTo(drawn.serverTls());
        });
        String gatewayId = rebuilt.egressGateways().get(0).id();
        assertThat(rebuilt.links()).extracting(l -> l.via()).containsOnly(gatewayId);
        assertThat(rebuilt.links()).extracting(l -> hops(rebuilt, l))
                .containsExactlyInAnyOrderElementsOf(scenario.links().stream().map(l -> hops(scenario, l)).toList());
    }

    /**
     * A link's request and its TLS on each hop: the sidecar's to the gateway is the link's own, or the gateway's mesh
     * mTLS where the link says none.
     */
    private static String hops(Scenario scenario, Link link) {
        EgressGateway via = scenario.egressGateways().stream().filter(g -> g.id().equals(link.via())).findFirst()
                .orElseThrow();
        Object sidecar = link.sidecarTls() != null ? link.sidecarTls().mode()
                : via.serverTls() == EgressServerTls.ISTIO_MUTUAL ? TlsMode.ISTIO_MUTUAL : null;
        return link.app() + ":" + link.port() + " sidecar=" + sidecar
                + " egress=" + (link.egressTls() == null ? null : link.egressTls().mode()) + " rewrite=" + link.rewrite()
                + " " + link.targetPort();
    }
}
