package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import io.fabric8.istio.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.networking.v1alpha3.ServiceEntryBuilder;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan, apply, rollback and delete against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterWorkflowTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path snapshotDir;

    private SnapshotStore store() {
        return new SnapshotStore(snapshotDir);
    }

    private ClusterConnection connect(Scenario scenario) {
        MockCluster.installCrds(client, EnumSet.allOf(ApiKind.class),
                scenario.istioApi().name().toLowerCase(java.util.Locale.ROOT));
        return MockCluster.connect(client);
    }

    private ApplyReport apply(ClusterConnection connection, Scenario scenario, ResourceSet resources) throws Exception {
        Plan plan = Planner.plan(connection, scenario.name(), resources);
        ApplyReport report = Applier.apply(connection, plan, store(), ApplyListener.NONE, Cancellation.none());
        assertThat(report.complete()).as(report.results().toString()).isTrue();
        return report;
    }

    private static Map<String, String> actions(Plan plan) {
        return plan.changes().stream().filter(c -> c.action() != PlannedChange.Action.UNCHANGED)
                .collect(Collectors.toMap(c -> c.key().toString(), c -> c.action().word(), (a, b) -> a,
                        java.util.TreeMap::new));
    }

    @Test
    void anOssm3ScenarioAppliesItsIstioResourceCniAndInjectedGatewaysAndReplansUnchanged() throws Exception {
        Scenario scenario = Steps.after(BuiltInScenarios.get("3-1b-egress-encrypted"), 2);
        ClusterConnection connection = connect(scenario);
        ResourceSet resources = ScenarioGenerator.generate(scenario);
        MockCluster.installApplications(client, resources);

        apply(connection, scenario, resources);

        var istio = client.genericKubernetesResources("sailoperator.io/v1", "Istio").withName("service-side-tenant").get();
        assertThat(istio).isNotNull();
        assertThat(((Map<?, ?>) istio.getAdditionalProperties().get("spec")).get("namespace"))
                .isEqualTo("istio-system-service");
        assertThat(client.genericKubernetesResources("sailoperator.io/v1", "IstioCNI").withName("default").get()).isNotNull();
        assertThat(client.apps().deployments().inNamespace("istio-system-egressgw-mtls-client")
                .withName("istio-egressgateway").get().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("inject.istio.io/templates", "gateway");
        assertThat(client.namespaces().withName("greetings-egressgw-mtls-client").get().getMetadata().getLabels())
                .containsEntry("istio.io/rev", "egressgw-mtls-client-tenant");
        assertThat(Planner.plan(connection, scenario).hasChanges()).isFalse();
        client.configMaps().inNamespace("istio-next").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("istio").withNamespace("istio-next").endMetadata()
                .addToData("mesh", "outboundTrafficPolicy: {mode: REGISTRY_ONLY}").build()).create();
        assertThat(connection.controlPlanes(List.of())).extracting(ControlPlaneInfo::toString).contains(
                "mesh config istio-next/istio (upstream Istio), no members",
                "Istio egressgw-mtls-client-tenant in istio-system-egressgw-mtls-client (OpenShift Service Mesh 3, "
                        + "v1.28-latest), members: greetings-egressgw-mtls-client");
    }

    @Test
    void aChangedScenarioPlansExactlyTheChangedResources() throws Exception {
        Scenario base = BuiltInScenarios.get("1a-unencrypted-v1");
        ClusterConnection connection = connect(base);
        Scenario step1 = Steps.after(base, 1);
        apply(connection, step1, ScenarioGenerator.generate(step1));

        Plan step2 = Planner.plan(connection, Steps.after(base, 2));
        assertThat(actions(step2)).containsExactly(
                Map.entry("ServiceMeshControlPlane/istio-system/tenant-1", "update"));
        PlannedChange smcp = step2.changes().stream().filter(c -> c.action() == PlannedChange.Action.UPDATE)
                .findFirst().orElseThrow();
        assertThat(smcp.differences()).extracting(Difference::path)
                .containsExactly("spec.proxy.networking.trafficControl.outbound.policy");
        assertThat(smcp.diff()).contains("policy: ALLOW_ANY").contains("policy: REGISTRY_ONLY")
                .containsPattern("policy: ALLOW_ANY\\s+\\|\\s+policy: REGISTRY_ONLY");

        Plan step3 = Planner.plan(connection, Steps.after(base, 3));
        assertThat(actions(step3)).containsExactly(
                Map.entry("ServiceEntry/greetings-client/rest-greeting-remote-mesh-ext", "create"),
                Map.entry("ServiceMeshControlPlane/istio-system/tenant-1", "update"));
    }

    @Test
    void resourcesTheScenarioNoLongerGeneratesArePlannedForDeletion() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-mutual");
        ClusterConnection connection = connect(scenario);
        apply(connection, scenario, ScenarioGenerator.generate(scenario));

        Scenario withoutLink = new Scenario(scenario.name(), scenario.title(), scenario.description(),
                scenario.istioApi(), scenario.meshes(), scenario.workloads(), scenario.egressGateways(),
                scenario.externalServices(), List.of(), scenario.federations(), scenario.certificates(), List.of(),
                Map.of());
        Plan plan = Planner.plan(connection, withoutLink);
        assertThat(actions(plan)).containsExactly(
                Map.entry("DestinationRule/greetings-client/originate-tls-to-rest-greeting-remote", "delete"),
                Map.entry("VirtualService/greetings-client/rewrite-port-for-greeting-remote", "delete"));

        Applier.apply(connection, plan, store(), ApplyListener.NONE, Cancellation.none());
        assertThat(Planner.plan(connection, withoutLink).hasChanges()).isFalse();
    }

    @Test
    void deleteRemovesOnlyWhatTheScenarioCreated() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-mutual");
        ClusterConnection connection = connect(scenario);
        apply(connection, scenario, ScenarioGenerator.generate(scenario));
        IstioClient istio = client.adapt(IstioClient.class);
        istio.v1alpha3().serviceEntries().inNamespace("greetings-client").resource(serviceEntry("users-own", Map.of()))
                .create();
        istio.v1alpha3().serviceEntries().inNamespace("greetings-client").resource(serviceEntry("other-scenario",
                Planner.scenarioLabels("another-scenario"))).create();

        Plan removal = Remover.plan(connection, scenario.name());
        assertThat(removal.changes()).allSatisfy(c -> assertThat(c.action()).isEqualTo(PlannedChange.Action.DELETE));
        assertThat(removal.changes()).extracting(c -> c.key().kind()).doesNotContain("Namespace");
        assertThat(removal.notes()).anySatisfy(n -> assertThat(n).contains("Namespace greetings-client")
                .contains("left in place"));
        ApplyReport report = Remover.remove(connection, removal, ApplyListener.NONE, Cancellation.none());
        assertThat(report.complete()).isTrue();
        assertThat(report.done()).hasSize(10);

        Map<String, ObjectNode> left = MockCluster.dump(client);
        assertThat(left.keySet()).containsExactlyInAnyOrder(
                "networking.istio.io/v1alpha3 ServiceEntry/greetings-client/users-own",
                "networking.istio.io/v1alpha3 ServiceEntry/greetings-client/other-scenario",
                "v1 Namespace/istio-system-service", "v1 Namespace/greetings-service",
                "v1 Namespace/istio-system-client", "v1 Namespace/greetings-client");
        assertThat(Remover.plan(connection, scenario.name()).changes()).isEmpty();
    }

    private static ServiceEntry serviceEntry(String name, Map<String, String> labels) {
        return new ServiceEntryBuilder().withNewMetadata().withName(name).withNamespace("greetings-client")
                .withLabels(labels).endMetadata()
                .withNewSpec().withHosts(name + ".example.com").endSpec().build();
    }

    /**
     * The scenario takes over a Secret and a ServiceEntry the user had, then the server answers 403 for one object in
     * the middle: the report names it and says exactly what was applied; rollback leaves every object as it was.
     */
    @Test
    void aFailurePartWayIsReportedAndRollbackRestoresEveryObject() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-mutual");
        ClusterConnection connection = connect(scenario);
        ResourceSet resources = ScenarioGenerator.generate(scenario, MockCluster.withCertificates());
        MockCluster.installApplications(client, resources);
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName("greetings-client").addToLabels("team", "greetings").endMetadata().build()).create();
        client.secrets().inNamespace("greetings-client").resource(new SecretBuilder().withNewMetadata()
                .withName("greeting-client-secret").addToAnnotations("owner", "me").endMetadata()
                .addToData("greeting-client.crt", "b2xkLWNlcnQ=").withType("Opaque").build()).create();
        client.adapt(IstioClient.class).v1alpha3().serviceEntries().inNamespace("greetings-client")
                .resource(new ServiceEntryBuilder().withNewMetadata().withName("rest-greeting-remote-mesh-ext")
                        .withNamespace("greetings-client").endMetadata()
                        .withNewSpec().withHosts("old.example.com").endSpec().build()).create();
        Map<String, ObjectNode> before = MockCluster.dump(client);

        Plan plan = Planner.plan(connection, scenario.name(), resources);
        assertThat(actions(plan)).containsEntry("Secret/greetings-client/greeting-client-secret", "update")
                .containsEntry("ServiceEntry/greetings-client/rest-greeting-remote-mesh-ext", "update");
        server.expect().post()
                .withPath("/apis/networking.istio.io/v1alpha3/namespaces/greetings-client/destinationrules")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                        .withMessage("destinationrules.networking.istio.io is forbidden: User \"dev\" cannot create "
                                + "resource \"destinationrules\" in the namespace \"greetings-client\"").build())
                .once();
        List<String> progress = new ArrayList<>();
        ApplyReport report = Applier.apply(connection, plan, store(), new ApplyListener() {
            @Override
            public void finished(ResourceResult result, int index, int total) {
                progress.add((index + 1) + "/" + total + " " + result.outcome());
            }
        }, Cancellation.none());

        assertThat(report.status()).isEqualTo(Snapshot.Status.FAILED);
        assertThat(report.failed()).singleElement().satisfies(f -> {
            assertThat(f.key()).hasToString("DestinationRule/greetings-client/originate-tls-to-rest-greeting-remote");
            assertThat(f.message()).contains("Forbidden (403)").contains("cannot create resource");
        });
        assertThat(report.done()).extracting(r -> r.key().toString()).contains(
                "Secret/greetings-client/greeting-client-secret",
                "ServiceEntry/greetings-client/rest-greeting-remote-mesh-ext")
                .doesNotContain("Gateway/greetings-service/rest-greeting-remote-gateway");
        assertThat(report.notAttempted()).extracting(r -> r.key().toString())
                .contains("Gateway/greetings-service/rest-greeting-remote-gateway", "Route/istio-system-service/hello-remote");
        assertThat(report.done().size() + report.failed().size() + report.notAttempted().size())
                .isEqualTo(plan.toApply().size());
        assertThat(progress).hasSize(plan.toApply().size());
        assertThat(MockCluster.dump(client)).isNotEqualTo(before);

        ApplyReport rollback = Rollback.rollback(connection, store(), scenario.name(), ApplyListener.NONE);
        assertThat(rollback.complete()).as(rollback.results().toString()).isTrue();
        assertThat(MockCluster.dump(client)).isEqualTo(before);
        assertThat(store().load(MockCluster.CONTEXT, scenario.name())).isEmpty();
    }

    @Test
    void cancellingStopsBeforeTheNextObjectAndRollbackUndoesWhatWasDone() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1b-egress-encrypted");
        ClusterConnection connection = connect(scenario);
        Map<String, ObjectNode> before = MockCluster.dump(client);
        Plan plan = Planner.plan(connection, scenario);
        Cancellation cancellation = new Cancellation();
        ApplyReport report = Applier.apply(connection, plan, store(), new ApplyListener() {
            @Override
            public void finished(ResourceResult result, int index, int total) {
                if (index == 2) {
                    cancellation.cancel();
                }
            }
        }, cancellation);
        assertThat(report.status()).isEqualTo(Snapshot.Status.CANCELLED);
        assertThat(report.done()).hasSize(3);
        assertThat(report.notAttempted()).hasSize(plan.toApply().size() - 3)
                .allSatisfy(r -> assertThat(r.message()).isEqualTo("cancelled"));

        assertThat(Rollback.rollback(connection, store(), scenario.name(), ApplyListener.NONE).complete()).isTrue();
        assertThat(MockCluster.dump(client)).isEqualTo(before);
    }

    @Test
    void anUnfinishedApplyAppliedAgainStillRollsBackToTheStateBeforeTheFirst() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-mutual");
        ClusterConnection connection = connect(scenario);
        Map<String, ObjectNode> before = MockCluster.dump(client);
        server.expect().post().withPath("/apis/route.openshift.io/v1/namespaces/istio-system-service/routes")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("no routes for you").build()).once();
        ApplyReport failed = Applier.apply(connection, Planner.plan(connection, scenario), store(),
                ApplyListener.NONE, Cancellation.none());
        assertThat(failed.failed()).hasSize(1);

        ApplyReport second = Applier.apply(connection, Planner.plan(connection, scenario), store(),
                ApplyListener.NONE, Cancellation.none());
        assertThat(second.complete()).isTrue();
        assertThat(second.done()).hasSize(1);
        assertThat(second.notes()).anySatisfy(n -> assertThat(n).contains("did not complete"));

        assertThat(Rollback.rollback(connection, store(), scenario.name(), ApplyListener.NONE).complete()).isTrue();
        assertThat(MockCluster.dump(client)).isEqualTo(before);
    }

    @Test
    void anApiServerThatGoesAwayPartWayLeavesAReportAndTheSnapshot() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-simple");
        connect(scenario);
        // As Kubeconfig configures real connections: no retries, so the failure is reported at once.
        ClusterConnection connection = ClusterConnection.of(new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration())
                        .withRequestRetryBackoffLimit(0).build()).build(), MockCluster.CONTEXT,
                WriteStrategy.CREATE_OR_UPDATE);
        Plan plan = Planner.plan(connection, scenario);
        ApplyReport report;
        try (connection) {
            report = Applier.apply(connection, plan, store(), new ApplyListener() {
                @Override
                public void finished(ResourceResult result, int index, int total) {
                    if (index == 1) {
                        server.shutdown();
                    }
                }
            }, Cancellation.none());
        }

        assertThat(report.status()).isEqualTo(Snapshot.Status.FAILED);
        assertThat(report.done()).hasSize(2);
        assertThat(report.failed()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Cannot reach the API server at " + connection.server()));
        assertThat(report.notAttempted()).hasSize(plan.toApply().size() - 3);
        Snapshot snapshot = store().load(MockCluster.CONTEXT, scenario.name()).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(Snapshot.Status.FAILED);
        assertThat(snapshot.entries()).hasSize(plan.toApply().size());
        assertThat(snapshot.entries().stream().filter(Snapshot.Entry::applied)).hasSize(2);
    }

    @Test
    void rollbackWithoutASnapshotSaysSo() {
        ClusterConnection connection = connect(BuiltInDesigns.finished("1a-simple"));
        assertThatThrownBy(() -> Rollback.rollback(connection, store(), "1a-simple", ApplyListener.NONE))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("no snapshot of scenario '1a-simple' for context 'mock'")
                .extracting(e -> ((ClusterException) e).reason()).isEqualTo(ClusterException.Reason.SNAPSHOT);
    }

    @Test
    void aMissingCrdIsNamedWithWhatInstallsItAndNothingIsWritten() {
        Scenario scenario = BuiltInDesigns.finished("2-federation");
        MockCluster.installCrds(client, EnumSet.of(ApiKind.SERVICE_ENTRY, ApiKind.DESTINATION_RULE, ApiKind.GATEWAY,
                ApiKind.VIRTUAL_SERVICE, ApiKind.SERVICE_MESH_CONTROL_PLANE, ApiKind.SERVICE_MESH_MEMBER_ROLL), "v1beta1");
        ClusterConnection connection = MockCluster.connect(client);

        assertThatThrownBy(() -> Planner.plan(connection, scenario))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("does not serve what scenario '2-federation' needs; nothing was changed")
                .hasMessageContaining("ServiceMeshPeer (federation.maistra.io/v1), ExportedServiceSet "
                        + "(federation.maistra.io/v1), ImportedServiceSet (federation.maistra.io/v1): needs OpenShift "
                        + "Service Mesh 2.1 or later")
                .extracting(e -> ((ClusterException) e).reason()).isEqualTo(ClusterException.Reason.MISSING_API);
        assertThat(MockCluster.dump(client)).isEmpty();
    }

    @Test
    void deniedPermissionsAreListedAndApplyRefusesBeforeChangingAnything() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-simple");
        ClusterConnection connection = connect(scenario);
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReturn(201, "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
                        + "\"status\":{\"allowed\":false}}").always();
        Plan plan = Planner.plan(connection, scenario);
        assertThat(plan.permissions().unchecked()).isNull();
        assertThat(plan.permissions().denied()).contains("create ServiceMeshControlPlane in istio-system-service",
                "create Namespace");
        assertThatThrownBy(() -> Applier.apply(connection, plan, store(), ApplyListener.NONE, Cancellation.none()))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("apply refused, nothing was changed")
                .hasMessageContaining("not allowed to create ServiceEntry in greetings-client");
        assertThat(MockCluster.dump(client)).isEmpty();
        assertThat(store().load(MockCluster.CONTEXT, scenario.name())).isEmpty();
    }

    @Test
    void withoutAPermissionAnswerThePlanSaysItCouldNotCheck() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-simple");
        Plan plan = Planner.plan(connect(scenario), scenario);
        assertThat(plan.permissions().denied()).isEmpty();
        assertThat(plan.permissions().unchecked()).contains("did not answer the permission check");
    }

    @Test
    void pendingSecretsAreReportedNotApplied() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-mutual");
        ClusterConnection connection = connect(scenario);
        client.secrets().inNamespace("istio-system-service").resource(new SecretBuilder().withNewMetadata()
                .withName("greeting-remote-secret").endMetadata().addToData("tls.crt", "eA==").build()).create();
        Plan plan = Planner.plan(connection, scenario);
        assertThat(plan.pending()).extracting(PendingResource::toString).containsExactly(
                "Secret/istio-system-service/greeting-remote-secret needs tls.crt,tls.key,ca.crt (the cluster has "
                        + "one; left as it is)",
                "Secret/greetings-client/greeting-client-secret needs greeting-client.crt,greeting-client.key,"
                        + "ca-root.crt (not in the cluster: create it with this data)");
        assertThat(plan.changes()).extracting(c -> c.key().kind()).doesNotContain("Secret");
    }
}
