package io.egressstudio.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.model.Outcome;
import io.egressstudio.telemetry.IstioSeries.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The classifier's rules on series given directly (the PromQL path is {@link PrometheusClassifierTest}). */
class LinkClassifierTest {
    private static IstioSeries http(String source, String dsn, String ds, String code, String flags, double rate) {
        String[] s = source.split("/");
        return new IstioSeries(Metric.REQUESTS, s[0], s[1], dsn, ds, code, flags, rate);
    }

    private static IstioSeries tcp(Metric metric, String source, String dsn, String flags, double rate) {
        String[] s = source.split("/");
        return new IstioSeries(metric, s[0], s[1], dsn, "unknown", "", flags, rate);
    }

    private static LinkSample only(LinkTarget target, IstioSeries... series) {
        return LinkClassifier.classify(List.of(target), List.of(series)).get(target.linkId());
    }

    @Test
    void theStateWithTheMostTrafficWinsAndTheRestIsTheErrorShare() {
        LinkTarget t = LinkTarget.direct("l", "ns/app", "api.example.com:80", Outcome.OK);
        LinkSample s = only(t,
                http("ns/app", "api.example.com", "api.example.com", "200", "-", 1.0),
                http("ns/app", "api.example.com", "api.example.com", "503", "UF,URX", 3.0));

        assertThat(s.state()).isEqualTo(ObservedState.TLS_FAILURE);
        assertThat(s.requestsPerSecond()).isEqualTo(4.0);
        assertThat(s.errorShare()).isEqualTo(0.75);
    }

    @Test
    void aWaypointsRefusalOutweighsTheConnectionZtunnelSawCloseCleanly() {
        LinkTarget t = LinkTarget.direct("l", "other-client/curl", "greeting.remote.com:80", Outcome.DENIED);
        // ztunnel (reporter source): the pod's connections to the host, tunnelled to the waypoint, opened and closed
        // cleanly; the waypoint (reporter waypoint, source the client pod): 403 from its RBAC filter
        LinkSample s = only(t,
                new IstioSeries(Metric.TCP_OPENED, "other-client", "curl", "greeting.remote.com", "greeting.remote.com",
                        "", "-", 2.0),
                new IstioSeries(Metric.TCP_CLOSED, "other-client", "curl", "greeting.remote.com", "greeting.remote.com",
                        "", "-", 2.0),
                http("other-client/curl", "greeting.remote.com", "greeting.remote.com", "403", "-", 2.0));

        assertThat(s.state()).isEqualTo(ObservedState.DENIED);
        assertThat(s.errorShare()).isEqualTo(1.0);
    }

    @Test
    void fourHundredsFromTheServerAreAnswersNotErrors() {
        LinkTarget t = LinkTarget.direct("l", "ns/app", "api.example.com:80", Outcome.OK);
        LinkSample s = only(t, http("ns/app", "api.example.com", "api.example.com", "404", "-", 2.0));

        assertThat(s.state()).isEqualTo(ObservedState.OK);
        assertThat(s.errorShare()).isZero();
    }

    @Test
    void forbiddenWithoutAProxyFlagIsRefusedByPolicyAndAgreesWithAPredictedDenial() {
        LinkTarget t = LinkTarget.direct("l", "ns/app", "api.example.com:80", Outcome.DENIED);
        LinkSample s = only(t, http("ns/app", "api.example.com", "api.example.com", "403", "-", 2.0));

        assertThat(s.state()).isEqualTo(ObservedState.DENIED);
        assertThat(s.errorShare()).isEqualTo(1.0);
        assertThat(s.explanation().get(0)).contains("RBAC: access denied");
        assertThat(ObservedState.DENIED.contradicts(Outcome.DENIED)).isFalse();
        assertThat(ObservedState.DENIED.contradicts(Outcome.OK)).isTrue();
        assertThat(ObservedState.FAILURE.contradicts(Outcome.DENIED)).isFalse();
    }

    @Test
    void anEgressGatewayRefusingTheClientIsDeniedOnTheClientsHop() {
        LinkTarget t = new LinkTarget("l", "ns", "app", "api.example.com", 80, "istio-system",
                "istio-egressgateway", Outcome.DENIED, List.of());
        LinkSample s = only(t, http("ns/app", "istio-egressgateway", "istio-egressgateway.istio-system.svc.cluster.local",
                "403", "-", 1.0));

        assertThat(s.state()).isEqualTo(ObservedState.DENIED);
    }

    @Test
    void proxyGeneratedResponsesSayWhichFailure() {
        LinkTarget t = LinkTarget.direct("l", "ns/app", "api.example.com:80", Outcome.OK);

        assertThat(only(t, http("ns/app", "api.example.com", "api.example.com", "404", "NR", 1)).state())
                .isEqualTo(ObservedState.NO_ROUTE);
        assertThat(only(t, http("ns/app", "api.example.com", "api.example.com", "400", "DPE", 1)).state())
                .isEqualTo(ObservedState.PROTOCOL_MISMATCH);
        assertThat(only(t, http("ns/app", "api.example.com", "api.example.com", "0", "DC", 1)).state())
                .isEqualTo(ObservedState.FAILURE);
    }

    @Test
    void theHostHeaderMayCarryAPort() {
        LinkTarget t = LinkTarget.direct("l", "ns/app", "httpbin.org:8080", Outcome.PASSTHROUGH);
        LinkSample s = only(t, http("ns/app", IstioSeries.PASSTHROUGH_CLUSTER, "httpbin.org:8080", "200", "-", 1));

        assertThat(s.state()).isEqualTo(ObservedState.PASSTHROUGH);
    }

    @Test
    void aShortHostIsReadInTheCallersNamespace() {
        LinkTarget t = LinkTarget.direct("l", "shop/app", "reviews:9080", Outcome.OK);
        LinkSample s = only(t, http("shop/app", "reviews.shop.svc.cluster.local", "reviews.shop.svc.cluster.local",
                "200", "-", 1));

        assertThat(s.state()).isEqualTo(ObservedState.OK);
    }

    @Test
    void aWildcardServiceEntryReportsItsPatternAsTheServiceName() {
        LinkTarget t = LinkTarget.direct("l", "ns/app", "eu.api.example.com:443", Outcome.OK);
        LinkSample s = only(t, http("ns/app", "*.api.example.com", "eu.api.example.com", "200", "-", 1));

        assertThat(s.state()).isEqualTo(ObservedState.OK);
    }

    @Test
    void hostlessTcpSeriesAreSharedByTheQuietLinksOfTheirWorkloadAndSaySo() {
        LinkTarget a = LinkTarget.direct("a", "ns/app", "db.example.com:5432", Outcome.PASSTHROUGH);
        LinkTarget b = LinkTarget.direct("b", "ns/app", "cache.example.com:6379", Outcome.PASSTHROUGH);
        LinkTarget c = LinkTarget.direct("c", "ns/app", "api.example.com:80", Outcome.OK);
        Map<String, LinkSample> s = LinkClassifier.classify(List.of(a, b, c), List.of(
                tcp(Metric.TCP_OPENED, "ns/app", IstioSeries.PASSTHROUGH_CLUSTER, "-", 2),
                http("ns/app", "api.example.com", "api.example.com", "200", "-", 1)));

        assertThat(s.get("a").state()).isEqualTo(ObservedState.PASSTHROUGH);
        assertThat(s.get("b").state()).isEqualTo(ObservedState.PASSTHROUGH);
        assertThat(s.get("a").explanation()).anyMatch(l -> l.contains("shared by the 2 links"));
        assertThat(s.get("c").state()).isEqualTo(ObservedState.OK);
    }

    @Test
    void hostlessSeriesOfAnotherWorkloadAreNotThisLinks() {
        LinkTarget t = LinkTarget.direct("l", "ns/app", "db.example.com:5432", Outcome.PASSTHROUGH);
        LinkSample s = only(t, tcp(Metric.TCP_CLOSED, "ns/other", IstioSeries.BLACKHOLE_CLUSTER, "UH", 2));

        assertThat(s.state()).isEqualTo(ObservedState.NO_TRAFFIC);
    }

    @Test
    void normalTcpClosesAreNotCountedTwice() {
        LinkTarget t = LinkTarget.direct("l", "ns/app", "db.example.com:5432", Outcome.PASSTHROUGH);
        LinkSample s = only(t,
                tcp(Metric.TCP_OPENED, "ns/app", IstioSeries.PASSTHROUGH_CLUSTER, "-", 2),
                tcp(Metric.TCP_CLOSED, "ns/app", IstioSeries.PASSTHROUGH_CLUSTER, "-", 2));

        assertThat(s.requestsPerSecond()).isEqualTo(2.0);
        assertThat(s.errorShare()).isZero();
    }

    @Test
    void aLinkThroughAGatewayThatGoesDirectSaysItBypassedTheGateway() {
        LinkTarget t = new LinkTarget("l", "ns", "app", "partner.example.com", 80, "istio-system",
                "istio-egressgateway", Outcome.OK, List.of());
        LinkSample s = only(t, http("ns/app", IstioSeries.PASSTHROUGH_CLUSTER, "partner.example.com", "200", "-", 1));

        assertThat(s.state()).isEqualTo(ObservedState.PASSTHROUGH);
        assertThat(s.explanation()).anyMatch(l -> l.contains("does not go through egress gateway"));
    }

    @Test
    void aLinkThroughAGatewayAnsweredOkIsOk() {
        LinkTarget t = new LinkTarget("l", "ns", "app", "partner.example.com", 80, "istio-system",
                "istio-egressgateway", Outcome.OK, List.of());
        LinkSample s = only(t,
                http("ns/app", "istio-egressgateway", t.gatewayHost(), "200", "-", 2),
                http("istio-system/istio-egressgateway", "partner.example.com", "partner.example.com", "200", "-", 5));

        assertThat(s.state()).isEqualTo(ObservedState.OK);
        assertThat(s.requestsPerSecond()).as("the client's own rate, not the gateway's").isEqualTo(2.0);
    }

    @Test
    void aFewErrorsPassedBackByTheGatewayDoNotTurnAnAnsweredLinkIntoAFailure() {
        LinkTarget t = new LinkTarget("l", "ns", "app", "partner.example.com", 80, "istio-system",
                "istio-egressgateway", Outcome.OK, List.of());
        LinkSample s = only(t,
                http("ns/app", "istio-egressgateway", t.gatewayHost(), "200", "-", 9),
                http("ns/app", "istio-egressgateway", t.gatewayHost(), "503", "-", 1),
                http("istio-system/istio-egressgateway", "partner.example.com", "partner.example.com", "503", "UF,URX",
                        1));

        assertThat(s.state()).isEqualTo(ObservedState.OK);
        assertThat(s.errorShare()).isEqualTo(0.1);
    }

    @Test
    void aGatewayWithoutARouteAnswers404AndItsOwnHopSaysNoRoute() {
        LinkTarget t = new LinkTarget("l", "ns", "app", "partner.example.com", 80, "istio-system",
                "istio-egressgateway", Outcome.OK, List.of());
        LinkSample s = only(t,
                http("ns/app", "istio-egressgateway", t.gatewayHost(), "404", "-", 2),
                http("istio-system/istio-egressgateway", "partner.example.com", "partner.example.com", "404", "NR", 2));

        assertThat(s.state()).isEqualTo(ObservedState.NO_ROUTE);
        assertThat(s.errorShare()).isEqualTo(1.0);
        assertThat(s.explanation()).anyMatch(l -> l.contains("passed the error back"));
    }

    @Test
    void zeroAndNonFiniteRatesAreNoTraffic() {
        LinkTarget t = LinkTarget.direct("l", "ns/app", "api.example.com:80", Outcome.OK);
        LinkSample s = only(t,
                http("ns/app", "api.example.com", "api.example.com", "200", "-", 0),
                http("ns/app", "api.example.com", "api.example.com", "503", "UC", Double.NaN));

        assertThat(s.state()).isEqualTo(ObservedState.NO_TRAFFIC);
    }

    @Test
    void contradictionsFollowWhatTheMetricsCanTellApart() {
        assertThat(ObservedState.PASSTHROUGH.contradicts(Outcome.OK)).isTrue();
        assertThat(ObservedState.OK.contradicts(Outcome.BLACKHOLE)).isTrue();
        assertThat(ObservedState.TLS_FAILURE.contradicts(Outcome.MTLS_FAILURE)).as("UF,URX: either").isFalse();
        assertThat(ObservedState.TLS_FAILURE.contradicts(Outcome.DOUBLE_TLS)).isFalse();
        assertThat(ObservedState.MTLS_FAILURE.contradicts(Outcome.TLS_FAILURE)).isTrue();
        assertThat(ObservedState.FAILURE.contradicts(Outcome.NO_ROUTE)).isFalse();
        assertThat(ObservedState.FAILURE.contradicts(Outcome.OK)).isTrue();
        for (ObservedState none : List.of(ObservedState.NO_TRAFFIC, ObservedState.STALE, ObservedState.UNREACHABLE)) {
            for (Outcome o : Outcome.values()) {
                assertThat(none.contradicts(o)).as(none + " vs " + o).isFalse();
            }
        }
    }

    @Test
    void promQlEscapesNamesForRe2InsideAString() {
        assertThat(PromQl.literal("a.b")).isEqualTo("a\\\\.b");
        assertThat(PromQl.alternatives(List.of("web", "api.v2"))).isEqualTo("api\\\\.v2|web");
        assertThat(PromQl.rate(Metric.TCP_CLOSED, List.of("ns"), List.of("app"), java.time.Duration.ofSeconds(90)))
                .isEqualTo("sum by (" + PromQl.BY + ") (rate(istio_tcp_connections_closed_total{reporter=~\"source|waypoint\", "
                        + "source_workload_namespace=~\"ns\", source_workload=~\"app\"}[90s]))");
    }
}
