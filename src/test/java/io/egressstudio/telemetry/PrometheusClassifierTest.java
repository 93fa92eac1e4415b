package io.egressstudio.telemetry;

import static io.egressstudio.telemetry.FakeIstioExporter.REQUESTS;
import static io.egressstudio.telemetry.FakeIstioExporter.TCP_CLOSED;
import static io.egressstudio.telemetry.FakeIstioExporter.TCP_OPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.egressstudio.model.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The classifier end to end through PromQL: a real Prometheus scrapes Istio series for each outcome (values as in
 * anchors.md §3.3) from a fake exporter whose counters grow, and {@link PrometheusObserver} reads them back.
 */
class PrometheusClassifierTest {
    @RegisterExtension
    static final RealPrometheus PROMETHEUS = new RealPrometheus();

    static final String PASS = IstioSeries.PASSTHROUGH_CLUSTER;
    static final String HOLE = IstioSeries.BLACKHOLE_CLUSTER;
    static final String GATEWAY_HOST = "istio-egressgateway.istio-system.svc.cluster.local";

    static final List<LinkTarget> LINKS = List.of(
            LinkTarget.direct("ok", "shop/ok-client", "api.example.com:80", Outcome.OK),
            LinkTarget.direct("degraded", "shop/degraded-client", "api.example.com:80", Outcome.OK),
            LinkTarget.direct("passthrough-http", "shop/pt-http", "httpbin.org:80", Outcome.PASSTHROUGH),
            LinkTarget.direct("passthrough-tcp", "shop/pt-tcp", "db.example.com:5432", Outcome.PASSTHROUGH),
            LinkTarget.direct("blackhole-http", "shop/bh-http", "blocked.example.com:80", Outcome.BLACKHOLE),
            LinkTarget.direct("blackhole-tcp", "shop/bh-tcp", "blocked.example.com:443", Outcome.BLACKHOLE),
            LinkTarget.direct("tls-failure", "shop/tls-client", "secure.example.com:80", Outcome.TLS_FAILURE),
            LinkTarget.direct("mtls-failure", "shop/mtls-client", "strict.svc.example:80", Outcome.MTLS_FAILURE),
            LinkTarget.direct("failure", "shop/err-client", "api.example.com:80", Outcome.OK),
            LinkTarget.direct("idle", "shop/idle-client", "api.example.com:80", Outcome.OK),
            LinkTarget.direct("never", "shop/ghost", "api.example.com:80", Outcome.OK),
            new LinkTarget("via-gateway", "shop", "gw-client", "partner.example.com", 80, "istio-system",
                    "istio-egressgateway", Outcome.OK, List.of()),
            // ambient: through a waypoint, which is no hop of its own in the metrics (LinkTargets)
            LinkTarget.direct("ambient-denied", "apps/amb-client", "greeting.remote.com:80", Outcome.DENIED));

    static Map<String, LinkSample> samples;

    @BeforeAll
    static void serveEveryOutcomeAndWaitForRates() throws Exception {
        FakeIstioExporter e = PROMETHEUS.exporter();
        e.requests("shop/ok-client", "api.example.com", "api.example.com", "200", "-", 10)
                .requests("shop/degraded-client", "api.example.com", "api.example.com", "200", "-", 3)
                .requests("shop/degraded-client", "api.example.com", "api.example.com", "503", "-", 1)
                .requests("shop/pt-http", PASS, "httpbin.org", "200", "-", 4)
                .tcp(TCP_OPENED, "shop/pt-tcp", PASS, "unknown", "-", 2)
                .tcp(TCP_CLOSED, "shop/pt-tcp", PASS, "unknown", "-", 2)
                .requests("shop/bh-http", HOLE, "blocked.example.com", "502", "-", 5)
                .tcp(TCP_CLOSED, "shop/bh-tcp", HOLE, "unknown", "UH", 3)
                .requests("shop/tls-client", "secure.example.com", "secure.example.com", "503", "UF,URX", 2)
                .requests("shop/mtls-client", "strict.svc.example", "strict.svc.example", "503", "UC", 2)
                .requests("shop/err-client", "api.example.com", "api.example.com", "500", "-", 2)
                .requests("shop/idle-client", "api.example.com", "api.example.com", "200", "-", 0)
                .requests("shop/gw-client", "istio-egressgateway", GATEWAY_HOST, "503", "-", 2)
                .requests("istio-system/istio-egressgateway", "partner.example.com", "partner.example.com", "503",
                        "UF,URX", 2)
                // ztunnel's clean connections, and the waypoint's 403 for the same pod and host
                .tcp(TCP_OPENED, "apps/amb-client", "greeting.remote.com", "greeting.remote.com", "-", 3)
                .tcp(TCP_CLOSED, "apps/amb-client", "greeting.remote.com", "greeting.remote.com", "-", 3)
                .waypointRequests("apps/amb-client", "greeting.remote.com", "403", "-", 3)
                // another workload's traffic, which no link may pick up
                .requests("other/ok-client", "api.example.com", "api.example.com", "503", "UC", 7);
        PROMETHEUS.awaitRates(17);
        PrometheusObserver observer = new PrometheusObserver(
                new PrometheusClient(PROMETHEUS.url(), HttpSettings.defaults()), LINKS, Duration.ofMinutes(1));
        samples = observer.observe();
    }

    private static LinkSample sample(String link) {
        assertThat(samples).containsKey(link);
        return samples.get(link);
    }

    @Test
    void aWaypointsReporterWaypointRefusalIsReadAsDeniedThroughPromQl() {
        LinkSample s = sample("ambient-denied");

        assertThat(s.state()).isEqualTo(ObservedState.DENIED);
        // counted beside the waypoint's requests, ztunnel's clean connections would halve the share
        assertThat(s.errorShare()).isEqualTo(1.0);
    }

    @Test
    void okIsAnsweredTrafficToTheRegisteredHost() {
        LinkSample s = sample("ok");
        assertThat(s.state()).isEqualTo(ObservedState.OK);
        assertThat(s.requestsPerSecond()).isPositive();
        assertThat(s.errorShare()).isZero();
        assertThat(s.explanation().get(0)).contains("reach the host and are answered");
    }

    @Test
    void aFewErrorsOnAnAnsweredLinkShowAsItsErrorShare() {
        LinkSample s = sample("degraded");
        assertThat(s.state()).isEqualTo(ObservedState.OK);
        assertThat(s.errorShare()).isCloseTo(0.25, within(0.03));
    }

    @Test
    void passthroughOverHttpCarriesTheHost() {
        LinkSample s = sample("passthrough-http");
        assertThat(s.state()).isEqualTo(ObservedState.PASSTHROUGH);
        assertThat(s.requestsPerSecond()).isPositive();
        assertThat(s.errorShare()).isZero();
        assertThat(String.join("\n", s.explanation())).contains("PassthroughCluster", "httpbin.org");
    }

    @Test
    void passthroughOverTcpIsOpenedConnectionsWithoutAHost() {
        LinkSample s = sample("passthrough-tcp");
        assertThat(s.state()).isEqualTo(ObservedState.PASSTHROUGH);
        assertThat(s.requestsPerSecond()).isPositive();
        assertThat(s.errorShare()).isZero();
        assertThat(String.join("\n", s.explanation())).contains("TCP connections/s", "carry no host");
    }

    @Test
    void blackholeOverHttpIs502FromBlackHoleCluster() {
        LinkSample s = sample("blackhole-http");
        assertThat(s.state()).isEqualTo(ObservedState.BLACKHOLE);
        assertThat(s.errorShare()).isEqualTo(1.0);
    }

    @Test
    void blackholeOverTcpIsClosedConnectionsWithUh() {
        LinkSample s = sample("blackhole-tcp");
        assertThat(s.state()).isEqualTo(ObservedState.BLACKHOLE);
        assertThat(s.requestsPerSecond()).isPositive();
        assertThat(s.errorShare()).isEqualTo(1.0);
        assertThat(String.join("\n", s.explanation())).contains("response_flags=\"UH\"");
    }

    @Test
    void failing503WithUfUrxIsATlsFailure() {
        LinkSample s = sample("tls-failure");
        assertThat(s.state()).isEqualTo(ObservedState.TLS_FAILURE);
        assertThat(s.errorShare()).isEqualTo(1.0);
        assertThat(String.join("\n", s.explanation())).contains("UF,URX");
    }

    @Test
    void failing503WithUcIsAnMtlsFailure() {
        LinkSample s = sample("mtls-failure");
        assertThat(s.state()).isEqualTo(ObservedState.MTLS_FAILURE);
        assertThat(s.errorShare()).isEqualTo(1.0);
    }

    @Test
    void failing5xxWithoutFlagsIsAGenericFailure() {
        LinkSample s = sample("failure");
        assertThat(s.state()).isEqualTo(ObservedState.FAILURE);
        assertThat(s.errorShare()).isEqualTo(1.0);
    }

    @Test
    void aCounterThatStopsGrowingIsNoTraffic() {
        LinkSample s = sample("idle");
        assertThat(s.state()).isEqualTo(ObservedState.NO_TRAFFIC);
        assertThat(s.requestsPerSecond()).isZero();
    }

    @Test
    void aLinkWithoutAnySeriesIsNoTraffic() {
        LinkSample s = sample("never");
        assertThat(s.state()).isEqualTo(ObservedState.NO_TRAFFIC);
        assertThat(s.errorShare()).isZero();
    }

    @Test
    void throughAnEgressGatewayTheGatewaysOwnHopSaysWhyItFailed() {
        LinkSample s = sample("via-gateway");
        assertThat(s.state()).isEqualTo(ObservedState.TLS_FAILURE);
        assertThat(s.errorShare()).isEqualTo(1.0);
        assertThat(String.join("\n", s.explanation())).contains("egress gateway istio-system/istio-egressgateway");
    }

    @Test
    void everyLinkIsJudgedInTheTargetsOrder() {
        assertThat(samples.keySet()).containsExactlyElementsOf(
                LINKS.stream().map(LinkTarget::linkId).collect(Collectors.toList()));
    }
}
