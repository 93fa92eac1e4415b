package io.egressstudio.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.egressstudio.cluster.ApiKind;
import io.egressstudio.cluster.Kubeconfig;
import io.egressstudio.cluster.MockCluster;
import io.egressstudio.cluster.PlannedChange;
import io.egressstudio.cluster.Snapshot;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster ViewModels without a window, against fabric8's mock API server in CRUD mode: connect, plan (with its
 * diff and dry-run note), apply with progress, cancel, a failure part-way and rollback, remove, import. The executors
 * run work on the calling thread, so every result is there when a call returns.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterViewModelsTest {
    private static final Executor DIRECT = Runnable::run;

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    private final AtomicReference<Scenario> shown = new AtomicReference<>();
    private final List<ClusterSession> sessions = new ArrayList<>();

    @AfterEach
    void close() {
        sessions.forEach(ClusterSession::close);
    }

    private ClusterSession session(Scenario scenario, Executor ui) throws Exception {
        shown.set(scenario);
        MockCluster.installCrds(client, EnumSet.allOf(ApiKind.class),
                scenario.istioApi().name().toLowerCase(Locale.ROOT));
        Path kubeconfig = MockKubeconfig.write(dir.resolve("kube/config"), "mock-ctx",
                client.getConfiguration().getMasterUrl());
        ClusterSession session = new ClusterSession(MockKubeconfig.settings(kubeconfig, dir.resolve("snapshots")),
                shown::get, DIRECT, ui);
        sessions.add(session);
        return session;
    }

    private ClusterSession connected(Scenario scenario, Executor ui) throws Exception {
        ClusterSession session = session(scenario, ui);
        session.loadContexts().join();
        session.connect().join();
        assertThat(session.isConnected()).isTrue();
        return session;
    }

    private static List<String> actions(PlanViewModel plan) {
        return plan.rows().stream().map(PlanRow::action).distinct().toList();
    }

    @Test
    void connectPicksTheCurrentContextOfKubeconfigAndShowsApisAndControlPlanes() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-simple");
        session(scenario, DIRECT);
        Path first = MockKubeconfig.write(dir.resolve("a/config"), "other", "https://other.example.com:6443");
        Path second = MockKubeconfig.write(dir.resolve("b/config"), "mock-ctx",
                client.getConfiguration().getMasterUrl());
        java.nio.file.Files.writeString(first, java.nio.file.Files.readString(first)
                .replace("current-context: other\n", ""));
        Kubeconfig fromEnvironment = Kubeconfig.fromEnvironment(
                Map.of("KUBECONFIG", first + File.pathSeparator + second), dir);
        ClusterSession session = new ClusterSession(MockKubeconfig.settings(fromEnvironment, dir.resolve("s")),
                shown::get, DIRECT, DIRECT);
        sessions.add(session);

        session.loadContexts().join();
        assertThat(session.contexts()).containsExactly("other", "mock-ctx");
        assertThat(session.contextProperty().get()).as("the current-context of the merged files").isEqualTo("mock-ctx");
        assertThat(session.isConnected()).isFalse();

        session.connect().join();
        assertThat(session.isConnected()).isTrue();
        assertThat(session.messageProperty().get()).isEqualTo("Connected to mock-ctx.");
        assertThat(session.checkTextProperty().get())
                .contains("the API server at " + client.getConfiguration().getMasterUrl())
                .contains("answers and accepts the credentials")
                .containsPattern("ServiceMeshControlPlane\\s+maistra.io/v2")
                .containsPattern("Route\\s+route.openshift.io/v1")
                .contains("No control planes found.")
                .contains("Scenario 1a-simple: the cluster serves every API it needs.")
                .contains("Permissions not checked: the server did not answer the permission check")
                .doesNotContain(MockKubeconfig.TOKEN);
    }

    @Test
    void aMissingCrdAnUnreachableServerAndExpiredCredentialsEachSaySo() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("2-federation");
        shown.set(scenario);
        MockCluster.installCrds(client, EnumSet.of(ApiKind.SERVICE_ENTRY, ApiKind.DESTINATION_RULE, ApiKind.GATEWAY,
                ApiKind.VIRTUAL_SERVICE, ApiKind.SERVICE_MESH_CONTROL_PLANE, ApiKind.SERVICE_MESH_MEMBER_ROLL), "v1beta1");
        Path kubeconfig = MockKubeconfig.write(dir.resolve("mock/config"), "mock-ctx",
                client.getConfiguration().getMasterUrl());
        ClusterSession missing = new ClusterSession(MockKubeconfig.settings(kubeconfig, dir.resolve("s")),
                shown::get, DIRECT, DIRECT);
        sessions.add(missing);
        missing.loadContexts().join();
        missing.connect().join();
        assertThat(missing.messageProperty().get()).contains("lacks what scenario 2-federation needs");
        assertThat(missing.checkTextProperty().get()).contains("2-federation needs what the cluster does not serve")
                .contains("ServiceMeshPeer").contains("Route");

        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ClusterSession unreachable = new ClusterSession(MockKubeconfig.settings(MockKubeconfig.write(
                dir.resolve("gone/config"), "gone", "https://127.0.0.1:" + port), dir.resolve("s")),
                shown::get, DIRECT, DIRECT);
        sessions.add(unreachable);
        unreachable.loadContexts().join();
        assertThat(unreachable.connect()).isCompletedExceptionally();
        assertThat(unreachable.isConnected()).isFalse();
        assertThat(unreachable.messageProperty().get()).contains("Cannot reach the API server at https://127.0.0.1:" + port);

        HttpServer rejecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rejecting.createContext("/", exchange -> {
            byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                    + "\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        rejecting.start();
        try {
            String url = "http://127.0.0.1:" + rejecting.getAddress().getPort();
            ClusterSession expired = new ClusterSession(MockKubeconfig.settings(MockKubeconfig.write(
                    dir.resolve("expired/config"), "expired", url), dir.resolve("s")), shown::get, DIRECT, DIRECT);
            sessions.add(expired);
            expired.loadContexts().join();
            assertThat(expired.connect()).isCompletedExceptionally();
            assertThat(expired.isConnected()).isFalse();
            assertThat(expired.messageProperty().get()).contains("rejected the credentials of context 'expired'")
                    .contains("expired").doesNotContain(MockKubeconfig.TOKEN);
        } finally {
            rejecting.stop(0);
        }
    }

    @Test
    void connectSaysWhatTheUserMayNotCreate() throws Exception {
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReturn(201, "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
                        + "\"status\":{\"allowed\":false}}").always();
        ClusterSession session = connected(BuiltInDesigns.finished("1a-simple"), DIRECT);
        assertThat(session.checkProperty().get().permissions().ok()).isFalse();
        assertThat(session.checkTextProperty().get()).contains("Not allowed: create Namespace; ")
                .contains("create ServiceEntry in greetings-client");
    }

    @Test
    void withoutAConnectionNothingRunsAndTheMessageSaysConnectFirst() throws Exception {
        ClusterSession session = session(BuiltInDesigns.finished("1a-simple"), DIRECT);
        PlanViewModel plan = new PlanViewModel(session, PlanViewModel.Mode.APPLY);
        assertThat(plan.refresh()).isCompletedExceptionally();
        assertThat(plan.messageProperty().get()).isEqualTo(ClusterSession.NOT_CONNECTED);
        assertThat(plan.rows()).isEmpty();
        assertThat(plan.canApplyProperty().get()).isFalse();
        assertThat(plan.apply()).isNull();
    }

    @Test
    void planApplyPlanAgainAndRollbackLeaveTheServerAsItWas() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-simple");
        ClusterSession session = connected(scenario, DIRECT);
        Map<String, ObjectNode> before = MockCluster.dump(client);

        PlanViewModel plan = new PlanViewModel(session, PlanViewModel.Mode.APPLY);
        plan.refresh().join();
        assertThat(actions(plan)).containsExactly("create");
        assertThat(plan.summaryProperty().get()).startsWith(plan.rows().size() + " create · 0 update");
        assertThat(plan.dryRunNoteProperty().get()).contains("Server-side dry run was not used")
                .contains("comparing with the live objects");
        assertThat(plan.headerProperty().get()).contains("scenario 1a-simple on context mock-ctx");
        plan.selectedProperty().set(plan.rows().get(0));
        assertThat(plan.diffProperty().get()).contains("cluster now").contains("after apply")
                .contains(plan.rows().get(0).name());
        assertThat(plan.canApplyProperty().get()).isTrue();

        OperationViewModel apply = plan.apply();
        assertThat(apply.reportProperty().get().complete()).isTrue();
        assertThat(apply.progressProperty().get()).isEqualTo(1.0);
        assertThat(apply.results()).hasSize(plan.rows().size()).allSatisfy(r -> assertThat(r).startsWith("✓ created "));
        assertThat(apply.summaryProperty().get()).startsWith("Apply complete: " + plan.rows().size() + " change(s)");
        assertThat(apply.canRollbackProperty().get()).as("a complete apply needs no rollback offer").isFalse();
        assertThat(plan.canApplyProperty().get()).as("an applied plan is stale").isFalse();
        for (PlanRow row : plan.rows()) {
            assertThat(MockCluster.dump(client).keySet()).anySatisfy(k -> assertThat(k).endsWith(" "
                    + row.change().key()));
        }

        plan.refresh().join();
        assertThat(actions(plan)).containsExactly("unchanged");
        assertThat(plan.messageProperty().get()).contains("Nothing to change");
        assertThat(plan.canApplyProperty().get()).isFalse();

        OperationViewModel rollback = OperationViewModel.rollback(session, scenario.name());
        rollback.start().join();
        assertThat(rollback.reportProperty().get().complete()).isTrue();
        assertThat(rollback.results()).allSatisfy(r -> assertThat(r).startsWith("✓ deleted "));
        assertThat(MockCluster.dump(client)).isEqualTo(before);
    }

    @Test
    void theDiffOfASecretNeverShowsItsData() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-mutual");
        ClusterSession session = connected(scenario, DIRECT);
        var secrets = ScenarioGenerator.generate(scenario, MockCluster.withCertificates()).ofKind("Secret");
        assertThat(secrets).isNotEmpty();
        var secret = secrets.get(0).resource();
        client.secrets().inNamespace(secret.getMetadata().getNamespace()).resource(new SecretBuilder()
                .withNewMetadata().withName(secret.getMetadata().getName()).endMetadata()
                .withData(Map.of("tls.crt", base64("users-own-certificate-text"), "tls.key", base64("users-own-key")))
                .build()).create();

        PlanViewModel plan = new PlanViewModel(session, PlanViewModel.Mode.APPLY,
                s -> ScenarioGenerator.generate(s, MockCluster.withCertificates()));
        plan.refresh().join();
        PlanRow row = plan.rows().stream().filter(r -> r.kind().equals("Secret")
                && r.name().equals(secret.getMetadata().getName())).findFirst().orElseThrow();
        assertThat(row.action()).isEqualTo("update");
        plan.selectedProperty().set(row);
        String diff = plan.diffProperty().get();
        assertThat(diff).contains("<redacted>").contains("tls.crt")
                .doesNotContain("MIIfake").doesNotContain("users-own").doesNotContain("dXNlcnMtb3du");
        assertThat(plan.diffRows()).anySatisfy(r -> {
            assertThat(r.marker()).isEqualTo('|');
            assertThat(r.left()).endsWith(": <redacted>");
            assertThat(r.right()).endsWith(": <redacted> (changes)");
        }).allSatisfy(r -> assertThat(r.left() + r.right()).doesNotContain("MIIfake").doesNotContain("users-own"));
        assertThat(plan.rows().stream().map(r -> {
            plan.selectedProperty().set(r);
            return plan.diffProperty().get();
        })).allSatisfy(text -> assertThat(text).doesNotContain("MIIfake").doesNotContain("TUlJZmFrZ"));
    }

    @Test
    void aCertificateFolderFillsTheSecretsWhoseDataIsNeverShown() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-simple");
        ClusterSession session = connected(scenario, DIRECT);
        Path certs = java.nio.file.Files.createDirectories(dir.resolve("certs"));
        for (String id : List.of("ca-root", "greeting-remote-cert", "greeting-client")) {
            java.nio.file.Files.writeString(certs.resolve(id + ".crt"), "-----BEGIN CERTIFICATE-----\nMIIsecret" + id
                    + "\n-----END CERTIFICATE-----\n");
            java.nio.file.Files.writeString(certs.resolve(id + ".key"), "-----BEGIN PRIVATE KEY-----\nMIIkey" + id
                    + "\n-----END PRIVATE KEY-----\n");
        }
        PlanViewModel plan = new PlanViewModel(session, PlanViewModel.Mode.APPLY);
        plan.refresh().join();
        assertThat(plan.notesProperty().get())
                .contains("Not applied, its data is needed first: Secret/istio-system-service/greeting-remote-secret");
        assertThat(plan.rows()).extracting(PlanRow::kind).doesNotContain("Secret");

        plan.certificatesProperty().set(certs);
        plan.refresh().join();
        assertThat(plan.notesProperty().get()).doesNotContain("Not applied");
        PlanRow secret = plan.rows().stream().filter(r -> r.kind().equals("Secret")
                && r.name().equals("greeting-remote-secret")).findFirst().orElseThrow();
        assertThat(secret.action()).isEqualTo("create");
        plan.selectedProperty().set(secret);
        assertThat(plan.diffRows()).anySatisfy(r -> assertThat(r.right()).isEqualTo("  tls.key: <redacted> (changes)"));
        OperationViewModel apply = plan.apply();
        assertThat(apply.reportProperty().get().complete()).isTrue();
        assertThat(client.secrets().inNamespace("istio-system-service").withName("greeting-remote-secret").get()
                .getData()).containsKeys("tls.crt", "tls.key", "ca.crt");
        String shown = String.join("\n", plan.diffProperty().get(), plan.notesProperty().get(),
                String.join("\n", apply.results()), apply.summaryProperty().get(), plan.rows().toString());
        String base64 = java.util.Base64.getEncoder().encodeToString(
                "-----BEGIN PRIVATE KEY".getBytes(StandardCharsets.UTF_8)).substring(0, 24);
        assertThat(shown).doesNotContain("MIIsecret", "MIIkey", "BEGIN PRIVATE KEY", base64);
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFailurePartWayNamesTheObjectAndRollbackPutsEverythingBack() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-mutual");
        ClusterSession session = connected(scenario, DIRECT);
        Map<String, ObjectNode> before = MockCluster.dump(client);
        server.expect().post().withPath("/apis/route.openshift.io/v1/namespaces/istio-system-service/routes")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("no routes for you").build()).once();

        PlanViewModel plan = new PlanViewModel(session, PlanViewModel.Mode.APPLY);
        plan.refresh().join();
        OperationViewModel apply = plan.apply();
        assertThat(apply.reportProperty().get().status()).isEqualTo(Snapshot.Status.FAILED);
        assertThat(apply.failureProperty().get()).startsWith("Failed: create Route/istio-system-service/")
                .contains("no routes for you");
        assertThat(apply.summaryProperty().get()).contains("Apply failed part-way. Exactly these were changed: create ")
                .contains("Roll back to restore what was there before the apply.");
        assertThat(apply.results()).anySatisfy(r -> assertThat(r).startsWith("✗ FAILED create Route/"));
        assertThat(apply.canRollbackProperty().get()).isTrue();
        assertThat(MockCluster.dump(client)).isNotEqualTo(before);

        OperationViewModel rollback = apply.rollback();
        assertThat(rollback.reportProperty().get().complete()).isTrue();
        assertThat(rollback.summaryProperty().get()).startsWith("Rollback complete");
        assertThat(MockCluster.dump(client)).isEqualTo(before);
    }

    @Test
    void cancelStopsBeforeTheNextObjectAndTheReportSaysWhatWasApplied() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1b-egress-encrypted");
        AtomicReference<PlanViewModel> planRef = new AtomicReference<>();
        Executor cancelAfterTwo = work -> {
            work.run();
            OperationViewModel op = planRef.get() == null ? null : planRef.get().operationProperty().get();
            if (op != null && op.results().size() == 2) {
                op.cancel();
            }
        };
        ClusterSession session = connected(scenario, cancelAfterTwo);
        Map<String, ObjectNode> before = MockCluster.dump(client);
        PlanViewModel plan = new PlanViewModel(session, PlanViewModel.Mode.APPLY);
        planRef.set(plan);
        plan.refresh().join();
        int total = plan.rows().size();

        OperationViewModel apply = plan.apply();
        assertThat(apply.reportProperty().get().status()).isEqualTo(Snapshot.Status.CANCELLED);
        assertThat(apply.reportProperty().get().done()).hasSize(2);
        assertThat(apply.results()).hasSize(total);
        assertThat(apply.results().subList(2, total)).allSatisfy(r -> assertThat(r).contains("(cancelled)"));
        assertThat(apply.summaryProperty().get()).startsWith("Apply cancelled part-way. Exactly these were changed: "
                + apply.reportProperty().get().done().stream().map(r -> "create " + r.key()).reduce((a, b) -> a + ", " + b)
                .orElseThrow() + ".");
        assertThat(apply.canRollbackProperty().get()).isTrue();
        assertThat(apply.rollback().reportProperty().get().complete()).isTrue();
        assertThat(MockCluster.dump(client)).isEqualTo(before);
    }

    @Test
    void removeDeletesWhatTheScenarioPutThereAndImportOpensWhatTheClusterHas() throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-unencrypted-v1");
        ClusterSession session = connected(scenario, DIRECT);
        MockCluster.installApplications(client, ScenarioGenerator.generate(scenario));
        PlanViewModel plan = new PlanViewModel(session, PlanViewModel.Mode.APPLY);
        plan.refresh().join();
        assertThat(plan.apply().reportProperty().get().complete()).isTrue();

        List<Scenario> opened = new ArrayList<>();
        ImportViewModel importer = new ImportViewModel(session, opened::add);
        assertThat(importer.namespacesProperty().get()).isEqualTo("istio-system greetings-client greetings-service");
        importer.namespacesProperty().set("istio-system, greetings-client Not_A_Namespace");
        assertThat(importer.run()).isCompletedExceptionally();
        assertThat(importer.resultProperty().get()).isEqualTo("'Not_A_Namespace' is not a namespace name.");
        importer.namespacesProperty().set("istio-system, greetings-client");
        importer.run().join();
        assertThat(opened).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(scenario.name());
            assertThat(s.meshes()).hasSize(1);
            assertThat(s.workloads()).extracting(w -> w.namespace()).contains("greetings-client");
        });
        assertThat(importer.resultProperty().get()).startsWith("Read ").contains("Opened scenario " + scenario.name());

        PlanViewModel removal = new PlanViewModel(session, PlanViewModel.Mode.REMOVE);
        removal.refresh().join();
        assertThat(actions(removal)).containsExactly("delete");
        assertThat(removal.rows()).extracting(PlanRow::kind).doesNotContain("Namespace");
        OperationViewModel remove = removal.apply();
        assertThat(remove.reportProperty().get().complete()).isTrue();
        assertThat(remove.results()).hasSize(removal.rows().size())
                .allSatisfy(r -> assertThat(r).startsWith("✓ deleted "));
        removal.refresh().join();
        assertThat(removal.rows()).isEmpty();
        assertThat(removal.messageProperty().get()).contains("Nothing on the cluster carries the label");
        assertThat(client.namespaces().withName("greetings-client").get()).as("namespaces stay").isNotNull();
        assertThat(PlannedChange.Action.DELETE.word()).isEqualTo("delete");
    }
}
