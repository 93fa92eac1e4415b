package io.egressstudio.telemetry;

import io.egressstudio.mesh.Hosts;
import io.egressstudio.telemetry.IstioSeries.Metric;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies each designed link from the Istio series its traffic left (reporter {@code source}), following the
 * values of anchors.md §3.3:
 * <ul>
 *   <li>{@code destination_service_name="PassthroughCluster"} (HTTP with the host, or TCP opened with host
 *       {@code unknown}): PASSTHROUGH;</li>
 *   <li>{@code destination_service_name="BlackHoleCluster"} (HTTP 502, or TCP <em>closed</em> with flag UH; opened is
 *       not counted): BLACKHOLE;</li>
 *   <li>the host itself, answered: OK; 5xx or no response: by flag, UC → MTLS_FAILURE, UF/URX → TLS_FAILURE, NR →
 *       NO_ROUTE, DPE → PROTOCOL_MISMATCH, otherwise FAILURE; 403 without a flag → DENIED (an
 *       AuthorizationPolicy's {@code RBAC: access denied});</li>
 *   <li>nothing, or only zero rates: NO_TRAFFIC.</li>
 * </ul>
 * The state with the most requests or connections per second wins; the error share says how much of the link's
 * traffic failed. TCP series to the pass-through and black-hole clusters carry no host: they are attributed to the
 * links of their source workload that have no other traffic, and the explanation says so.
 * A link through an egress gateway is judged on the client's hop to the gateway; when the client gets an error that
 * the gateway passed back, the gateway's own hop to the host (source workload = the gateway) says which.
 */
public final class LinkClassifier {
    private static final double EPSILON = 1e-12;
    private static final int MAX_SERIES_LINES = 4;

    private LinkClassifier() {
    }

    /** Classifies every target; the result has one sample per target, in the targets' order. */
    public static Map<String, LinkSample> classify(List<LinkTarget> targets, List<IstioSeries> series) {
        Map<String, List<IstioSeries>> hostless = new LinkedHashMap<>();
        for (IstioSeries s : series) {
            if (s.metric().tcp() && s.hostUnknown() && (s.passthrough() || s.blackhole()) && s.rate() > EPSILON) {
                hostless.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, List<LinkTarget>> quietBySource = new LinkedHashMap<>();
        Map<String, Verdict> direct = new LinkedHashMap<>();
        for (LinkTarget t : targets) {
            Verdict v = judge(matching(series, t.from(), t, false), t.from() + " to " + t.host());
            direct.put(t.linkId(), v);
            if (!v.traffic() && !t.viaGateway()) {
                quietBySource.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, LinkSample> out = new LinkedHashMap<>();
        for (LinkTarget t : targets) {
            Verdict v = direct.get(t.linkId());
            if (t.viaGateway()) {
                out.put(t.linkId(), viaGateway(t, series, v));
                continue;
            }
            List<LinkTarget> quiet = quietBySource.getOrDefault(t.from(), List.of());
            List<IstioSeries> unknownHost = hostless.getOrDefault(t.from(), List.of());
            if (!v.traffic() && !unknownHost.isEmpty() && quiet.contains(t)) {
                v = judge(unknownHost, t.from() + " to a host the proxy did not record");
                String noHost = "TCP series to PassthroughCluster and BlackHoleCluster carry no host "
                        + "(destination_service=\"unknown\"): ";
                v.lines.add(quiet.size() == 1
                        ? noHost + "attributed to this link, the only link of " + t.from() + " without other traffic"
                        : noHost + "shared by the " + quiet.size() + " links of " + t.from() + " without other "
                        + "traffic; which of them made it, the metrics do not say");
            }
            out.put(t.linkId(), v.sample(t.linkId(), "no requests or connections from " + t.from() + " to " + t.host()
                    + " in the query window"));
        }
        return out;
    }

    private static LinkSample viaGateway(LinkTarget t, List<IstioSeries> series, Verdict direct) {
        String gateway = t.gatewayNamespace() + "/" + t.gatewayWorkload();
        Verdict toGateway = judge(matching(series, t.from(), t, true), t.from() + " to egress gateway " + gateway);
        if (!toGateway.traffic()) {
            if (direct.traffic()) {
                direct.lines.add("this traffic does not go through egress gateway " + gateway + " as designed: "
                        + "the client's proxy sends it to the host directly");
                return direct.sample(t.linkId(), "");
            }
            return LinkSample.noTraffic(t.linkId(), "no requests or connections from " + t.from()
                    + " to egress gateway " + gateway + " or to " + t.host() + " in the query window");
        }
        Verdict beyond = judge(matching(series, gateway, t, false), "egress gateway " + gateway + " to " + t.host());
        // the client's proxy saw an error response from the gateway (unflagged), for most of its requests
        boolean passedBack = toGateway.state == ObservedState.FAILURE
                || toGateway.answeredWithError > toGateway.total / 2;
        boolean gatewayFails = beyond.traffic() && beyond.state != ObservedState.OK
                && beyond.state != ObservedState.PASSTHROUGH;
        if (passedBack && gatewayFails && !toGateway.proxyFailure()) {
            Verdict merged = new Verdict(beyond.state, toGateway.total,
                    Math.max(toGateway.errors, toGateway.answeredWithError), toGateway.answeredWithError);
            merged.lines.addAll(toGateway.lines);
            merged.lines.add("the gateway passed the error back; its own hop says why (all clients of the gateway):");
            merged.lines.addAll(beyond.lines);
            return merged.sample(t.linkId(), "");
        }
        if (beyond.traffic()) {
            toGateway.lines.add("beyond the gateway (all its clients): " + beyond.lines.get(0));
        }
        return toGateway.sample(t.linkId(), "");
    }

    /**
     * The series of {@code source} that belong to the target: to its host (including pass-through and black-hole
     * series that name the host), or, when {@code toGateway}, to its egress gateway's service.
     */
    private static List<IstioSeries> matching(List<IstioSeries> series, String source, LinkTarget t, boolean toGateway) {
        List<IstioSeries> out = new ArrayList<>();
        for (IstioSeries s : series) {
            if (!s.source().equals(source)) {
                continue;
            }
            if (toGateway ? isGateway(s, t) : isHost(s, t)) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean isGateway(IstioSeries s, LinkTarget t) {
        return s.destinationHost().equals(t.gatewayHost());
    }

    static boolean isHost(IstioSeries s, LinkTarget t) {
        if (s.hostUnknown()) {
            return false;
        }
        String host = s.destinationHost();
        String wanted = t.host();
        if (host.equals(wanted) || host.equals(Hosts.fqdn(wanted, t.fromNamespace()))) {
            return true;
        }
        String name = s.destinationServiceName().toLowerCase(Locale.ROOT);
        // A ServiceEntry with a wildcard host reports it as destination_service_name.
        return Hosts.isWildcard(name) && Hosts.matches(name, wanted);
    }

    /** The category a series counts for, and whether it is an error. */
    private record Category(ObservedState state, boolean error, boolean volume) {
    }

    private static Category categorize(IstioSeries s) {
        if (s.metric() == Metric.REQUESTS) {
            if (s.blackhole()) {
                return new Category(ObservedState.BLACKHOLE, true, true);
            }
            int code = s.status();
            if (deniedByPolicy(s)) {
                return new Category(ObservedState.DENIED, true, true);
            }
            boolean error = code >= 500 || code == 0 || s.hasFlag("NR") || s.hasFlag("DPE");
            if (s.passthrough()) {
                return new Category(ObservedState.PASSTHROUGH, error, true);
            }
            return new Category(error ? failureKind(s) : ObservedState.OK, error, true);
        }
        if (s.metric() == Metric.TCP_OPENED) {
            ObservedState state = s.passthrough() ? ObservedState.PASSTHROUGH
                    : s.blackhole() ? ObservedState.BLACKHOLE : ObservedState.OK;
            return new Category(state, false, true);
        }
        if (!s.hasFlags()) {
            return new Category(null, false, false);
        }
        ObservedState state = s.blackhole() ? ObservedState.BLACKHOLE
                : s.passthrough() ? ObservedState.PASSTHROUGH : ObservedState.FAILURE;
        return new Category(state, true, true);
    }

    /**
     * Envoy's RBAC filter answers 403 itself, without a response flag; the body {@code RBAC: access denied} and the
     * access log's {@code rbac_access_denied_matched_policy[...]} are not in the metrics, so a server's own 403 reads
     * the same (docs/observe.md says so).
     */
    private static boolean deniedByPolicy(IstioSeries s) {
        return s.status() == 403 && !s.hasFlags() && !s.passthrough() && !s.blackhole();
    }

    private static ObservedState failureKind(IstioSeries s) {
        if (s.hasFlag("UC")) {
            return ObservedState.MTLS_FAILURE;
        }
        if (s.hasFlag("UF") || s.hasFlag("URX")) {
            return ObservedState.TLS_FAILURE;
        }
        if (s.hasFlag("NR")) {
            return ObservedState.NO_ROUTE;
        }
        if (s.hasFlag("DPE")) {
            return ObservedState.PROTOCOL_MISMATCH;
        }
        return ObservedState.FAILURE;
    }

    /** A judgement over a set of series. */
    private static final class Verdict {
        final ObservedState state;
        final double total;
        final double errors;
        /** Requests the server (or a gateway) answered with 4xx/5xx without a flag of the client's proxy. */
        final double answeredWithError;
        final List<String> lines = new ArrayList<>();

        Verdict(ObservedState state, double total, double errors, double answeredWithError) {
            this.state = state;
            this.total = total;
            this.errors = errors;
            this.answeredWithError = answeredWithError;
        }

        boolean traffic() {
            return state.isTraffic();
        }

        /** Whether the failure comes from the client's own proxy flags (not passed back from further on). */
        boolean proxyFailure() {
            return state == ObservedState.MTLS_FAILURE || state == ObservedState.TLS_FAILURE
                    || state == ObservedState.NO_ROUTE || state == ObservedState.PROTOCOL_MISMATCH
                    || state == ObservedState.BLACKHOLE;
        }

        LinkSample sample(String linkId, String noTraffic) {
            if (!traffic()) {
                return LinkSample.noTraffic(linkId, noTraffic);
            }
            double share = total > EPSILON ? Math.min(1.0, errors / total) : 0.0;
            return new LinkSample(linkId, state, round(total), round(share), lines);
        }
    }

    private static Verdict judge(List<IstioSeries> all, String what) {
        // In ambient mode ztunnel counts as TCP connections what a waypoint counts as requests: the requests say more
        // (a 403 from the waypoint's RBAC filter rides on a connection ztunnel saw open and close cleanly), so clean
        // TCP series beside request series are not counted twice.
        boolean requests = all.stream().anyMatch(s -> s.metric() == Metric.REQUESTS && s.rate() > EPSILON);
        List<IstioSeries> series = all.stream().filter(s -> !requests || s.metric() == Metric.REQUESTS
                || categorize(s).error()).toList();
        Map<ObservedState, Double> volume = new EnumMap<>(ObservedState.class);
        double http = 0;
        double opened = 0;
        double closed = 0;
        double httpErrors = 0;
        double tcpErrors = 0;
        double answeredWithError = 0;
        List<IstioSeries> counted = new ArrayList<>();
        for (IstioSeries s : series) {
            if (s.rate() <= EPSILON) {
                continue;
            }
            Category c = categorize(s);
            switch (s.metric()) {
                case REQUESTS -> {
                    http += s.rate();
                    if (c.error()) {
                        httpErrors += s.rate();
                    }
                    if (s.status() >= 400 && !s.hasFlags()) {
                        answeredWithError += s.rate();
                    }
                }
                case TCP_OPENED -> opened += s.rate();
                case TCP_CLOSED -> {
                    closed += s.rate();
                    if (c.error()) {
                        tcpErrors += s.rate();
                    }
                }
            }
            if (c.volume()) {
                volume.merge(c.state(), s.rate(), Double::sum);
                counted.add(s);
            }
        }
        if (volume.isEmpty()) {
            Verdict none = new Verdict(ObservedState.NO_TRAFFIC, 0, 0, 0);
            none.lines.add("no requests or connections from " + what + " in the query window");
            return none;
        }
        ObservedState state = volume.entrySet().stream()
                .max(Comparator.<Map.Entry<ObservedState, Double>>comparingDouble(Map.Entry::getValue)
                        .thenComparing(e -> -e.getKey().ordinal()))
                .orElseThrow().getKey();
        double tcp = Math.max(opened, closed);
        double total = http + tcp;
        Verdict v = new Verdict(state, total, httpErrors + Math.min(tcpErrors, tcp), answeredWithError);
        v.lines.add(summary(state, what, http, tcp));
        counted.sort(Comparator.comparingDouble(IstioSeries::rate).reversed());
        for (IstioSeries s : counted.subList(0, Math.min(MAX_SERIES_LINES, counted.size()))) {
            v.lines.add(String.format(Locale.ROOT, "%s/s %s", fmt(s.rate()), s.describe()));
        }
        if (counted.size() > MAX_SERIES_LINES) {
            v.lines.add((counted.size() - MAX_SERIES_LINES) + " more series");
        }
        return v;
    }

    private static String summary(ObservedState state, String what, double http, double tcp) {
        String amount = (http > EPSILON ? fmt(http) + " req/s" : "")
                + (http > EPSILON && tcp > EPSILON ? " and " : "")
                + (tcp > EPSILON ? fmt(tcp) + " TCP connections/s" : "");
        String meaning = switch (state) {
            case OK -> "reach the host and are answered";
            case PASSTHROUGH -> "go to PassthroughCluster: the mesh does not know the host and the sidecar sends the "
                    + "traffic on unmanaged (outbound policy ALLOW_ANY)";
            case BLACKHOLE -> "go to BlackHoleCluster: the mesh does not know the host and the sidecar drops the "
                    + "traffic (outbound policy REGISTRY_ONLY; HTTP 502, or TCP closed with flag UH)";
            case MTLS_FAILURE -> "fail with 503 UC: the upstream closed the connection, as a sidecar whose "
                    + "PeerAuthentication is STRICT does with plaintext";
            case TLS_FAILURE -> "fail with 503 UF/URX: the proxy could not set up the upstream connection; in an egress "
                    + "design a failed TLS handshake (server certificate not trusted or not matching, client "
                    + "certificate refused, ISTIO_MUTUAL to a peer without a proxy, TLS over the application's TLS), "
                    + "or a server that refuses connections";
            case NO_ROUTE -> "fail with 404 NR: a proxy has no route for them";
            case PROTOCOL_MISMATCH -> "fail with 400 DPE: the bytes do not fit the declared protocol";
            case DENIED -> "are refused with 403 (RBAC: access denied): an AuthorizationPolicy of a proxy on the way "
                    + "does not allow them";
            case FAILURE -> "fail (5xx, no response, or connections closed with a flag) and the flags do not say why";
            default -> "";
        };
        return amount + " from " + what + " " + meaning;
    }

    static String fmt(double rate) {
        return String.format(Locale.ROOT, "%.3g", rate);
    }

    /** Four significant digits: enough to read, without binary noise. */
    static double round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return 0.0;
        }
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }
}
