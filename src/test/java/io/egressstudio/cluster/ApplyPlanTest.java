package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Apply, then plan again: nothing left to change, for every built-in scenario (every kind Egress Studio writes). */
@EnableKubernetesMockClient(crud = true, https = false)
class ApplyPlanTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path snapshots;

    static List<String> scenarios() {
        return BuiltInScenarios.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void applyThenPlanShowsNothingToChange(String name) throws Exception {
        Scenario scenario = BuiltInScenarios.get(name);
        MockCluster.installCrds(client, java.util.EnumSet.allOf(ApiKind.class),
                scenario.istioApi().name().toLowerCase(java.util.Locale.ROOT));
        ResourceSet resources = ScenarioGenerator.generate(scenario, MockCluster.withCertificates());
        ClusterConnection connection = MockCluster.connect(client);

        Plan first = Planner.plan(connection, scenario.name(), resources);
        assertThat(first.changes()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.action()).isEqualTo(PlannedChange.Action.CREATE));
        assertThat(first.dryRunSupported()).isFalse();
        assertThat(first.dryRunNote()).contains("dry run was not used");

        ApplyReport report = Applier.apply(connection, first, new SnapshotStore(snapshots), ApplyListener.NONE,
                Cancellation.none());
        assertThat(report.complete()).as(report.results().toString()).isTrue();
        assertThat(report.done()).hasSize(first.changes().size());

        assertThat(MockCluster.dump(client).values()).isNotEmpty().allSatisfy(object -> {
            assertThat(object.path("metadata").path("labels").path("app.kubernetes.io/managed-by").asText())
                    .isEqualTo("egress-studio");
            assertThat(object.path("metadata").path("labels").path("egress-studio.io/scenario").asText())
                    .isEqualTo(scenario.name());
            assertThat(object.path("metadata").path("annotations").path("egress-studio.io/element").asText())
                    .isNotEmpty();
        });

        Plan second = Planner.plan(connection, scenario.name(), resources);
        assertThat(second.changes()).hasSize(first.changes().size())
                .allSatisfy(c -> assertThat(c.action()).as(c.key() + " " + c.differences())
                        .isEqualTo(PlannedChange.Action.UNCHANGED));
        assertThat(second.hasChanges()).isFalse();
    }
}
