package io.egressstudio.cli;

import io.egressstudio.generate.ScenarioGenerator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.cluster.ApiKind;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.Kubeconfig;
import io.egressstudio.cluster.MockCluster;
import io.egressstudio.cluster.SnapshotStore;
import io.egressstudio.cluster.WriteStrategy;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.Scenario;
import io.fabric8.istio.api.networking.v1alpha3.ServiceEntryBuilder;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, apply, rollback, delete and import as a user runs them, against fabric8's mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterCommandsTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    private Supplier<io.egressstudio.cluster.Connector> savedConnector;
    private Supplier<SnapshotStore> savedSnapshots;
    private Supplier<Kubeconfig> savedKubeconfig;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void pointAtTheMock() {
        savedConnector = ClusterAccess.connector;
        savedSnapshots = ClusterAccess.snapshots;
        savedKubeconfig = ClusterAccess.kubeconfig;
        ClusterAccess.connector = () -> context -> {
            if (!context.equals(MockCluster.CONTEXT)) {
                return Kubeconfig.of(List.of(dir.resolve("no-kubeconfig"))).connect(context);
            }
            return ClusterConnection.of(new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(),
                    MockCluster.CONTEXT, WriteStrategy.CREATE_OR_UPDATE);
        };
        SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));
        ClusterAccess.snapshots = () -> store;
    }

    @AfterEach
    void restore() {
        ClusterAccess.connector = savedConnector;
        ClusterAccess.snapshots = savedSnapshots;
        ClusterAccess.kubeconfig = savedKubeconfig;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path scenarioFile(String name) throws Exception {
        Scenario scenario = BuiltInScenarios.get(name);
        MockCluster.installCrds(client, EnumSet.allOf(ApiKind.class),
                scenario.istioApi().name().toLowerCase(java.util.Locale.ROOT));
        Path file = dir.resolve(name + ".yaml");
        ScenarioFile.save(scenario, file);
        return file;
    }

    private static void noStackTrace(Run run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void planPrintsTheJsonContract() throws Exception {
        Path file = scenarioFile("1a-simple");
        Run run = run("plan", "--context", "mock", "--format", "json", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\"changes\":[{\"kind\":\"Namespace\",\"namespace\":null,\"name\":\"");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.size()).isEqualTo(1);
        List<String> lines = new ArrayList<>();
        for (JsonNode change : json.get("changes")) {
            List<String> fields = new ArrayList<>();
            change.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("kind", "namespace", "name", "action");
            lines.add(change.get("kind").asText() + " " + change.get("namespace").asText(null) + " "
                    + change.get("name").asText() + " " + change.get("action").asText());
        }
        assertThat(lines).contains("ServiceEntry greetings-client rest-greeting-remote-mesh-ext create",
                "Namespace null greetings-client create").allSatisfy(l -> assertThat(l).endsWith(" create"));
    }

    @Test
    void applyThenPlanShowsNothingToChange() throws Exception {
        Path file = scenarioFile("1b-egress-plain");
        Run apply = run("apply", "--context", "mock", file.toString());
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("[1/", "] created Namespace/", "Apply complete: ")
                .contains(dir.resolve("snapshots").toString());

        Run plan = run("plan", "--context", "mock", file.toString());
        assertThat(plan.exit()).isZero();
        assertThat(plan.out()).contains("0 to create, 0 to update, 0 to delete,")
                .contains("Server-side dry run was not used")
                .contains("Control planes on the cluster:");
        Run json = run("plan", "--context", "mock", "--format", "json", file.toString());
        assertThat(new ObjectMapper().readTree(json.out()).get("changes"))
                .allSatisfy(c -> assertThat(c.get("action").asText()).isEqualTo("unchanged"));
        assertThat(run("apply", "--context", "mock", file.toString()).out()).contains("Nothing to change");
    }

    @Test
    void aStepChangePlansOneUpdateWithItsDiff() throws Exception {
        Path file = scenarioFile("1a-unencrypted-v1");
        assertThat(run("apply", "--context", "mock", "--step", "1", file.toString()).exit()).isZero();
        Run all = run("plan", "--context", "mock", "--step", "3", "--diff", file.toString());
        assertThat(all.out()).containsPattern(">\\s+kind: ServiceEntry").contains("1 to create, 1 to update");
        Run plan = run("plan", "--context", "mock", "--step", "2", file.toString());
        assertThat(plan.out()).contains("update    ServiceMeshControlPlane/istio-system/tenant-1: "
                        + "spec.proxy.networking.trafficControl.outbound.policy changes")
                .containsPattern("policy: ALLOW_ANY\\s+\\|\\s+policy: REGISTRY_ONLY")
                .contains("0 to create, 1 to update, 0 to delete,");
    }

    @Test
    void aFailurePartWayIsReportedAndRollbackRestoresTheCluster() throws Exception {
        Path file = scenarioFile("1a-simple");
        Map<String, ObjectNode> before = MockCluster.dump(client);
        server.expect().post().withPath("/apis/networking.istio.io/v1alpha3/namespaces/greetings-service/gateways")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("gateways.networking.istio.io is "
                        + "forbidden: User \"dev\" cannot create resource \"gateways\"").build()).once();

        Run apply = run("apply", "--context", "mock", file.toString());
        assertThat(apply.exit()).isEqualTo(1);
        noStackTrace(apply);
        assertThat(apply.out()).contains("Apply failed part-way. Exactly these were changed:",
                "  create ServiceEntry/greetings-client/rest-greeting-remote-mesh-ext",
                "Failed: create Gateway/greetings-service/rest-greeting-remote-gateway: Forbidden (403)",
                "To restore what was there before: egress-studio rollback --context mock " + file);

        Run rollback = run("rollback", "--context", "mock", file.toString());
        assertThat(rollback.exit()).as(rollback.out()).isZero();
        assertThat(rollback.out()).contains("deleted ServiceEntry/greetings-client/rest-greeting-remote-mesh-ext",
                "Rollback complete");
        assertThat(MockCluster.dump(client)).isEqualTo(before);

        Run again = run("rollback", "--context", "mock", "1a-simple");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("nothing to roll back");
    }

    @Test
    void applyCanRollBackByItselfOnFailure() throws Exception {
        Path file = scenarioFile("1a-simple");
        Map<String, ObjectNode> before = MockCluster.dump(client);
        server.expect().post().withPath("/apis/route.openshift.io/v1/namespaces/istio-system-service/routes")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("no").build()).once();
        Run apply = run("apply", "--context", "mock", "--rollback-on-failure", file.toString());
        assertThat(apply.exit()).isEqualTo(1);
        assertThat(apply.out()).contains("Rolling back:", "Rollback complete");
        assertThat(MockCluster.dump(client)).isEqualTo(before);
    }

    @Test
    void deleteRemovesOnlyTheScenariosObjects() throws Exception {
        Path file = scenarioFile("1a-simple");
        assertThat(run("apply", "--context", "mock", file.toString()).exit()).isZero();
        client.adapt(IstioClient.class).v1alpha3().serviceEntries().inNamespace("greetings-client")
                .resource(new ServiceEntryBuilder().withNewMetadata().withName("mine").withNamespace("greetings-client")
                        .endMetadata().withNewSpec().withHosts("mine.example.com").endSpec().build()).create();

        Run dryRun = run("delete", "--context", "mock", "--dry-run", file.toString());
        assertThat(dryRun.out()).contains("would delete ServiceEntry/greetings-client/rest-greeting-remote-mesh-ext")
                .doesNotContain("mine");
        Run delete = run("delete", "--context", "mock", "1a-simple");
        assertThat(delete.exit()).as(delete.out()).isZero();
        assertThat(delete.out()).contains("Delete complete", "Namespace greetings-client carries this scenario's label");
        assertThat(MockCluster.dump(client).keySet()).filteredOn(k -> !k.startsWith("v1 Namespace/"))
                .containsExactly("networking.istio.io/v1alpha3 ServiceEntry/greetings-client/mine");
    }

    @Test
    void importWritesAScenarioThatLoadsAndAnalyzeReads() throws Exception {
        Path file = scenarioFile("1b-egress-encrypted");
        Scenario scenario = BuiltInScenarios.get("1b-egress-encrypted");
        MockCluster.installApplications(client, ScenarioGenerator.generate(scenario));
        assertThat(run("apply", "--context", "mock", file.toString()).exit()).isZero();
        Path out = dir.resolve("imported.yaml");

        Run imported = run("import", "--context", "mock", "--namespace", "istio-system-service", "greetings-service",
                "-n", "istio-system-egressgw-mtls-client", "greetings-egressgw-mtls-client", "-o", out.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Wrote " + out + ": scenario 1b-egress-encrypted with 2 mesh(es), "
                + "2 workload(s), 1 egress gateway(s), 1 external service(s), 1 link(s)");
        Scenario loaded = ScenarioFile.load(out);
        assertThat(loaded.links()).singleElement().satisfies(l -> assertThat(l.via()).isNotNull());
        Run analyze = run("analyze", out.toString());
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        assertThat(analyze.out()).contains("greetings-egressgw-mtls-client/rest-client-greeting -> http://greeting.remote.com");
    }

    @Test
    void withCertificatesSecretsAreAppliedAndTheirDataIsNeverPrinted() throws Exception {
        Path file = scenarioFile("1a-simple");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        for (String id : List.of("ca-root", "greeting-remote-cert", "greeting-client")) {
            Files.writeString(certs.resolve(id + ".crt"), "-----BEGIN CERTIFICATE-----\nMIIsecret" + id
                    + "\n-----END CERTIFICATE-----\n");
            Files.writeString(certs.resolve(id + ".key"), "-----BEGIN PRIVATE KEY-----\nMIIkey" + id
                    + "\n-----END PRIVATE KEY-----\n");
        }
        Run withoutCerts = run("plan", "--context", "mock", file.toString());
        assertThat(withoutCerts.out()).contains("Not applied, their data is needed first:");

        Run plan = run("plan", "--context", "mock", "--diff", "--certs", certs.toString(), file.toString());
        assertThat(plan.exit()).isZero();
        assertThat(plan.out()).doesNotContain("Not applied, their data is needed first:")
                .contains("create    Secret/istio-system-service/greeting-remote-secret")
                .contains("tls.key: <redacted> (changes)");
        Run apply = run("apply", "--context", "mock", "--certs", certs.toString(), file.toString());
        assertThat(apply.exit()).isZero();
        assertThat(client.secrets().inNamespace("istio-system-service").withName("greeting-remote-secret").get()
                .getData()).containsKeys("tls.crt", "tls.key", "ca.crt");
        // base64 of "-----BEGIN PRIVATE KEY": how the key would look in a Secret's data
        String base64 = java.util.Base64.getEncoder().encodeToString(
                "-----BEGIN PRIVATE KEY".getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 24);
        for (Run run : List.of(plan, apply)) {
            assertThat(run.out() + run.err()).doesNotContain("MIIsecret", "MIIkey", "BEGIN PRIVATE KEY",
                    base64);
        }
        try (var snapshots = Files.walk(dir.resolve("snapshots"))) {
            for (Path snapshot : snapshots.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(snapshot)).doesNotContain("MIIsecret", "MIIkey", "data:");
            }
        }
    }

    @Test
    void checkNamesTheApisAScenarioNeedsAndTheClusterLacks() throws Exception {
        Path file = dir.resolve("federation.yaml");
        ScenarioFile.save(BuiltInScenarios.get("2-federation"), file);
        MockCluster.installCrds(client, EnumSet.of(ApiKind.SERVICE_MESH_CONTROL_PLANE, ApiKind.SERVICE_MESH_MEMBER_ROLL,
                ApiKind.SERVICE_ENTRY, ApiKind.ROUTE), "v1beta1");

        Run check = run("check", "--context", "mock", file.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("Context mock: the API server at http://localhost:")
                .containsPattern("ServiceMeshControlPlane\\s+maistra.io/v2")
                .containsPattern("ServiceMeshPeer\\s+not served")
                .contains("No control planes found.")
                .contains("Permissions not checked: the server did not answer the permission check")
                .contains("Scenario 2-federation needs what the cluster does not serve:",
                        "ServiceMeshPeer (federation.maistra.io/v1), ExportedServiceSet (federation.maistra.io/v1), "
                                + "ImportedServiceSet (federation.maistra.io/v1): needs OpenShift Service Mesh 2.1 or later");
        Run plan = run("plan", "--context", "mock", file.toString());
        assertThat(plan.exit()).isEqualTo(1);
        assertThat(plan.err()).contains("does not serve what scenario '2-federation' needs; nothing was changed");
        noStackTrace(plan);
        assertThat(run("check", "--context", "mock").exit()).isZero();
    }

    @Test
    void badInputAndUnreachableClustersGiveMessagesNotStackTraces() throws Exception {
        Path file = scenarioFile("1a-simple");
        Run unknown = run("plan", "--context", "prod", file.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no kubeconfig found");
        noStackTrace(unknown);

        Path kubeconfig = dir.resolve("config");
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: gone
                contexts: [{name: gone, context: {cluster: gone, user: me}}]
                clusters: [{name: gone, cluster: {server: "https://127.0.0.1:%d"}}]
                users: [{name: me, user: {token: abc}}]
                """.formatted(port));
        ClusterAccess.kubeconfig = () -> Kubeconfig.of(List.of(kubeconfig));
        ClusterAccess.connector = () -> ClusterAccess.kubeconfig.get()::connect;
        Run unreachable = run("apply", "--context", "gone", file.toString());
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot reach the API server at https://127.0.0.1:" + port);
        noStackTrace(unreachable);
        assertThat(dir.resolve("snapshots")).doesNotExist();

        Run contexts = run("contexts");
        assertThat(contexts.out()).contains("* gone  https://127.0.0.1:" + port);

        Run missing = run("plan", "--context", "mock", dir.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        Run badImport = run("import", "--context", "mock", "-n", "Not_A_Namespace", "-o", "x.yaml");
        assertThat(badImport.exit()).isEqualTo(2);
        assertThat(badImport.err()).contains("is not a namespace name");
    }
}
