package io.egressstudio.gui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.Connector;
import io.egressstudio.cluster.PortForwarder;
import io.egressstudio.cluster.WriteStrategy;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.telemetry.LinkTargets;
import io.egressstudio.telemetry.ObservedState;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Live dialog's "find through the cluster" path under the ViewModel, against fabric8's mock API server: the
 * form's checks, the port-forward the session opens (through the forwarder seam: the mock cannot carry one) and
 * closes when it stops, and a cluster without Prometheus, which leaves Live off with the reason.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class LiveThroughClusterTest {
    KubernetesClient client;

    final LiveViewModelTest.UiQueue ui = new LiveViewModelTest.UiQueue();
    final Executor background = Runnable::run;
    final MainViewModel main = new MainViewModel(BuiltInScenarios.get("1a-simple"),
            new DesignPipeline(PredictionEngines.standard()), background, background);
    final LiveViewModel vm = new LiveViewModel(main, background, ui);
    final List<String> forwards = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        vm.close();
    }

    Connector mock() {
        return context -> ClusterConnection.of(new KubernetesClientBuilder().withConfig(client.getConfiguration())
                .build(), context, WriteStrategy.CREATE_OR_UPDATE);
    }

    /** A forward to a local port where nothing listens: the link goes UNREACHABLE, as with a dead forward. */
    PortForwarder nowhere() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        int port = free;
        return (cluster, namespace, pod, podPort) -> {
            forwards.add("open " + namespace + "/" + pod + ":" + podPort);
            return new PortForwarder.Forward() {
                @Override
                public int localPort() {
                    return port;
                }

                @Override
                public boolean healthy() {
                    return true;
                }

                @Override
                public void close() {
                    forwards.add("close");
                }
            };
        };
    }

    @Test
    void aSessionFoundThroughTheClusterPortForwardsAndClosesTheForwardWhenItStops() throws Exception {
        client.services().inNamespace("istio-system").resource(new ServiceBuilder().withNewMetadata()
                .withName("prometheus").endMetadata().withNewSpec().addToSelector("app", "prometheus")
                .addNewPort().withPort(9090).endPort().endSpec().build()).create();
        client.pods().inNamespace("istio-system").resource(new PodBuilder().withNewMetadata().withName("prometheus-0")
                .addToLabels("app", "prometheus").endMetadata().withNewStatus().withPhase("Running").endStatus()
                .build()).create();
        ConnectForm.Checked checked = new ClusterForm("mock", "", false, false, null, null, "200ms")
                .check(mock(), nowhere());
        String link = LinkTargets.of(main.shown()).get(0).linkId();

        vm.connect(checked.connection(), checked.interval(), 3);
        ui.runUntil("unreachable through the forward", () -> vm.observation(link) != null
                && vm.observation(link).observed() == ObservedState.UNREACHABLE);

        assertThat(vm.status()).isEqualTo(LiveStatus.UNREACHABLE);
        ui.runUntil("a second poll", () -> vm.snapshotProperty().get().sequence() >= 2);
        assertThat(vm.statusTextProperty().get()).startsWith("context mock (Prometheus: no Route "
                + "istio-system/prometheus; port-forward to Service istio-system/prometheus (pod prometheus-0:9090))");
        assertThat(forwards).as("re-opened after each unanswered poll").startsWith("open istio-system/prometheus-0:9090",
                "close", "open istio-system/prometheus-0:9090");
        vm.stop();
        assertThat(forwards).last().isEqualTo("close");
    }

    @Test
    void aClusterWithoutPrometheusLeavesLiveOffWithTheReason() throws Exception {
        ConnectForm.Checked checked = new ClusterForm("mock", "mesh", true, false, null, null, "1s")
                .check(mock(), nowhere());

        vm.connect(checked.connection(), checked.interval(), 3);
        ui.runUntil("failed", () -> !vm.errorProperty().get().isEmpty());

        assertThat(vm.status()).isEqualTo(LiveStatus.OFF);
        assertThat(vm.errorProperty().get()).isEqualTo("no Service mesh/prometheus");
        assertThat(forwards).isEmpty();
    }

    @Test
    void theClusterFormChecksItsFields() throws Exception {
        assertThat(new ClusterForm("dev", " ", false, true, "t0ken", null, "5s").check(mock(), nowhere()).interval())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(new ClusterForm("dev", null, false, false, "t0ken", null, "5s").toString()).doesNotContain("t0ken");
        assertThatThrownBy(() -> new ClusterForm(" ", null, false, false, null, null, "5s").check(mock(), nowhere()))
                .hasMessage("Context: choose a kubeconfig context");
        assertThatThrownBy(() -> new ClusterForm("dev", "Istio_System", false, false, null, null, "5s")
                .check(mock(), nowhere())).hasMessageStartingWith("Namespace: 'Istio_System'");
        assertThatThrownBy(() -> new ClusterForm("dev", null, false, false, null, "/no/ca.pem", "5s")
                .check(mock(), nowhere())).hasMessageStartingWith("CA file:");
    }
}
