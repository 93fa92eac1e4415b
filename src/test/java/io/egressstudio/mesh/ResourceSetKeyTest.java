package io.egressstudio.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

/** A finding names its resource by the key's text; the key is found again from it. */
class ResourceSetKeyTest {

    @Test
    void parsesWhatToStringWroteForNamespacedClusterScopedAndGroupQualifiedKeys() {
        ResourceSet.Key namespaced = new ResourceSet.Key("DestinationRule", "egress", "greeting");
        ResourceSet.Key clusterScoped = new ResourceSet.Key("Namespace", null, "egress");
        ResourceSet.Key gatewayApi = ResourceSet.Key.of("gateway.networking.k8s.io/v1", "Gateway", "egress", "gw");

        assertThat(ResourceSet.Key.parse(namespaced.toString())).contains(namespaced);
        assertThat(ResourceSet.Key.parse(clusterScoped.toString())).contains(clusterScoped);
        assertThat(gatewayApi.toString()).isEqualTo("Gateway.gateway.networking.k8s.io/egress/gw");
        assertThat(ResourceSet.Key.parse(gatewayApi.toString())).contains(gatewayApi);
        assertThat(ResourceSet.Key.parse("not a key")).isEmpty();
        assertThat(ResourceSet.Key.parse(null)).isEmpty();
    }

    @Test
    void anIstioGatewayAndAGatewayApiGatewayOfTheSameNameAreTwoObjects() {
        HasMetadata istio = gateway("networking.istio.io/v1");
        HasMetadata gatewayApi = gateway("gateway.networking.k8s.io/v1");

        ResourceSet set = ResourceSet.builder().add(istio, "a").add(gatewayApi, "b").build();

        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get("Gateway", "istio-system", "egress")).map(ResourceSet.Entry::resource).containsSame(istio);
        assertThat(set.get(ResourceSet.Key.of(gatewayApi))).map(ResourceSet.Entry::resource).containsSame(gatewayApi);
        // the same kind in Istio's other API versions is one object
        assertThat(ResourceSet.Key.of(gateway("networking.istio.io/v1beta1"))).isEqualTo(ResourceSet.Key.of(istio));
    }

    private static HasMetadata gateway(String apiVersion) {
        return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind("Gateway")
                .withNewMetadata().withName("egress").withNamespace("istio-system").endMetadata().build();
    }
}
