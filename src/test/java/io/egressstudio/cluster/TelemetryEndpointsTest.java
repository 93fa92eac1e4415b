package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.telemetry.HttpSettings;
import io.egressstudio.telemetry.PrometheusClient;
import io.egressstudio.telemetry.TelemetryException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Finding Prometheus through the cluster, against fabric8's mock API server (CRUD): an OpenShift Route's URL (https
 * when it terminates TLS), and a port-forward to the Service's ready pod that is re-opened when it fails or the
 * endpoint stops answering. The mock cannot carry a port-forward's traffic, so the re-opening is checked with a
 * forwarder that counts (the seam), and fabric8's own forwarder only as far as the mock goes: it opens, the traffic
 * fails, the link is UNREACHABLE and the next poll re-opens it.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class TelemetryEndpointsTest {
    static final String NS = TelemetryEndpoints.DEFAULT_NAMESPACE;

    KubernetesClient client;

    ClusterConnection cluster() {
        return MockCluster.connect(client);
    }

    void routes() {
        MockCluster.installCrds(client, EnumSet.of(ApiKind.ROUTE), "v1beta1");
    }

    void route(String name, String yamlSpec) {
        GenericKubernetesResource route = Serialization.unmarshal("apiVersion: route.openshift.io/v1\nkind: Route\n"
                + "metadata: {name: " + name + ", namespace: " + NS + "}\n" + yamlSpec, GenericKubernetesResource.class);
        client.genericKubernetesResources(KubeApi.definition(ApiKind.ROUTE, "v1")).inNamespace(NS).resource(route)
                .create();
    }

    void prometheusService() {
        client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("prometheus")
                .endMetadata().withNewSpec().addToSelector("app", "prometheus")
                .addNewPort().withName("http-prometheus").withPort(9090).withNewTargetPort("http").endPort()
                .endSpec().build()).create();
    }

    void pod(String name, String phase, boolean ready) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).addToLabels("app", "prometheus").endMetadata()
                .withNewSpec().addNewContainer().withName("prometheus").withImage("prometheus")
                .addNewPort().withName("http").withContainerPort(9091).endPort().endContainer().endSpec()
                .withNewStatus().withPhase(phase)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus().build();
        client.pods().inNamespace(NS).resource(pod).create();
    }

    @Test
    void withoutAMeshRouteOpenShiftMonitoringsThanosQuerierIsUsedWithTheKubeconfigsToken() throws Exception {
        routes();
        GenericKubernetesResource thanos = Serialization.unmarshal("apiVersion: route.openshift.io/v1\nkind: Route\n"
                + "metadata: {name: thanos-querier, namespace: openshift-monitoring}\n"
                + "spec: {host: thanos-querier-openshift-monitoring.apps.example.com, tls: {termination: reencrypt}, "
                + "to: {kind: Service, name: thanos-querier}}", GenericKubernetesResource.class);
        client.genericKubernetesResources(KubeApi.definition(ApiKind.ROUTE, "v1")).inNamespace("openshift-monitoring")
                .resource(thanos).create();

        TelemetryEndpoints.Found found = TelemetryEndpoints.find(cluster(), NS, "prometheus", false, null);

        assertThat(found.locator().locate())
                .isEqualTo(URI.create("https://thanos-querier-openshift-monitoring.apps.example.com"));
        assertThat(found.wantsUserToken()).isTrue();
        assertThat(found.how()).isEqualTo("no Route istio-system/prometheus; OpenShift monitoring's Route "
                + "openshift-monitoring/thanos-querier → https://thanos-querier-openshift-monitoring.apps.example.com "
                + "(queried with your kubeconfig's token)");
    }

    @Test
    void aRouteThatTerminatesTlsGivesItsHttpsUrl() throws Exception {
        routes();
        route("prometheus", "spec: {host: prometheus-istio-system.apps.example.com, tls: {termination: reencrypt}, "
                + "to: {kind: Service, name: prometheus}}");

        TelemetryEndpoints.Found found = TelemetryEndpoints.find(cluster(), NS, "prometheus", false, null);

        assertThat(found.locator()).isInstanceOf(RouteLocator.class);
        assertThat(found.locator().locate()).isEqualTo(URI.create("https://prometheus-istio-system.apps.example.com"));
        assertThat(found.how()).isEqualTo("Route istio-system/prometheus → https://prometheus-istio-system.apps.example.com");
    }

    @Test
    void aPlainRouteIsHttpWithItsPathAndAnUnadmittedHostIsTakenFromItsStatus() throws Exception {
        routes();
        route("prometheus", "spec: {host: prom.apps.example.com, path: /prometheus, to: {kind: Service, name: p}}");
        route("kiali", "spec: {to: {kind: Service, name: kiali}, tls: {termination: edge}}\n"
                + "status: {ingress: [{host: kiali-istio-system.apps.example.com, routerName: default}]}");

        assertThat(new RouteLocator(cluster(), NS, "prometheus").locate())
                .isEqualTo(URI.create("http://prom.apps.example.com/prometheus"));
        assertThat(new RouteLocator(cluster(), NS, "kiali").locate())
                .isEqualTo(URI.create("https://kiali-istio-system.apps.example.com"));
    }

    @Test
    void theRouteIsReadOnceAndAgainAfterItsEndpointDidNotAnswer() throws Exception {
        routes();
        route("prometheus", "spec: {host: old.apps.example.com, tls: {termination: edge}, to: {kind: Service, name: p}}");
        RouteLocator locator = new RouteLocator(cluster(), NS, "prometheus");
        URI old = locator.locate();
        var routes = client.genericKubernetesResources(KubeApi.definition(ApiKind.ROUTE, "v1")).inNamespace(NS);
        routes.withName("prometheus").edit(r -> {
            ((Map<String, Object>) r.getAdditionalProperties().get("spec")).put("host", "new.apps.example.com");
            return r;
        });

        assertThat(locator.locate()).as("kept").isEqualTo(old);
        locator.unreachable(old);
        assertThat(locator.locate()).isEqualTo(URI.create("https://new.apps.example.com"));
    }

    @Test
    void withoutARouteItPortForwardsToTheServicesReadyPodAndContainerPort() throws Exception {
        routes();
        prometheusService();
        pod("prometheus-a", "Pending", false);
        pod("prometheus-b", "Running", false);
        pod("prometheus-c", "Running", true);

        TelemetryEndpoints.Found found = TelemetryEndpoints.find(cluster(), NS, "prometheus", false, null);

        assertThat(found.locator()).isInstanceOf(PortForwardLocator.class);
        assertThat(found.how()).isEqualTo("no Route istio-system/prometheus; port-forward to Service "
                + "istio-system/prometheus (pod prometheus-c:9091)");
    }

    @Test
    void aClusterWithoutRoutesPortForwardsAndSaysWhyWhenThereIsNothingToForwardTo() throws Exception {
        assertThatThrownBy(() -> TelemetryEndpoints.find(cluster(), NS, "prometheus", false, null))
                .isInstanceOf(ClusterException.class).hasMessage("no Service istio-system/prometheus");
        prometheusService();
        assertThatThrownBy(() -> TelemetryEndpoints.find(cluster(), NS, "prometheus", false, null))
                .hasMessage("no running, ready pod behind Service istio-system/prometheus (0 pod(s) match its selector)");
        PortForwardLocator locator = new PortForwardLocator(cluster(), NS, "prometheus", 9999, null);
        pod("prometheus-a", "Running", true);
        assertThatThrownBy(locator::locate).isInstanceOf(TelemetryException.class)
                .hasMessage("cannot port-forward to Service istio-system/prometheus: Service istio-system/prometheus "
                        + "has no port 9999")
                .extracting(e -> ((TelemetryException) e).kind()).isEqualTo(TelemetryException.Kind.UNREACHABLE);
    }

    /** A forwarder that counts: each forward gets its own local port and can be broken. */
    static final class CountingForwarder implements PortForwarder {
        record Opened(String pod, int port, int localPort) {
        }

        final List<Opened> opened = new ArrayList<>();
        final List<boolean[]> health = new ArrayList<>();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public Forward open(ClusterConnection cluster, String namespace, String pod, int port) {
            int local = 40000 + opened.size();
            opened.add(new Opened(pod, port, local));
            boolean[] healthy = {true};
            health.add(healthy);
            return new Forward() {
                @Override
                public int localPort() {
                    return local;
                }

                @Override
                public boolean healthy() {
                    return healthy[0];
                }

                @Override
                public void close() {
                    healthy[0] = false;
                    closed.incrementAndGet();
                }
            };
        }
    }

    @Test
    void theForwardIsReopenedWhenItFailsOrItsEndpointDoesNotAnswerToThePodThatRunsNow() throws Exception {
        prometheusService();
        pod("prometheus-a", "Running", true);
        CountingForwarder forwarder = new CountingForwarder();
        PortForwardLocator locator = new PortForwardLocator(cluster(), NS, "prometheus", null, forwarder);

        URI first = locator.locate();
        assertThat(first).isEqualTo(URI.create("http://127.0.0.1:40000"));
        assertThat(locator.locate()).as("kept while healthy").isEqualTo(first);
        assertThat(forwarder.opened).containsExactly(new CountingForwarder.Opened("prometheus-a", 9091, 40000));

        // Prometheus restarted: a new pod; the old endpoint stops answering
        client.pods().inNamespace(NS).withName("prometheus-a").delete();
        pod("prometheus-z", "Running", true);
        locator.unreachable(URI.create("http://127.0.0.1:39999"));
        assertThat(locator.locate()).as("another endpoint's failure changes nothing").isEqualTo(first);
        locator.unreachable(first);
        assertThat(forwarder.closed).hasValue(1);
        assertThat(locator.locate()).isEqualTo(URI.create("http://127.0.0.1:40001"));
        assertThat(forwarder.opened.get(1).pod()).isEqualTo("prometheus-z");
        assertThat(locator.describe()).isEqualTo("port-forward to Service istio-system/prometheus (pod prometheus-z:9091)");

        // the forward itself fails (the API server dropped its websocket)
        forwarder.health.get(1)[0] = false;
        assertThat(locator.locate()).isEqualTo(URI.create("http://127.0.0.1:40002"));
        assertThat(locator.forwardsOpened()).isEqualTo(3);
        locator.close();
        assertThat(forwarder.health.get(2)[0]).as("closed with the locator").isFalse();
    }

    @Test
    void fabric8sForwardOpensLocallyAndWhenTheMockCannotCarryItTheLinkIsUnreachableAndTheForwardReopens()
            throws Exception {
        prometheusService();
        pod("prometheus-a", "Running", true);
        try (PortForwardLocator locator = new PortForwardLocator(cluster(), NS, "prometheus", null,
                PortForwarder.fabric8())) {
            PrometheusClient prometheus = new PrometheusClient(locator,
                    HttpSettings.defaults().withTimeout(Duration.ofSeconds(3)));

            URI local = locator.locate();
            assertThat(local.getHost()).isEqualTo("127.0.0.1");
            assertThat(local.getPort()).isPositive();
            assertThatThrownBy(() -> prometheus.query("up")).isInstanceOf(TelemetryException.class)
                    .extracting(e -> ((TelemetryException) e).kind()).isEqualTo(TelemetryException.Kind.UNREACHABLE);
            assertThat(locator.forwardsOpened()).isEqualTo(1);

            assertThatThrownBy(() -> prometheus.query("up")).isInstanceOf(TelemetryException.class);
            assertThat(locator.forwardsOpened()).as("re-opened for the next poll").isEqualTo(2);
        }
    }
}
