package io.egressstudio.cluster;

import io.egressstudio.design.ScenarioImport;
import io.egressstudio.generate.ScenarioGenerator;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.Request;
import io.egressstudio.predict.ScenarioRequests;
import io.egressstudio.predict.TrafficPredictor;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Apply a scenario, import the namespaces back: the imported resources predict what the scenario predicted, and the
 * scenario file written for them loads.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ImportTest {
    KubernetesClient client;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1a-simple", "1a-mutual", "1a-unencrypted-v2", "1b-egress-encrypted", "1b-egress-plain",
            "2-federation", "3-1a-simple", "3-1a-unencrypted-v2", "3-1b-egress-encrypted", "3-egress-authz",
            "3-egress-authz-gateway-api", "3-egress-authz-ambient"})
    void importOfAppliedResourcesPredictsWhatTheScenarioPredicted(String name) throws Exception {
        Scenario scenario = BuiltInDesigns.finished(name);
        MockCluster.installCrds(client, EnumSet.allOf(ApiKind.class),
                scenario.istioApi().name().toLowerCase(Locale.ROOT));
        ClusterConnection connection = MockCluster.connect(client);
        ResourceSet resources = ScenarioGenerator.generate(scenario);
        MockCluster.installApplications(client, resources);
        createPendingByHand(resources);
        ApplyReport report = Applier.apply(connection, Planner.plan(connection, scenario),
                new SnapshotStore(dir.resolve("snapshots")), ApplyListener.NONE, Cancellation.none());
        assertThat(report.complete()).isTrue();

        Importer.Result imported = Importer.read(connection, List.copyOf(MockCluster.namespaces(resources)));
        assertThat(imported.notes()).isEmpty();
        Map<String, String> expected = outcomes(resources, ScenarioRequests.all(scenario));
        assertThat(outcomes(imported.resources(), ScenarioRequests.all(scenario))).isEqualTo(expected);
        assertThat(imported.resources().ofKind("Secret")).allSatisfy(entry -> {
            assertThat(entry.role()).isEqualTo(ResourceSet.Role.CONTEXT);
            assertThat(((io.fabric8.kubernetes.api.model.Secret) entry.resource()).getData()).allSatisfy(
                    (key, value) -> assertThat(value).isEmpty());
        });

        ScenarioImport.Result rebuilt = ScenarioImport.reconstruct(imported.resources(), null);
        Path file = dir.resolve("imported.yaml");
        ScenarioFile.save(rebuilt.scenario(), file);
        Scenario loaded = ScenarioFile.load(file);
        assertThat(loaded.name()).isEqualTo(scenario.name());
        assertThat(loaded.meshes()).extracting(m -> m.flavour() + " " + m.namespace() + "/" + m.name() + " "
                        + m.outboundPolicy() + " mtls=" + m.mtls() + " members=" + m.members())
                .containsExactlyElementsOf(scenario.meshes().stream().map(m -> m.flavour() + " " + m.namespace() + "/"
                        + m.name() + " " + m.outboundPolicy() + " mtls=" + m.mtls() + " members=" + m.members()).toList());
        assertThat(loaded.workloads()).extracting(w -> w.namespace() + "/" + w.name() + " sidecar=" + w.sidecar())
                .containsExactlyInAnyOrderElementsOf(scenario.workloads().stream()
                        .map(w -> w.namespace() + "/" + w.name() + " sidecar=" + w.sidecar()).toList());
        assertThat(loaded.externalServices()).extracting(s -> s.namespace() + "/" + s.name() + " " + s.hosts())
                .containsExactlyInAnyOrderElementsOf(scenario.externalServices().stream()
                        .map(s -> s.namespace() + "/" + s.name() + " " + s.hosts()).toList());
        // Every drawn link is found again, with the same request; predicted from the rebuilt scenario's resources
        // (plus the Secrets and ConfigMaps the user created, which a scenario without certificates cannot generate),
        // it has the same outcome.
        ResourceSet rebuiltResources = ScenarioGenerator.generate(loaded).plus(contextOf(imported.resources()));
        Map<String, String> rebuiltOutcomes = outcomes(rebuiltResources, ScenarioRequests.all(loaded));
        assertThat(rebuiltOutcomes).containsAllEntriesOf(expected);
        assertThat(rebuilt.notes()).noneSatisfy(n -> assertThat(n).startsWith("left out"));
    }

    @org.junit.jupiter.api.Test
    void importOfAnAmbientMeshRebuildsItsDataPlaneAndTheWaypointWithWhoMayLeave() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("3-egress-authz-ambient");

        Importer.Result imported = MockCluster.appliedAndImported(client, scenario, dir.resolve("s"));
        assertThat(imported.resources().ofKind("Gateway")).as("the waypoint, a Gateway API Gateway, is read back")
                .anySatisfy(e -> assertThat(e.resource().getApiVersion()).startsWith("gateway.networking.k8s.io/"));
        Scenario rebuilt = ScenarioImport.reconstruct(imported.resources(), null).scenario();

        assertThat(rebuilt.meshes()).singleElement().satisfies(m -> assertThat(m.ambient()).isTrue());
        assertThat(rebuilt.egressGateways()).singleElement().satisfies(g -> {
            assertThat(g.name() + " in " + g.namespace() + " " + g.api()).isEqualTo("egress-waypoint in egress GATEWAY_API");
            assertThat(g.accessRules()).isEqualTo(scenario.egressGateways().get(0).accessRules());
        });
        assertThat(rebuilt.links()).allSatisfy(l -> assertThat(l.via()).isEqualTo(rebuilt.egressGateways().get(0).id()));
        assertThat(rebuilt.workloads()).allSatisfy(w -> assertThat(w.sidecar()).as("captured by ztunnel").isTrue());
    }

    private void createPendingByHand(ResourceSet resources) {
        for (HasMetadata pending : ManifestWriter.pending(resources)) {
            GenericKubernetesResource object = Resources.generic(pending);
            Map<String, Object> data = new LinkedHashMap<>();
            for (String key : pending.getMetadata().getAnnotations().get(ResourceNames.DATA_PENDING_ANNOTATION)
                    .split(",")) {
                data.put(key.trim().split(" ")[0], "c29tZXRoaW5n");
            }
            object.getMetadata().setLabels(Map.of());
            object.getMetadata().setAnnotations(Map.of());
            object.getAdditionalProperties().put("data", data);
            ApiKind kind = ApiKind.of(pending.getApiVersion(), pending.getKind()).orElseThrow();
            client.genericKubernetesResources(KubeApi.definition(kind, "v1"))
                    .inNamespace(pending.getMetadata().getNamespace()).resource(object).create();
        }
    }

    private static ResourceSet contextOf(ResourceSet imported) {
        ResourceSet.Builder builder = ResourceSet.builder();
        for (ResourceSet.Entry entry : imported.entries()) {
            String kind = entry.resource().getKind();
            if (kind.equals("Secret") || kind.equals("ConfigMap")) {
                builder.add(entry);
            }
        }
        return builder.build();
    }

    /** Request → outcome, from the predictor over these resources. */
    static Map<String, String> outcomes(ResourceSet resources, List<Request> requests) {
        TrafficPredictor predictor = new TrafficPredictor(MeshView.of(resources));
        Map<String, String> out = new LinkedHashMap<>();
        for (Request request : requests) {
            Prediction prediction = predictor.predict(request);
            out.put(request.from() + " " + request.host() + ":" + request.port(), prediction.outcome().name());
        }
        return out;
    }
}
