package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways a connection fails before anything is changed: an API server that is not there, credentials it rejects,
 * a kubeconfig that is wrong. Each gives a clear message and leaves no snapshot behind.
 */
class ConnectionFailureTest {
    private static final String TOKEN = "sha256~do-not-print-this-token-4711";

    @TempDir
    Path dir;

    private Kubeconfig kubeconfig(String server) throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: dev
                contexts:
                - name: dev
                  context: {cluster: dev-cluster, user: dev-user, namespace: greetings-client}
                clusters:
                - name: dev-cluster
                  cluster: {server: "%s"}
                users:
                - name: dev-user
                  user: {token: "%s"}
                """.formatted(server, TOKEN));
        return Kubeconfig.of(List.of(file));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anApiServerThatIsNotThereIsNamedAndNothingIsWritten() throws Exception {
        int port = closedPort();
        Scenario scenario = BuiltInScenarios.get("1a-simple");
        SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));
        try (ClusterConnection connection = kubeconfig("https://127.0.0.1:" + port).connect("dev")) {
            assertThatThrownBy(() -> Planner.plan(connection, scenario))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("Cannot reach the API server at https://127.0.0.1:" + port)
                    .hasMessageContaining("(context 'dev')")
                    .extracting(e -> ((ClusterException) e).reason()).isEqualTo(ClusterException.Reason.UNREACHABLE);
            assertThatThrownBy(() -> Rollback.rollback(connection, store, scenario.name(), ApplyListener.NONE))
                    .hasMessageContaining("nothing to roll back");
        }
        assertThat(dir.resolve("snapshots")).doesNotExist();
    }

    @Test
    void expiredCredentialsSayLogInAgainAndNeverShowTheToken() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"Unauthorized\","
                    + "\"reason\":\"Unauthorized\",\"code\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (ClusterConnection connection = kubeconfig(url).connect("dev")) {
            ClusterException e = (ClusterException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> Planner.plan(connection, BuiltInScenarios.get("1a-simple")));
            assertThat(e.reason()).isEqualTo(ClusterException.Reason.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("rejected the credentials of context 'dev' (401 Unauthorized)")
                    .contains("expired").contains("oc login " + url);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(TOKEN).doesNotContain("do-not-print");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void kubeconfigFilesAreMergedAsKubectlDoes() throws Exception {
        Path first = dir.resolve("a/config");
        Path second = dir.resolve("b/config");
        Files.createDirectories(first.getParent());
        Files.createDirectories(second.getParent());
        Files.writeString(second.getParent().resolve("ca.crt"), "not read until a connection is made");
        Files.writeString(first, """
                apiVersion: v1
                kind: Config
                contexts:
                - name: east
                  context: {cluster: east, user: east-admin}
                clusters:
                - name: east
                  cluster: {server: "https://east.example.com:6443"}
                users:
                - name: east-admin
                  user: {token: "%s"}
                """.formatted(TOKEN));
        Files.writeString(second, """
                apiVersion: v1
                kind: Config
                current-context: west
                contexts:
                - name: west
                  context: {cluster: west, user: west-admin, namespace: travel}
                - name: east
                  context: {cluster: shadowed, user: nobody}
                clusters:
                - name: west
                  cluster: {server: "https://west.example.com:6443", certificate-authority: ca.crt}
                users:
                - name: west-admin
                  user: {token: "t"}
                """);
        Kubeconfig kubeconfig = Kubeconfig.fromEnvironment(
                Map.of("KUBECONFIG", first + java.io.File.pathSeparator + dir.resolve("missing")
                        + java.io.File.pathSeparator + second), dir);

        assertThat(kubeconfig.contexts()).containsExactly(
                new KubeContext("east", "east", "https://east.example.com:6443", "east-admin", null, false),
                new KubeContext("west", "west", "https://west.example.com:6443", "west-admin", "travel", true));
        assertThat(kubeconfig.currentContext()).contains("west");
        var config = kubeconfig.config("west");
        assertThat(config.getCaCertFile()).isEqualTo(second.getParent().resolve("ca.crt").toString());
        assertThat(config.isTrustCerts()).isFalse();
        assertThat(kubeconfig.contexts().toString()).doesNotContain(TOKEN);
    }

    @Test
    void withoutKubeconfigTheDefaultFileIsUsed() {
        Kubeconfig kubeconfig = Kubeconfig.fromEnvironment(Map.of(), dir);
        assertThat(kubeconfig.files()).containsExactly(dir.resolve(".kube/config"));
        assertThatThrownBy(kubeconfig::contexts).hasMessageContaining("no kubeconfig found: " + dir.resolve(".kube/config")
                + " does not exist");
    }

    @Test
    void anUnknownContextListsTheKnownOnes() throws Exception {
        assertThatThrownBy(() -> kubeconfig("https://example.com").connect("prod"))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("no context 'prod'").hasMessageContaining("contexts: dev")
                .extracting(e -> ((ClusterException) e).reason()).isEqualTo(ClusterException.Reason.KUBECONFIG);
    }

    @Test
    void tlsVerificationIsNeverTurnedOff() throws Exception {
        Path file = dir.resolve("insecure");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                contexts:
                - name: lab
                  context: {cluster: lab, user: lab}
                clusters:
                - name: lab
                  cluster: {server: "https://lab.example.com:6443", insecure-skip-tls-verify: true}
                users:
                - name: lab
                  user: {token: "t"}
                """);
        assertThatThrownBy(() -> Kubeconfig.of(List.of(file)).connect("lab"))
                .hasMessageContaining("sets insecure-skip-tls-verify")
                .hasMessageContaining("always verifies the API server's certificate");
    }
}
