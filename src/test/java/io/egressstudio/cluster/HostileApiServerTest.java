package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Scenario;
import io.egressstudio.telemetry.AllocationMeter;
import io.egressstudio.telemetry.MisbehavingServer;
import io.egressstudio.telemetry.MisbehavingServer.Behaviour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The API server as a hostile or broken peer, through the kubeconfig as a user has it: planning ends within the
 * deadline of one request (connect, headers and body), reads no more than the cap, and the message names what went
 * wrong without the token. And a kubeconfig that would give the token away is refused before anything is sent.
 */
class HostileApiServerTest {
    static final String TOKEN = "sha256~hostile-api-server-token-4242";
    static final String KEY_DATA = "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcwQkFRRUZBQVND";
    static final ApiLimits LIMITS = new ApiLimits(Duration.ofSeconds(1), 1024 * 1024);
    /** The deadline plus the time a loaded machine takes to notice it. */
    static final Duration LATEST = Duration.ofMillis(2500);
    /**
     * A few times the cap (the buffers of a read) and what the JVM's other threads allocate meanwhile: far below the
     * 100 MB (and its copies) a whole read of the largest answer takes.
     */
    static final long MEMORY_BOUND = 40L * 1024 * 1024;

    @TempDir
    Path dir;

    /** A kubeconfig whose context dev sends {@link #TOKEN} to {@code server}. */
    static Path kubeconfig(Path dir, String server) throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: dev
                contexts:
                - name: dev
                  context: {cluster: dev-cluster, user: dev-user}
                clusters:
                - name: dev-cluster
                  cluster: {server: "%s"}
                users:
                - name: dev-user
                  user: {token: "%s"}
                - name: cert-user
                  user: {client-key-data: "%s"}
                """.formatted(server, TOKEN, KEY_DATA));
        return file;
    }

    static ClusterException.Reason expectedReason(Behaviour behaviour) {
        return switch (behaviour) {
            case SLOW_HEADERS, TRICKLE, SHORT_BODY -> ClusterException.Reason.UNREACHABLE;
            case UNAUTHORIZED -> ClusterException.Reason.UNAUTHORIZED;
            case FORBIDDEN -> ClusterException.Reason.FORBIDDEN;
            case JUNK_INSTEAD_OF_HTTP, ENDLESS_JUNK, HUGE, HEADER_ECHO, REDIRECT_LOOP, SERVER_ERROR ->
                    ClusterException.Reason.SERVER;
        };
    }

    static String expectedWords(Behaviour behaviour) {
        return switch (behaviour) {
            case JUNK_INSTEAD_OF_HTTP -> "An HTTP line is larger than 4096 bytes";
            case SLOW_HEADERS -> "timeout period of 1000ms";
            case TRICKLE, SHORT_BODY -> "no complete answer within 1 s (connect, headers and body)";
            case ENDLESS_JUNK, HUGE -> "answer too large";
            case HEADER_ECHO -> "answered 500 to API discovery (GET /apis): cannot handle Authorization: Bearer "
                    + "[REDACTED]";
            case SERVER_ERROR -> "answered 500";
            case REDIRECT_LOOP -> "answered 302";
            case UNAUTHORIZED -> "401 Unauthorized";
            case FORBIDDEN -> "Forbidden (403)";
        };
    }

    /** Times are asserted against the deadline, not against loading fabric8's and vert.x' classes: a refusal first. */
    @BeforeAll
    static void warmUp(@TempDir Path warm) throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(Behaviour.UNAUTHORIZED);
             ClusterConnection connection = Kubeconfig.of(List.of(kubeconfig(warm, server.url().toString())))
                     .withLimits(LIMITS).connect("dev")) {
            assertThatThrownBy(() -> Planner.plan(connection, BuiltInScenarios.get("1a-simple")))
                    .isInstanceOf(ClusterException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void planningAgainstAMisbehavingApiServerEndsWithinTheDeadlineAndTheCap(Behaviour behaviour) throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-simple");
        try (MisbehavingServer server = new MisbehavingServer(behaviour);
             ClusterConnection connection = Kubeconfig.of(List.of(kubeconfig(dir, server.url().toString())))
                     .withLimits(LIMITS).connect("dev")) {
            AllocationMeter meter = AllocationMeter.start();
            long start = System.nanoTime();
            ClusterException failure = catchThrowableOfType(ClusterException.class,
                    () -> Planner.plan(connection, scenario));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long allocated = meter.allocated();

            assertThat(failure).as(behaviour + ": a failure").isNotNull();
            assertThat(failure.reason()).as(behaviour + ": " + failure.getMessage())
                    .isEqualTo(expectedReason(behaviour));
            assertThat(failure.getMessage()).contains(expectedWords(behaviour)).doesNotContain(TOKEN)
                    .doesNotContain("hostile-api-server-token").doesNotContain("\u001b");
            assertThat(took).as(behaviour + ": time against the deadline").isLessThan(LATEST);
            assertThat(allocated).as(behaviour + ": bytes allocated against the cap").isLessThan(MEMORY_BOUND);
            assertThat(server.requests().get(0)).as("the token was sent").contains("Bearer " + TOKEN);
        }
    }

    @Test
    void aKubeconfigThatWouldSendItsTokenToPlainHttpIsRefusedBeforeAnythingIsSent() throws Exception {
        Kubeconfig config = Kubeconfig.of(List.of(kubeconfig(dir, "http://api.cluster.example.com:6443")));
        assertThatThrownBy(() -> config.connect("dev"))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("cluster 'dev-cluster' is plain http://api.cluster.example.com:6443")
                .hasMessageContaining("would travel in clear")
                .hasMessageContaining("https://")
                .extracting(e -> ((ClusterException) e).reason()).isEqualTo(ClusterException.Reason.KUBECONFIG);
    }

    @Test
    void aKubeconfigWithAYamlErrorOnTheTokenLineNamesTheLineButNotTheToken() throws Exception {
        Path file = dir.resolve("broken");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                users:
                - name: dev-user
                  user:
                    token: %s: "oops
                    client-key-data: %s
                """.formatted(TOKEN, KEY_DATA));
        ClusterException failure = catchThrowableOfType(ClusterException.class,
                () -> Kubeconfig.of(List.of(file)).contexts());
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("cannot read kubeconfig " + file).contains("line 6")
                .doesNotContain(TOKEN).doesNotContain("hostile-api-server-token").doesNotContain(KEY_DATA)
                .doesNotContain("LS0tLS1CRUdJT");
        assertThat(failure.getCause()).as("no cause whose stack trace could quote the line").isNull();
    }
}
