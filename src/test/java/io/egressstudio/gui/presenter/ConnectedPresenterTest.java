package io.egressstudio.gui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.cluster.ApiKind;
import io.egressstudio.cluster.MockCluster;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.cluster.ApplyStepViewModel;
import io.egressstudio.gui.cluster.ClusterSession;
import io.egressstudio.gui.cluster.MockKubeconfig;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Presenter mode connected to a cluster (fabric8's mock API server, CRUD mode): each step of the 1a-unencrypted-v1
 * walkthrough is applied with "Apply step to cluster", and the cluster holds what that step says.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ConnectedPresenterTest {
    private static final Executor DIRECT = Runnable::run;

    KubernetesClient client;

    @TempDir
    Path dir;

    private String outboundPolicy() {
        GenericKubernetesResource smcp = client.genericKubernetesResources("maistra.io/v2", "ServiceMeshControlPlane")
                .inNamespace("istio-system").withName("tenant-1").get();
        Object spec = smcp.getAdditionalProperties().get("spec");
        for (String field : new String[] {"proxy", "networking", "trafficControl", "outbound"}) {
            spec = spec == null ? null : ((Map<?, ?>) spec).get(field);
        }
        return spec == null ? null : (String) ((Map<?, ?>) spec).get("policy");
    }

    @Test
    void eachStepIsAppliedToTheClusterAndTheResultIsShown() throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-unencrypted-v1");
        MockCluster.installCrds(client, EnumSet.allOf(ApiKind.class),
                scenario.istioApi().name().toLowerCase(Locale.ROOT));
        Path kubeconfig = MockKubeconfig.write(dir.resolve("config"), "mock-ctx",
                client.getConfiguration().getMasterUrl());
        try (ClusterSession session = new ClusterSession(MockKubeconfig.settings(kubeconfig, dir.resolve("snapshots")),
                () -> scenario, DIRECT, DIRECT)) {
            PresenterViewModel presenter = new PresenterViewModel(scenario,
                    new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT, new ApplyStepViewModel(session));
            StepApplier cluster = presenter.cluster();
            assertThat(cluster.availableProperty().get()).as("not connected yet").isFalse();
            session.loadContexts().join();
            session.connect().join();
            assertThat(cluster.availableProperty().get()).isTrue();

            presenter.next();
            assertThat(presenter.applyStepToCluster().join().complete()).isTrue();
            assertThat(cluster.resultProperty().get()).matches("Step 1: applied \\d+ change\\(s\\) to mock-ctx .*");
            assertThat(outboundPolicy()).isEqualTo("ALLOW_ANY");

            assertThat(presenter.applyStepToCluster().join()).isNull();
            assertThat(cluster.resultProperty().get()).isEqualTo("Step 1: the cluster already has it (nothing to change).");

            presenter.next();
            assertThat(presenter.applyStepToCluster().join().done()).hasSize(1);
            assertThat(cluster.resultProperty().get()).startsWith("Step 2: applied 1 change(s) to mock-ctx");
            assertThat(outboundPolicy()).isEqualTo("REGISTRY_ONLY");

            presenter.next();
            presenter.applyStepToCluster().join();
            assertThat(cluster.resultProperty().get()).startsWith("Step 3: applied 1 change(s)");
            assertThat(client.genericKubernetesResources(ApiKind.SERVICE_ENTRY.apiVersion(
                            scenario.istioApi().name().toLowerCase(Locale.ROOT)), "ServiceEntry")
                    .inNamespace("greetings-client").withName("rest-greeting-remote-mesh-ext").get()).isNotNull();
        }
    }

    @Test
    void withoutAClusterThePresenterOnlyPresents() {
        PresenterViewModel presenter = new PresenterViewModel(BuiltInScenarios.get("1a-unencrypted-v1"),
                new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
        assertThat(presenter.cluster()).isNull();
        assertThat(presenter.applyStepToCluster()).isCompletedExceptionally();
    }
}
