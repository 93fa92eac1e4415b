package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.telemetry.FakeIstioExporter;
import io.egressstudio.telemetry.IstioSeries;
import io.egressstudio.telemetry.RealPrometheus;
import io.egressstudio.telemetry.StubServer;
import io.egressstudio.telemetry.StubServer.Answer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code egress-studio observe}, in process, against a real Prometheus scraping Istio series for the built-in
 * scenario 1a-unencrypted-v1: after all its steps a ServiceEntry registers the host and the predictor says OK, but
 * the traffic still goes to PassthroughCluster, so the observation contradicts the prediction.
 */
class ObserveCommandTest {
    @RegisterExtension
    static final RealPrometheus PROMETHEUS = new RealPrometheus();

    static final String FROM = "greetings-client/rest-client-greeting";
    static final String HOST = "rest-greeting-remote.greetings-service.svc.cluster.local";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path scenario;

    @TempDir
    Path folder;

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static List<String> args(String... more) {
        List<String> all = new ArrayList<>(List.of("observe", scenario.toString(), "--prometheus",
                PROMETHEUS.url().toString()));
        all.addAll(List.of(more));
        return all;
    }

    static Run observe(String... more) {
        return run(args(more).toArray(new String[0]));
    }

    @BeforeAll
    static void scenarioAndTraffic() throws Exception {
        scenario = shared.resolve("1a-unencrypted-v1.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-unencrypted-v1"), scenario);
        PROMETHEUS.exporter().requests(FROM, IstioSeries.PASSTHROUGH_CLUSTER, HOST, "200", "-", 3);
        PROMETHEUS.awaitRates(1);
    }

    /** Checks one poll's line against the contract, field by field and type by type. */
    static JsonNode contract(String line) throws Exception {
        JsonNode root = JSON.readTree(line);
        assertThat(root.isObject()).isTrue();
        assertThat(iterable(root.fieldNames())).containsExactly("links");
        assertThat(root.get("links").isArray()).isTrue();
        for (JsonNode link : root.get("links")) {
            assertThat(iterable(link.fieldNames())).containsExactly("from", "to", "predicted", "observed",
                    "requestsPerSecond", "errorShare");
            assertThat(link.get("from").isTextual()).isTrue();
            assertThat(link.get("to").isTextual()).isTrue();
            assertThat(link.get("predicted").isTextual()).isTrue();
            assertThat(link.get("observed").isTextual()).isTrue();
            assertThat(link.get("requestsPerSecond").isNumber()).isTrue();
            assertThat(link.get("errorShare").isNumber()).isTrue();
        }
        return root;
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void onceAsJsonPrintsOneObjectInTheContractsShape() throws Exception {
        Run run = observe("--once", "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode link = contract(run.lines().get(0)).get("links").get(0);
        assertThat(link.get("from").asText()).isEqualTo(FROM);
        assertThat(link.get("to").asText()).isEqualTo(HOST + ":8080");
        assertThat(link.get("predicted").asText()).isEqualTo("OK");
        assertThat(link.get("observed").asText()).isEqualTo("PASSTHROUGH");
        assertThat(link.get("requestsPerSecond").asDouble()).isPositive();
        assertThat(link.get("errorShare").asDouble()).isZero();
        assertThat(run.lines().get(0)).contains("\"errorShare\":0.0");
    }

    @Test
    void watchPrintsOneObjectPerPoll() throws Exception {
        Run run = observe("--watch", "--interval", "200ms", "--count", "3", "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(3);
        for (String line : run.lines()) {
            assertThat(contract(line).get("links").get(0).get("observed").asText()).isEqualTo("PASSTHROUGH");
        }
    }

    @Test
    void textFlagsTheContradictionWithBothExplanations() {
        Run run = observe();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("greeting-call: " + FROM + " -> " + HOST + ":8080",
                "predicted OK, observed PASSTHROUGH", "** CONTRADICTS THE PREDICTION **", "why predicted:",
                "ServiceEntry", "why observed:", "PassthroughCluster", "1 links, 1 contradicting the prediction");
        assertThat(run.out()).doesNotContain("Exception");
    }

    @Test
    void atTheStepWhereThePredictionIsPassthroughNothingContradicts() throws Exception {
        Run run = observe("--step", "1", "--format", "json");

        JsonNode link = contract(run.lines().get(0)).get("links").get(0);
        assertThat(link.get("predicted").asText()).isEqualTo("PASSTHROUGH");
        assertThat(link.get("observed").asText()).isEqualTo("PASSTHROUGH");
        assertThat(observe("--step", "1").out()).contains("1 links, 0 contradicting").doesNotContain("CONTRADICTS");
    }

    @Test
    void aRecordedSessionReplaysLabelledAsAReplay() throws Exception {
        Path file = folder.resolve("session.jsonl");
        Run recorded = observe("--watch", "--interval", "200ms", "--count", "2", "--format", "json", "--record",
                file.toString());
        assertThat(recorded.exit()).as(recorded.err()).isZero();

        Run json = run("observe", scenario.toString(), "--replay", file.toString(), "--format", "json");
        Run text = run("observe", scenario.toString(), "--replay", file.toString());

        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.lines()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(json.lines().subList(0, 2)).isEqualTo(recorded.lines());
        for (String line : json.lines()) {
            contract(line);
        }
        assertThat(json.err()).contains("REPLAY of " + file);
        assertThat(text.out()).contains("REPLAY of " + file, "scenario 1a-unencrypted-v1", "(replay)",
                "observed PASSTHROUGH");
    }

    @Test
    void theTokenFileIsSentAsABearerTokenAndKialisFindingsGoToStderrInJson() throws Exception {
        Path token = folder.resolve("token");
        Files.writeString(token, "sha256~abc\n");
        String graph = "{\"timestamp\":1,\"duration\":60,\"graphType\":\"workload\",\"elements\":{\"nodes\":["
                + "{\"data\":{\"id\":\"c\",\"nodeType\":\"workload\",\"namespace\":\"greetings-client\","
                + "\"workload\":\"rest-client-greeting\"}},"
                + "{\"data\":{\"id\":\"o\",\"nodeType\":\"workload\",\"namespace\":\"greetings-client\","
                + "\"workload\":\"cron\"}},"
                + "{\"data\":{\"id\":\"p\",\"nodeType\":\"service\",\"namespace\":\"greetings-client\","
                + "\"service\":\"PassthroughCluster\"}}],\"edges\":["
                + "{\"data\":{\"id\":\"e1\",\"source\":\"c\",\"target\":\"p\",\"traffic\":{\"protocol\":\"http\","
                + "\"rates\":{\"http\":\"3.00\"},\"responses\":{\"200\":{\"flags\":{\"-\":\"100.0\"},\"hosts\":{\""
                + HOST + "\":\"100.0\"}}}}}},"
                + "{\"data\":{\"id\":\"e2\",\"source\":\"o\",\"target\":\"p\",\"traffic\":{\"protocol\":\"http\","
                + "\"rates\":{\"http\":\"1.00\"},\"responses\":{\"200\":{\"flags\":{\"-\":\"100.0\"},"
                + "\"hosts\":{\"httpbin.org\":\"100.0\"}}}}}}]}}";
        try (StubServer kiali = StubServer.http().answer(Answer.json(graph))) {
            Run json = observe("--format", "json", "--token-file", token.toString(), "--kiali",
                    kiali.url() + "/kiali");
            Run text = observe("--token-file", token.toString(), "--kiali", kiali.url() + "/kiali");

            assertThat(json.exit()).as(json.err()).isZero();
            contract(json.lines().get(0));
            assertThat(json.lines()).hasSize(1);
            assertThat(json.err()).contains("Kiali: 2 edges, 1 not in the design",
                    "unexpected: greetings-client/cron -> greetings-client/PassthroughCluster", "httpbin.org");
            assertThat(text.out()).contains("unexpected: greetings-client/cron");
            assertThat(kiali.received()).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/kiali/api/namespaces/graph");
                assertThat(r.header("Authorization")).isEqualTo("Bearer sha256~abc");
            });
        }
    }

    @Test
    void anUnreachablePrometheusExitsOneWithUnreachableLinksAndSaysWhy() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Run run = run("observe", scenario.toString(), "--prometheus", "http://127.0.0.1:" + port, "--format", "json");

        assertThat(run.exit()).isEqualTo(ObserveCommand.NO_TELEMETRY);
        assertThat(contract(run.lines().get(0)).get("links").get(0).get("observed").asText())
                .isEqualTo("UNREACHABLE");
        assertThat(run.err()).contains("refused the connection").doesNotContain("Exception");
    }

    @Test
    void aPrometheusThatRefusesTheTokenExitsOneWithStaleLinks() throws Exception {
        try (StubServer stub = StubServer.http().answer(Answer.status(401, "Unauthorized"))) {
            Run run = run("observe", scenario.toString(), "--prometheus", stub.url().toString());

            assertThat(run.exit()).isEqualTo(ObserveCommand.NO_TELEMETRY);
            assertThat(run.out()).contains("observed STALE", "401");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no-prometheus", "ftp-url", "query-in-url", "once-and-watch", "zero-interval",
            "word-interval", "missing-token-file", "empty-token-file", "bad-ca", "missing-scenario", "bad-count",
            "missing-replay", "token-auth-without-token"})
    void badInputExitsTwoWithAMessageAndNoStackTrace(String which) throws Exception {
        Path empty = folder.resolve("empty");
        Files.writeString(empty, "\n");
        Path notPem = folder.resolve("ca.pem");
        Files.writeString(notPem, "not a certificate\n");
        String url = PROMETHEUS.url().toString();
        String s = scenario.toString();
        Run run = switch (which) {
            case "no-prometheus" -> run("observe", s);
            case "ftp-url" -> run("observe", s, "--prometheus", "ftp://127.0.0.1/");
            case "query-in-url" -> run("observe", s, "--prometheus", url + "/?x=1");
            case "once-and-watch" -> run("observe", s, "--prometheus", url, "--once", "--watch");
            case "zero-interval" -> run("observe", s, "--prometheus", url, "--interval", "0s");
            case "word-interval" -> run("observe", s, "--prometheus", url, "--interval", "often");
            case "missing-token-file" -> run("observe", s, "--prometheus", url, "--token-file",
                    folder.resolve("nope").toString());
            case "empty-token-file" -> run("observe", s, "--prometheus", url, "--token-file", empty.toString());
            case "bad-ca" -> run("observe", s, "--prometheus", url, "--ca", notPem.toString());
            case "missing-scenario" -> run("observe", folder.resolve("none.yaml").toString(), "--prometheus", url);
            case "bad-count" -> run("observe", s, "--prometheus", url, "--watch", "--count", "0");
            case "missing-replay" -> run("observe", s, "--replay", folder.resolve("none.jsonl").toString());
            case "token-auth-without-token" -> run("observe", s, "--prometheus", url, "--kiali", url,
                    "--kiali-auth", "token");
            default -> throw new IllegalArgumentException(which);
        };

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(EgressStudioCommand.BAD_INPUT);
        assertThat(run.err()).isNotBlank().doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }
}
