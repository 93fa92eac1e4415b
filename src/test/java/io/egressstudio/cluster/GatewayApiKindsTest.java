package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import org.junit.jupiter.api.Test;

/** A Gateway API Gateway shares its kind's name with Istio's Gateway: apply must never send one to the other's API. */
class GatewayApiKindsTest {
    @Test
    void aGatewayApiGatewayIsNotTakenForIstiosGateway() throws Exception {
        var istio = new GenericKubernetesResourceBuilder().withApiVersion("networking.istio.io/v1beta1").withKind("Gateway")
                .withNewMetadata().withName("egress").withNamespace("shop").endMetadata().build();
        var gatewayApi = new GenericKubernetesResourceBuilder().withApiVersion("gateway.networking.k8s.io/v1")
                .withKind("Gateway").withNewMetadata().withName("egress").withNamespace("shop").endMetadata().build();

        assertThat(Resources.kindOf(istio)).isEqualTo(ApiKind.GATEWAY);
        assertThat(Resources.kindOf(gatewayApi)).isEqualTo(ApiKind.KUBERNETES_GATEWAY);
        assertThat(ApiKind.KUBERNETES_GATEWAY.crdName()).isEqualTo("gateways.gateway.networking.k8s.io");
        assertThat(ApiKind.of("gateway.networking.k8s.io/v1alpha2", "TLSRoute")).contains(ApiKind.TLS_ROUTE);
    }
}
