package io.egressstudio.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.model.Outcome;
import io.egressstudio.telemetry.KialiReport.MtlsShare;
import io.egressstudio.telemetry.KialiReport.UnexpectedEdge;
import io.egressstudio.telemetry.StubServer.Answer;
import io.egressstudio.telemetry.TelemetryException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kiali client against Kiali's own recorded graph responses (src/test/resources/kiali), served by a local HTTP
 * server: what it asks for, how it authenticates, what it parses, and the edges the design does not have.
 */
class KialiClientTest {
    static final List<String> FIXTURES = List.of("test_ambient_graph", "test_app_graph", "test_app_node_graph",
            "test_complex_graph", "test_mc_source_graph", "test_rates_node_graph_total", "test_rates_none_graph",
            "test_rates_received_graph", "test_rates_sent_graph", "test_rates_total_graph", "test_service_graph",
            "test_service_node_graph", "test_versioned_app_graph", "test_versioned_app_node_graph",
            "test_workload_graph", "test_workload_node_graph", "egress_graph");

    static String fixture(String name) {
        try (InputStream in = KialiClientTest.class.getResourceAsStream("/kiali/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static StubServer serving(String name) throws IOException {
        String body = fixture(name);
        return StubServer.http().answer(r -> r.path().endsWith("/api/namespaces/graph") ? Answer.json(body)
                : Answer.status(404, "not found"));
    }

    static KialiGraph graph(String name, List<LinkTarget> design) throws Exception {
        try (StubServer stub = serving(name)) {
            return new KialiClient(URI.create(stub.url() + "/kiali"), HttpSettings.defaults(), KialiClient.Auth.NONE)
                    .graph(KialiComparison.namespaces(design), Duration.ofMinutes(1));
        }
    }

    static Map<String, String> query(StubServer.Received r) {
        return Stream.of(r.query().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.egressstudio.telemetry.KialiClientTest#fixtures")
    void everyRecordedResponseParsesWithAllItsNodesAndEdges(String name) throws Exception {
        JsonNode raw = new ObjectMapper().readTree(fixture(name));

        KialiGraph g = graph(name, List.of(LinkTarget.direct("l", "bookinfo/productpage-v1", "details:9080",
                Outcome.OK)));

        assertThat(g.nodes()).hasSize(raw.path("elements").path("nodes").size());
        assertThat(g.edges()).hasSize(raw.path("elements").path("edges").size());
        assertThat(g.graphType()).isEqualTo(raw.path("graphType").asText());
        for (KialiGraph.Edge e : g.edges()) {
            assertThat(g.node(e.source())).isNotNull();
            assertThat(g.node(e.target())).isNotNull();
        }
    }

    static Stream<String> fixtures() {
        return FIXTURES.stream();
    }

    @Test
    void asksForAWorkloadGraphWithTheServiceEntryAndSecurityPolicyAppendersWithABearerToken() throws Exception {
        try (StubServer stub = serving("test_workload_graph")) {
            KialiClient client = new KialiClient(URI.create(stub.url() + "/kiali/"),
                    HttpSettings.defaults().withBearerToken("sha256~token"), null);

            client.graph(Set.of("bookinfo", "istio-system"), Duration.ofSeconds(90));

            StubServer.Received r = stub.received().get(0);
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/kiali/api/namespaces/graph");
            assertThat(r.header("Authorization")).isEqualTo("Bearer sha256~token");
            Map<String, String> q = query(r);
            assertThat(q).containsEntry("namespaces", "bookinfo,istio-system").containsEntry("graphType", "workload")
                    .containsEntry("duration", "90s").containsEntry("injectServiceNodes", "true");
            assertThat(q.get("appenders").split(",")).contains("serviceEntry", "securityPolicy");
        }
    }

    @Test
    void theParsedEdgeCarriesRatesResponsesFlagsAndHosts() throws Exception {
        KialiGraph g = graph("test_workload_graph", List.of());

        KialiGraph.Edge toDetails = g.edges().stream()
                .filter(e -> "details-v1".equals(g.node(e.target()).workload())).findFirst().orElseThrow();
        assertThat(toDetails.protocol()).isEqualTo("http");
        assertThat(toDetails.rate()).isEqualTo(80.0);
        assertThat(toDetails.rates()).containsEntry("http5xx", 20.0).containsEntry("httpPercentErr", 50.0);
        assertThat(toDetails.hosts()).containsExactly("details");
        KialiGraph.Edge noRoute = g.edges().stream().filter(e -> e.flags().containsKey("NR")).findFirst().orElseThrow();
        assertThat(noRoute.flags()).containsEntry("NR", 100.0);
    }

    @Test
    void passthroughIsKnownByItsDestinationService() throws Exception {
        KialiGraph g = graph("test_mc_source_graph", List.of());

        assertThat(g.nodes().values()).filteredOn(KialiGraph.Node::isPassthrough)
                .extracting(KialiGraph.Node::workload).containsExactly("kiali#4488-dest-v1");
    }

    @Test
    void edgesOfTheDesignedNamespacesThatNoLinkExplainsAreUnexpected() throws Exception {
        List<LinkTarget> design = List.of(
                LinkTarget.direct("details", "bookinfo/productpage-v1", "details:9080", Outcome.OK),
                LinkTarget.direct("reviews", "bookinfo/productpage-v1", "reviews:9080", Outcome.OK));

        KialiReport report = KialiComparison.compare(graph("test_workload_graph", design), design);

        assertThat(report.ok()).isTrue();
        assertThat(report.edgesSeen()).isEqualTo(18);
        assertThat(report.unexpected()).extracting(e -> e.from() + " -> " + e.to()).containsExactlyInAnyOrder(
                "bookinfo/reviews-v3 -> bankapp/pricing-v1",
                "bookinfo/reviews-v3 -> bookinfo/reviews-v3",
                "bookinfo/reviews-v3 -> bankapp/deposit-v1",
                "bookinfo/reviews-v3 -> bookinfo/ratings-v1",
                "bookinfo/reviews-v3 -> unknown",
                "bookinfo/reviews-v2 -> bookinfo/reviews-v2",
                "bookinfo/reviews-v2 -> bookinfo/ratings-v1",
                "bookinfo/productpage-v1 -> bookinfo/tcp-v1",
                "bookinfo/productpage-v1 -> bookinfo/productpage-v1");
        UnexpectedEdge tcp = report.unexpected().stream().filter(e -> e.to().equals("bookinfo/tcp-v1")).findFirst()
                .orElseThrow();
        assertThat(tcp.protocol()).isEqualTo("tcp");
        assertThat(tcp.unit()).isEqualTo("bytes/s");
        assertThat(tcp.rate()).isEqualTo(62.0);
    }

    @Test
    void aDesignedEgressGatewayExplainsBothHops() throws Exception {
        List<LinkTarget> design = List.of(new LinkTarget("partner", "tutorial", "customer-v1", "app.example-2.com", 80,
                "istio-system", "istio-egressgateway", Outcome.OK, List.of()));

        KialiReport report = KialiComparison.compare(graph("test_complex_graph", design), design);

        assertThat(report.unexpected()).extracting(e -> e.from() + " -> " + e.to()).containsExactlyInAnyOrder(
                "tutorial/customer-v1 -> bookinfo/reviews-v1",
                "tutorial/customer-v1 -> bookinfo/app.example.com",
                "tutorial/customer-v1 -> bookinfo/productpage-v1");
    }

    @Test
    void mtlsSharesServiceEntriesAndPassthroughFromAnEgressGraph() throws Exception {
        List<LinkTarget> design = List.of(
                LinkTarget.direct("api", "shop/web", "api.example.com:80", Outcome.OK),
                new LinkTarget("partner", "shop", "web", "partner.example.com", 80, "istio-system",
                        "istio-egressgateway", Outcome.OK, List.of()));

        KialiReport report = KialiComparison.compare(graph("egress_graph", design), design);

        assertThat(report.mtls()).containsExactlyInAnyOrder(
                new MtlsShare("shop/web", "shop/reviews", 100.0, null),
                new MtlsShare("shop/web", "istio-system/istio-egressgateway", 50.0, "partner"));
        assertThat(report.unexpected()).extracting(UnexpectedEdge::to).containsExactlyInAnyOrder(
                "shop/reviews", "shop/PassthroughCluster", "shop/BlackHoleCluster");
        UnexpectedEdge passthrough = report.unexpected().stream()
                .filter(e -> e.to().equals("shop/PassthroughCluster")).findFirst().orElseThrow();
        assertThat(passthrough.hosts()).containsExactly("httpbin.org");
        assertThat(passthrough.note()).contains("PassthroughCluster");
        UnexpectedEdge blackhole = report.unexpected().stream()
                .filter(e -> e.to().equals("shop/BlackHoleCluster")).findFirst().orElseThrow();
        assertThat(blackhole.from()).isEqualTo("shop/batch");
        assertThat(blackhole.flags()).containsEntry("UH", 100.0);
        KialiGraph g = graph("egress_graph", design);
        assertThat(g.nodes().values()).filteredOn(n -> !n.serviceEntryHosts().isEmpty())
                .extracting(KialiGraph.Node::label).containsExactly("ServiceEntry api.example.com");
    }

    @Test
    void tokenStrategyLogsInOnceAndAgainWhenTheSessionExpires() throws Exception {
        AtomicInteger logins = new AtomicInteger();
        AtomicBoolean expired = new AtomicBoolean();
        String body = fixture("test_workload_graph");
        try (StubServer stub = StubServer.http()) {
            stub.answer(r -> {
                if (r.path().equals("/api/authenticate")) {
                    if (!r.method().equals("POST") || !r.body().equals("token=kiali-secret")) {
                        return Answer.status(401, "bad token");
                    }
                    int n = logins.incrementAndGet();
                    expired.set(false);
                    return new Answer(200, "application/json", "{\"username\":\"me\"}",
                            Map.of("Set-Cookie", "kiali-token=session-" + n + "; Path=/; HttpOnly"));
                }
                String cookie = r.header("Cookie");
                boolean current = logins.get() > 0 && !expired.get() && cookie != null
                        && cookie.contains("kiali-token=session-" + logins.get());
                return current && r.header("Authorization") == null ? Answer.json(body)
                        : Answer.status(401, "session expired");
            });
            KialiClient client = new KialiClient(stub.url(), HttpSettings.defaults().withBearerToken("kiali-secret"),
                    KialiClient.Auth.TOKEN_LOGIN);

            assertThat(client.graph(Set.of("bookinfo"), Duration.ofMinutes(1)).edges()).hasSize(18);
            assertThat(client.graph(Set.of("bookinfo"), Duration.ofMinutes(1)).edges()).hasSize(18);
            assertThat(logins).as("one login for two graphs").hasValue(1);
            expired.set(true);
            assertThat(client.graph(Set.of("bookinfo"), Duration.ofMinutes(1)).edges()).hasSize(18);
            assertThat(logins).hasValue(2);
        }
    }

    @Test
    void aRefusedTokenOrAMalformedGraphIsAFailureNotAnException() throws Exception {
        try (StubServer stub = StubServer.http()) {
            KialiClient client = new KialiClient(stub.url(), HttpSettings.defaults().withBearerToken("t"),
                    KialiClient.Auth.BEARER);

            stub.answer(Answer.status(403, "forbidden"));
            assertThat(catchThrowableOfType(TelemetryException.class,
                    () -> client.graph(Set.of("x"), Duration.ofMinutes(1))).kind()).isEqualTo(Kind.REJECTED);

            stub.answer(Answer.json("{\"elements\":{\"nodes\":[{\"data\":{\"id\":\"a\"}}],"
                    + "\"edges\":[{\"data\":{\"source\":\"a\",\"target\":\"b\"}}]}}"));
            assertThat(catchThrowableOfType(TelemetryException.class,
                    () -> client.graph(Set.of("x"), Duration.ofMinutes(1)))).hasMessageContaining("not nodes");

            stub.answer(Answer.json("[1, 2"));
            assertThat(catchThrowableOfType(TelemetryException.class,
                    () -> client.graph(Set.of("x"), Duration.ofMinutes(1))).kind()).isEqualTo(Kind.BAD_ANSWER);
        }
    }
}
