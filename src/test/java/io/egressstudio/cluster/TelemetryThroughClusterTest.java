package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prometheus and Kiali found through a kubeconfig context, the one search {@code observe --context} and the Live
 * dialog share, against fabric8's mock API server: what it tells as it finds each, the default namespace, the
 * port-forwards it ends on close, and a search that fails part-way.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class TelemetryThroughClusterTest {
    KubernetesClient client;
    final TelemetryEndpointsTest.CountingForwarder forwarder = new TelemetryEndpointsTest.CountingForwarder();
    final List<String> told = new ArrayList<>();

    Connector mock() {
        return context -> ClusterConnection.of(new KubernetesClientBuilder().withConfig(client.getConfiguration())
                .build(), context, WriteStrategy.CREATE_OR_UPDATE);
    }

    void serviceWithPod(String namespace, String name, int port) {
        client.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().addToSelector("app", name).addNewPort().withPort(port).endPort()
                .endSpec().build()).create();
        client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name + "-0")
                .addToLabels("app", name).endMetadata().withNewStatus().withPhase("Running").endStatus().build())
                .create();
    }

    void prometheusRoute() {
        MockCluster.installCrds(client, EnumSet.of(ApiKind.ROUTE), "v1beta1");
        client.resource(Serialization.unmarshal("apiVersion: route.openshift.io/v1\nkind: Route\n"
                + "metadata: {name: prometheus, namespace: istio-system}\n"
                + "spec: {host: prometheus.apps.example.invalid, tls: {termination: reencrypt}, "
                + "to: {kind: Service, name: prometheus}}", GenericKubernetesResource.class)).create();
    }

    @Test
    void findsPrometheusAndKialiInTheDefaultNamespaceAndEndsTheirForwardsOnClose() throws Exception {
        serviceWithPod("istio-system", "prometheus", 9090);
        serviceWithPod("istio-system", "kiali", 20001);

        try (TelemetryThroughCluster found = TelemetryThroughCluster.find(mock(),
                new TelemetryThroughCluster.Search(MockCluster.CONTEXT, null, false, true), forwarder, told::add)) {
            assertThat(told).containsExactly(
                    "Prometheus: no Route istio-system/prometheus; port-forward to Service istio-system/prometheus "
                            + "(pod prometheus-0:9090)",
                    "Kiali: no Route istio-system/kiali; port-forward to Service istio-system/kiali (pod kiali-0:20001)");
            assertThat(found.prometheus().locate()).isEqualTo(URI.create("http://127.0.0.1:40000"));
            assertThat(found.kiali().locate()).isEqualTo(URI.create("http://127.0.0.1:40001"));
            assertThat(forwarder.closed).hasValue(0);
        }
        assertThat(forwarder.closed).as("both forwards ended with the search").hasValue(2);
    }

    @Test
    void aRouteIsPreferredUnlessPortForwardIsAskedAndKialiIsOnlyFoundWhenAsked() throws Exception {
        prometheusRoute();
        serviceWithPod("istio-system", "prometheus", 9090);

        try (TelemetryThroughCluster found = TelemetryThroughCluster.find(mock(),
                new TelemetryThroughCluster.Search(MockCluster.CONTEXT, null, false, false), forwarder, told::add)) {
            assertThat(found.prometheus().locate()).isEqualTo(URI.create("https://prometheus.apps.example.invalid"));
            assertThat(found.kiali()).isNull();
        }
        try (TelemetryThroughCluster found = TelemetryThroughCluster.find(mock(),
                new TelemetryThroughCluster.Search(MockCluster.CONTEXT, "istio-system", true, false), forwarder,
                told::add)) {
            assertThat(found.prometheus().locate()).isEqualTo(URI.create("http://127.0.0.1:40000"));
        }
        assertThat(told).containsExactly("Prometheus: Route istio-system/prometheus → "
                + "https://prometheus.apps.example.invalid", "Prometheus: port-forward to Service "
                + "istio-system/prometheus (pod prometheus-0:9090)");
    }

    @Test
    void aKialiThatIsNotThereFailsTheSearchAfterPrometheusWasTold() {
        serviceWithPod("mesh", "prometheus", 9090);

        assertThatThrownBy(() -> TelemetryThroughCluster.find(mock(),
                new TelemetryThroughCluster.Search(MockCluster.CONTEXT, "mesh", false, true), forwarder, told::add))
                .isInstanceOf(ClusterException.class).hasMessage("no Service mesh/kiali");
        assertThat(told).containsExactly("Prometheus: no Route mesh/prometheus; port-forward to Service "
                + "mesh/prometheus (pod prometheus-0:9090)");
    }
}
