package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.cluster.ApiLimits;
import io.egressstudio.cluster.Connector;
import io.egressstudio.cluster.Kubeconfig;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.telemetry.MisbehavingServer;
import io.egressstudio.telemetry.PollResult;
import io.egressstudio.telemetry.SessionFile;
import io.egressstudio.telemetry.SessionRecorder;
import io.egressstudio.telemetry.TelemetryException;
import io.egressstudio.telemetry.MisbehavingServer.Behaviour;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every message {@code observe}, {@code plan} and {@code check} print against a hostile Prometheus, Kiali or API
 * server (one that echoes our headers, trickles, floods, redirects, refuses us) is searched for the token and the key
 * material the commands were given: none may appear, nor a terminal escape, and each command ends in time.
 */
class HostilePeersCliTest {
    static final String TOKEN = "sha256~cli-hostile-token-99887766";
    /** A kubeconfig user's client key, base64 as kubeconfig holds it, and the PEM inside it. */
    static final String KEY_PEM = "-----BEGIN PRIVATE KEY-----\n"
            + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7clikey\n-----END PRIVATE KEY-----\n";
    static final String KEY_DATA = java.util.Base64.getEncoder().encodeToString(KEY_PEM.getBytes());
    /** One poll asks Kiali, then Prometheus: two deadlines of 1 s, and the time a loaded machine takes to notice. */
    static final Duration OBSERVE_LATEST = Duration.ofMillis(4500);
    /** The API server's deadline of 1 s, and the time to notice it. */
    static final Duration CLUSTER_LATEST = Duration.ofMillis(2500);

    @TempDir
    Path dir;
    Path scenario;
    Path tokenFile;
    Supplier<Kubeconfig> savedKubeconfig;
    Supplier<Connector> savedConnector;

    record Run(int exit, String printed, Duration took) {
    }

    /**
     * Times are asserted against the deadline, not against loading the classes of the HTTP clients, the generator
     * and picocli: one quick refusal of each command first.
     */
    @BeforeAll
    static void warmUp(@TempDir Path warm) throws Exception {
        Supplier<Kubeconfig> kubeconfig = ClusterAccess.kubeconfig;
        Supplier<Connector> connector = ClusterAccess.connector;
        try (MisbehavingServer server = new MisbehavingServer(Behaviour.UNAUTHORIZED)) {
            Path file = warm.resolve("1a-unencrypted-v1.yaml");
            ScenarioFile.save(BuiltInScenarios.get("1a-unencrypted-v1"), file);
            Path config = warm.resolve("kubeconfig");
            Files.writeString(config, "apiVersion: v1\nkind: Config\ncontexts: [{name: dev, context: {cluster: c}}]\n"
                    + "clusters: [{name: c, cluster: {server: '" + server.url() + "'}}]\n");
            ClusterAccess.kubeconfig = () -> Kubeconfig.of(List.of(config));
            ClusterAccess.connector = () -> ClusterAccess.kubeconfig.get()::connect;
            assertThat(run("plan", file.toString(), "--context", "dev").exit()).isNotZero();
            assertThat(run("observe", file.toString(), "--once", "--prometheus", server.url().toString(),
                    "--kiali", server.url().toString()).exit()).isNotZero();
        } finally {
            ClusterAccess.kubeconfig = kubeconfig;
            ClusterAccess.connector = connector;
        }
    }

    @BeforeEach
    void files() throws Exception {
        scenario = dir.resolve("1a-unencrypted-v1.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-unencrypted-v1"), scenario);
        tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
        savedKubeconfig = ClusterAccess.kubeconfig;
        savedConnector = ClusterAccess.connector;
    }

    @AfterEach
    void restore() {
        ClusterAccess.kubeconfig = savedKubeconfig;
        ClusterAccess.connector = savedConnector;
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out + "\n" + err, Duration.ofNanos(System.nanoTime() - start));
    }

    static void assertLeaksNothing(String what, Run run, Duration latest) {
        assertThat(run.printed()).as(what + " printed:\n" + run.printed())
                .doesNotContain(TOKEN).doesNotContain("cli-hostile-token")
                .doesNotContain(KEY_DATA).doesNotContain(KEY_DATA.substring(0, 40))
                .doesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7clikey")
                .doesNotContain("\u001b").doesNotContain("\u0007")
                .doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(run.took()).as(what + " took").isLessThan(latest);
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void observeAgainstAHostilePrometheusAndKialiPrintsNoSecretAndEndsInTime(Behaviour behaviour) throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(behaviour)) {
            Run run = run("observe", scenario.toString(), "--once", "--prometheus", server.url().toString(),
                    "--kiali", server.url().toString(), "--token-file", tokenFile.toString(), "--timeout", "1s");
            assertLeaksNothing("observe against " + behaviour, run, OBSERVE_LATEST);
            assertThat(run.exit()).isEqualTo(ObserveCommand.NO_TELEMETRY);
            assertThat(run.printed()).contains("poll 1").contains("Kiali: ");
            assertThat(server.requests()).anySatisfy(r -> assertThat(r).contains("Bearer " + TOKEN));
        }
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void planAndCheckAgainstAHostileApiServerPrintNoSecretAndEndInTime(Behaviour behaviour) throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(behaviour)) {
            Path config = dir.resolve("kubeconfig");
            Files.writeString(config, """
                    apiVersion: v1
                    kind: Config
                    current-context: dev
                    contexts:
                    - name: dev
                      context: {cluster: dev-cluster, user: dev-user}
                    - name: cert
                      context: {cluster: dev-cluster, user: cert-user}
                    clusters:
                    - name: dev-cluster
                      cluster: {server: "%s"}
                    users:
                    - name: dev-user
                      user: {token: "%s"}
                    - name: cert-user
                      user: {client-key-data: "%s", client-certificate-data: "%s"}
                    """.formatted(server.url(), TOKEN, KEY_DATA, KEY_DATA));
            ClusterAccess.kubeconfig = () -> Kubeconfig.of(List.of(config))
                    .withLimits(new ApiLimits(Duration.ofSeconds(1), 1024 * 1024));
            ClusterAccess.connector = () -> ClusterAccess.kubeconfig.get()::connect;

            Run plan = run("plan", scenario.toString(), "--context", "dev");
            assertLeaksNothing("plan against " + behaviour, plan, CLUSTER_LATEST);
            assertThat(plan.exit()).as(plan.printed()).isEqualTo(ClusterAccess.CLUSTER_FAILURE);

            Run check = run("check", "--context", "dev");
            assertLeaksNothing("check against " + behaviour, check, CLUSTER_LATEST);
            assertThat(check.exit()).as(check.printed()).isEqualTo(ClusterAccess.CLUSTER_FAILURE);

            Run withKey = run("check", "--context", "cert");
            assertLeaksNothing("check with a client key against " + behaviour, withKey, CLUSTER_LATEST);
            assertThat(withKey.exit()).as(withKey.printed()).isNotZero();
        }
    }

    @Test
    void aReplayedRecordingsEscapesAndTokenAreNotPrinted() throws Exception {
        Path recording = dir.resolve("session.jsonl");
        List<io.egressstudio.telemetry.LinkTarget> links = io.egressstudio.telemetry.LinkTargets.of(
                BuiltInScenarios.get("1a-unencrypted-v1"));
        try (SessionRecorder recorder = SessionRecorder.create(recording, new SessionFile.Header("1a-unencrypted-v1",
                Instant.parse("2026-12-01T10:00:00Z"), Duration.ofSeconds(5), 3, links))) {
            recorder.write(PollResult.failed(Instant.parse("2026-12-01T10:00:05Z"),
                    TelemetryException.Kind.BAD_ANSWER,
                    "\u001b]0;owned\u0007\u001b[31mPrometheus said Authorization: Bearer " + TOKEN + "\u001b[0m",
                    null));
        }
        Run run = run("observe", scenario.toString(), "--replay", recording.toString());
        assertLeaksNothing("a replay", run, OBSERVE_LATEST);
        assertThat(run.printed()).contains("Prometheus said Authorization: Bearer [REDACTED]");
    }
}
