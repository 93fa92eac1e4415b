package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.predict.Fixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze command's contract: its JSON shape, its requests, its exit codes. */
class AnalyzeCommandTest {
    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void jsonHasExactlyTheContractShape() throws Exception {
        Path base = Fixture.ROOT.resolve("base");
        Result r = run("analyze", "--format", "json",
                "--request", "greetings-client/rest-client-greeting=http://rest-greeting-remote.greetings-service.svc.cluster.local:8080/hello",
                base.resolve("smcp-registry-only-strict.yaml").toString(), base.resolve("greeting-client.yaml").toString(),
                base.resolve("greeting-remote-outside.yaml").toString(), base.resolve("se-greeting-remote.yaml").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip().lines()).hasSize(1);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(fields(root)).containsExactly("requests", "findings");
        JsonNode request = root.get("requests").get(0);
        assertThat(fields(request)).containsExactly("from", "url", "outcome", "hops", "explanation", "resources");
        assertThat(request.get("from").asText()).isEqualTo("greetings-client/rest-client-greeting");
        assertThat(request.get("url").asText())
                .isEqualTo("http://rest-greeting-remote.greetings-service.svc.cluster.local:8080/hello");
        assertThat(request.get("outcome").asText()).isEqualTo("MTLS_FAILURE");
        assertThat(fields(request.get("hops").get(0))).containsExactly("from", "to", "encryption");
        assertThat(request.get("hops").get(0).get("encryption").asText()).isEqualTo("ISTIO_MUTUAL");
        assertThat(request.get("resources").toString()).contains("DestinationRule/istio-system/default");
        JsonNode finding = root.get("findings").get(0);
        assertThat(fields(finding)).containsExactly("code", "severity", "resource", "field", "message", "fix");
        assertThat(root.get("findings").toString()).contains("ES0009");
    }

    /** Plain upstream Istio, no control-plane resource: membership from the injection labels, findings as usual. */
    @Test
    void aFolderOfPlainIstioResourcesIsPredictedAndCheckedWithMembershipByLabel(@TempDir Path folder) throws Exception {
        java.nio.file.Files.writeString(folder.resolve("namespaces.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {istio-injection: enabled}}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: legacy}
                """);
        java.nio.file.Files.writeString(folder.resolve("apps.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: curl, namespace: shop}
                spec:
                  selector: {matchLabels: {app: curl}}
                  template:
                    metadata: {labels: {app: curl}}
                    spec: {containers: [{name: curl, image: curl}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cron, namespace: legacy}
                spec:
                  selector: {matchLabels: {app: cron}}
                  template:
                    metadata: {labels: {app: cron}}
                    spec: {containers: [{name: cron, image: cron}]}
                """);
        java.nio.file.Files.writeString(folder.resolve("egress.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: api, namespace: shop}
                spec:
                  hosts: [api.example.com]
                  ports: [{number: 443, name: https, protocol: HTTPS}]
                  resolution: DNS
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: api, namespace: shop}
                spec:
                  host: api.example.com
                  trafficPolicy: {tls: {mode: SIMPLE}}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: typo, namespace: shop}
                spec:
                  host: api.exmaple.com
                """);

        Result r = run("analyze", "--format", "json", folder.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("requests")).singleElement().satisfies(request -> {
            assertThat(request.get("from").asText()).isEqualTo("shop/curl");
            assertThat(request.get("url").asText()).isEqualTo("https://api.example.com:443");
            assertThat(request.get("outcome").asText()).isEqualTo("DOUBLE_TLS");
        });
        assertThat(root.get("findings").findValuesAsText("code")).contains("ES0001", "ES0007", "ES0028", "ES0037");
    }

    @Test
    void aScenarioFileIsGeneratedAndEveryLinkPredictedAtTheChosenStep() throws Exception {
        Path scenario = Path.of("src/main/resources/io/egressstudio/scenarios/1a-unencrypted-v1.yaml");
        Result r = run("analyze", "--format", "json", "--step", "1", scenario.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode request = new ObjectMapper().readTree(r.out()).get("requests").get(0);
        assertThat(request.get("from").asText()).isEqualTo("greetings-client/rest-client-greeting");
        assertThat(request.get("url").asText()).isEqualTo(
                "http://rest-greeting-remote.greetings-service.svc.cluster.local:8080/hello/greeting/Stelios");
        assertThat(request.get("outcome").asText()).isEqualTo("PASSTHROUGH");
    }

    @Test
    void aScenarioIsAnalyzedAfterAllItsStepsByDefault() throws Exception {
        Path scenario = Path.of("src/main/resources/io/egressstudio/scenarios/1a-unencrypted-v1.yaml");
        Result registryOnly = run("analyze", "--format", "json", "--step", "2", scenario.toString());
        assertThat(new ObjectMapper().readTree(registryOnly.out()).at("/requests/0/outcome").asText()).isEqualTo("BLACKHOLE");
        Result finished = run("analyze", "--format", "json", scenario.toString());
        assertThat(new ObjectMapper().readTree(finished.out()).at("/requests/0/outcome").asText()).isEqualTo("OK");
        Result outOfRange = run("analyze", "--step", "9", scenario.toString());
        assertThat(outOfRange.exit()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("--step 9 is out of range");
    }

    @Test
    void manifestsWithoutRequestsPredictEverySidecarToEveryVisibleHost() {
        Result r = run("analyze", Fixture.ROOT.resolve("rules/double-tls.yaml").toString(),
                Fixture.ROOT.resolve("base/smcp-registry-only-permissive.yaml").toString(),
                Fixture.ROOT.resolve("base/greeting-client.yaml").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("greetings-client/rest-client-greeting -> https://httpbin.org:443: DOUBLE_TLS")
                .contains("ES0007").containsPattern("(?m)^\\d+ requests?, \\d+ findings?$");
    }

    @Test
    void malformedManifestExitsTwoWithALocatedMessage(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n");
        Result r = run("analyze", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(bad + ":").contains("malformed YAML");
    }

    @Test
    void badScenarioAndBadRequestExitTwo(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, "apiVersion: egress-studio/v1\nkind: Scenario\nmeshes: [{id: 1, name: {}}]\n");
        Result r = run("analyze", scenario.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(scenario.toString());
        Result q = run("analyze", "--request", "no-slash=http://x", Fixture.ROOT.resolve("base/greeting-client.yaml").toString());
        assertThat(q.exit()).isEqualTo(2);
        assertThat(q.err()).contains("NAMESPACE/WORKLOAD=URL");
        Result missing = run("analyze", dir.resolve("absent.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or folder");
    }

    @Test
    void failOnErrorExitsThreeWhenALinkIsPredictedToFailAndZeroWhenEveryLinkWorks() throws Exception {
        Path scenario = Path.of("src/main/resources/io/egressstudio/scenarios/1a-unencrypted-v1.yaml");

        Result blackhole = run("analyze", "--fail-on", "error", "--step", "2", scenario.toString());
        assertThat(blackhole.exit()).as(blackhole.err()).isEqualTo(3);
        assertThat(blackhole.out()).contains("ERROR [ES0021]").contains("BlackHoleCluster").contains("fix: ")
                .contains("1 request, 1 finding");

        Result withoutGate = run("analyze", "--step", "2", scenario.toString());
        assertThat(withoutGate.exit()).as("the default stays exit 0").isZero();

        Result working = run("analyze", "--fail-on", "error", scenario.toString());
        assertThat(working.exit()).as(working.out()).isZero();
        Result passthrough = run("analyze", "--fail-on", "warning", "--step", "1", scenario.toString());
        assertThat(passthrough.exit()).as("PASSTHROUGH by design is not a failure: " + passthrough.out()).isZero();
    }

    @Test
    void failOnWarningAlsoCountsWarningsWhileFailOnErrorDoesNot() {
        Path scenario = Path.of("src/main/resources/io/egressstudio/scenarios/1b-egress-encrypted.yaml");

        Result errorGate = run("analyze", "--fail-on", "error", scenario.toString());
        Result warningGate = run("analyze", "--fail-on", "warning", scenario.toString());

        assertThat(errorGate.out()).contains("WARNING [ES0001]").doesNotContain("ERROR [");
        assertThat(errorGate.exit()).isZero();
        assertThat(warningGate.exit()).isEqualTo(3);
        assertThat(run("analyze", "--fail-on", "fatal", scenario.toString()).exit()).isEqualTo(2);
    }

    @Test
    void aFailingPredictionsFindingAddsOnlyARequestFieldToTheJsonShape() throws Exception {
        Path scenario = Path.of("src/main/resources/io/egressstudio/scenarios/1a-unencrypted-v1.yaml");
        Result r = run("analyze", "--format", "json", "--step", "2", scenario.toString());

        JsonNode finding = new ObjectMapper().readTree(r.out()).get("findings").get(0);
        assertThat(fields(finding)).containsExactly("code", "severity", "resource", "field", "message", "fix", "request");
        assertThat(finding.get("code").asText()).isEqualTo("ES0021");
        assertThat(finding.get("request").asText()).isEqualTo("greetings-client/rest-client-greeting -> "
                + "http://rest-greeting-remote.greetings-service.svc.cluster.local:8080/hello/greeting/Stelios");
        assertThat(finding.get("fix").asText()).contains("ServiceEntry");
    }
}
