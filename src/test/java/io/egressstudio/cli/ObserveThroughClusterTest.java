package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressstudio.cluster.ApiKind;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.Connector;
import io.egressstudio.cluster.MockCluster;
import io.egressstudio.cluster.PortForwarder;
import io.egressstudio.cluster.WriteStrategy;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.telemetry.IstioSeries;
import io.egressstudio.telemetry.RealPrometheus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code observe --context}: Prometheus found through the cluster (fabric8's mock API server) instead of
 * {@code --prometheus}, with the same output. Without a Route, the command port-forwards to the Service's pod; the
 * mock cannot carry a forward, so the forwarder seam hands the real Prometheus' local port over (the forward's
 * re-opening is covered by {@code cluster.TelemetryEndpointsTest}). With a Route, the command goes to its https URL.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ObserveThroughClusterTest {
    @RegisterExtension
    static final RealPrometheus PROMETHEUS = new RealPrometheus();

    static final String FROM = "greetings-client/rest-client-greeting";
    static final String HOST = "rest-greeting-remote.greetings-service.svc.cluster.local";

    @TempDir
    static Path shared;
    static Path scenario;

    KubernetesClient client;

    private Supplier<Connector> savedConnector;
    private Supplier<PortForwarder> savedForwarder;
    final List<String> forwarded = new ArrayList<>();

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void scenarioAndTraffic() throws Exception {
        scenario = shared.resolve("1a-unencrypted-v1.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-unencrypted-v1"), scenario);
        PROMETHEUS.exporter().requests(FROM, IstioSeries.PASSTHROUGH_CLUSTER, HOST, "200", "-", 3);
        PROMETHEUS.awaitRates(1);
    }

    @BeforeEach
    void pointAtTheMock() {
        savedConnector = ClusterAccess.connector;
        savedForwarder = ClusterAccess.portForwarder;
        ClusterAccess.connector = () -> context -> ClusterConnection.of(
                new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(), context,
                WriteStrategy.CREATE_OR_UPDATE);
        // stands in for the forward: the pod's Prometheus is the real one on this machine
        ClusterAccess.portForwarder = () -> (cluster, namespace, pod, port) -> {
            forwarded.add(namespace + "/" + pod + ":" + port);
            return new PortForwarder.Forward() {
                @Override
                public int localPort() {
                    return PROMETHEUS.port();
                }

                @Override
                public boolean healthy() {
                    return true;
                }

                @Override
                public void close() {
                    forwarded.add("closed");
                }
            };
        };
    }

    @AfterEach
    void restore() {
        ClusterAccess.connector = savedConnector;
        ClusterAccess.portForwarder = savedForwarder;
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    void prometheusPod(String namespace) {
        client.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName("prometheus")
                .endMetadata().withNewSpec().addToSelector("app", "prometheus").addNewPort().withPort(9090)
                .endPort().endSpec().build()).create();
        client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName("prometheus-0")
                .addToLabels("app", "prometheus").endMetadata().withNewStatus().withPhase("Running").endStatus()
                .build()).create();
    }

    @Test
    void withoutARouteItPortForwardsAndPrintsTheSameJson() throws Exception {
        prometheusPod("mesh-system");

        Run run = run("observe", scenario.toString(), "--context", MockCluster.CONTEXT, "--namespace", "mesh-system",
                "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode link = ObserveCommandTest.contract(lines.get(0)).get("links").get(0);
        assertThat(link.get("from").asText()).isEqualTo(FROM);
        assertThat(link.get("predicted").asText()).isEqualTo("OK");
        assertThat(link.get("observed").asText()).isEqualTo("PASSTHROUGH");
        assertThat(run.err()).contains("Prometheus: no Route mesh-system/prometheus; port-forward to Service "
                + "mesh-system/prometheus (pod prometheus-0:9090)");
        assertThat(forwarded).containsExactly("mesh-system/prometheus-0:9090", "closed");
    }

    @Test
    void aRouteIsUsedAtItsHttpsUrl() {
        MockCluster.installCrds(client, EnumSet.of(ApiKind.ROUTE), "v1beta1");
        GenericKubernetesResource route = Serialization.unmarshal("apiVersion: route.openshift.io/v1\nkind: Route\n"
                + "metadata: {name: prometheus, namespace: istio-system}\n"
                + "spec: {host: prometheus-istio-system.apps.example.invalid, tls: {termination: reencrypt}, "
                + "to: {kind: Service, name: prometheus}}", GenericKubernetesResource.class);
        client.resource(route).create();

        Run run = run("observe", scenario.toString(), "--context", MockCluster.CONTEXT, "--timeout", "2s");

        assertThat(run.exit()).as("nothing answers at the route's host").isEqualTo(1);
        assertThat(run.err()).contains("Prometheus: Route istio-system/prometheus → "
                + "https://prometheus-istio-system.apps.example.invalid");
        assertThat(run.out()).contains("Prometheus Route istio-system/prometheus", "unreachable", "observed UNREACHABLE");
        assertThat(forwarded).isEmpty();
    }

    @Test
    void contextAndItsOptionsAreCheckedAsBadInput() {
        Run both = run("observe", scenario.toString(), "--context", "x", "--prometheus", PROMETHEUS.url().toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--prometheus and --context exclude each other");
        Run orphan = run("observe", scenario.toString(), "--prometheus", PROMETHEUS.url().toString(), "--port-forward");
        assertThat(orphan.exit()).isEqualTo(2);
        assertThat(orphan.err()).contains("need --context");
        Run none = run("observe", scenario.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--prometheus URL or --context CTX is required");
    }

    @Test
    void nothingToFindIsAClusterFailureThatSaysWhat() {
        Run run = run("observe", scenario.toString(), "--context", MockCluster.CONTEXT);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("no Service istio-system/prometheus");
        assertThat(run.out()).isEmpty();
    }
}
