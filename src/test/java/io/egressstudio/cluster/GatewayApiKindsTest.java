package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import org.junit.jupiter.api.Test;

/**
 * A Gateway API Gateway shares its kind's name with Istio's Gateway: apply must never send one to the other's API.
 * Until Gateway API kinds are applied, plan says so with the way out.
 */
class GatewayApiKindsTest {
    @Test
    void aGatewayApiGatewayIsNotTakenForIstiosGateway() throws Exception {
        var istio = new GenericKubernetesResourceBuilder().withApiVersion("networking.istio.io/v1beta1").withKind("Gateway")
                .withNewMetadata().withName("egress").withNamespace("shop").endMetadata().build();
        var gatewayApi = new GenericKubernetesResourceBuilder().withApiVersion("gateway.networking.k8s.io/v1")
                .withKind("Gateway").withNewMetadata().withName("egress").withNamespace("shop").endMetadata().build();

        assertThat(Resources.kindOf(istio)).isEqualTo(ApiKind.GATEWAY);
        assertThatThrownBy(() -> Resources.kindOf(gatewayApi)).isInstanceOf(ClusterException.class)
                .hasMessageContaining("Gateway Gateway/shop/egress (gateway.networking.k8s.io/v1)")
                .hasMessageContaining("apply the YAML with kubectl or oc");
    }
}
