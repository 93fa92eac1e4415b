package io.egressstudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.PortForwarder;
import io.egressstudio.cluster.TelemetryEndpoints;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.model.Scenario;
import io.egressstudio.telemetry.EndpointLocator;
import io.egressstudio.telemetry.HttpSettings;
import io.egressstudio.telemetry.KialiClient;
import io.egressstudio.telemetry.KialiReport;
import io.egressstudio.telemetry.LinkObservation;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.LinkTargets;
import io.egressstudio.telemetry.LiveSource;
import io.egressstudio.telemetry.PollResult;
import io.egressstudio.telemetry.PrometheusClient;
import io.egressstudio.telemetry.ReplaySource;
import io.egressstudio.telemetry.SessionFile;
import io.egressstudio.telemetry.SessionRecorder;
import io.egressstudio.telemetry.SessionState;
import io.egressstudio.telemetry.Snapshot;
import io.egressstudio.telemetry.TelemetryPoller;
import io.egressstudio.telemetry.TlsTrust;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code egress-studio observe SCENARIO --prometheus URL [--kiali URL] [--once|--watch] [--format text|json]}: what
 * each link's traffic really does, beside the prediction. With {@code --format json}, one object per poll on one
 * line: {@code {"links":[{"from":"ns/workload","to":"host:port","predicted":"OK","observed":"PASSTHROUGH",
 * "requestsPerSecond":1.5,"errorShare":0.0}]}}.
 */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = {"Show what each link's traffic really does (from Prometheus, and Kiali if given), beside the "
                + "prediction; a link whose traffic contradicts its prediction is flagged with both explanations.",
                "Observed states: OK, PASSTHROUGH, BLACKHOLE, MTLS_FAILURE, TLS_FAILURE, PROTOCOL_MISMATCH, NO_ROUTE, "
                        + "FAILURE (flags do not say which), NO_TRAFFIC, STALE (no fresh sample within --stale-after "
                        + "intervals), UNREACHABLE (the source cannot be reached).",
                "With --format json, stdout has one object per poll, on one line: "
                        + "{\"links\":[{\"from\",\"to\",\"predicted\",\"observed\",\"requestsPerSecond\",\"errorShare\"}]}; "
                        + "Kiali's findings and poll failures go to stderr.",
                "Exit codes: 0 telemetry read; 1 (--once) the source gave nothing usable; 2 bad input."})
final class ObserveCommand implements Callable<Integer> {
    enum Format { text, json }

    enum KialiAuthOption { bearer, token, none }

    static final int NO_TELEMETRY = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file")
    Path scenarioFile;

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Prometheus' base URL (with any path prefix), e.g. http://127.0.0.1:9090 or the https URL "
                    + "of an OpenShift route; required unless --context or --replay")
    String prometheusUrl;

    @Option(names = "--context", paramLabel = "CTX",
            description = "find Prometheus through this kubeconfig context instead of --prometheus: the OpenShift "
                    + "Route 'prometheus' in --namespace (https when it terminates TLS), else a port-forward to the "
                    + "Service 'prometheus' that is re-opened when it drops")
    String context;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "with --context: the control plane's namespace (default: istio-system)")
    String namespace;

    @Option(names = "--port-forward", description = "with --context: always port-forward, even when there is a Route")
    boolean portForward;

    @Option(names = "--find-kiali",
            description = "with --context: find Kiali the same way (Route or Service 'kiali')")
    boolean findKiali;

    @Option(names = "--kiali", paramLabel = "URL",
            description = "Kiali's base URL with its web root, e.g. http://127.0.0.1:20001/kiali: reports traffic the "
                    + "design does not have, and mTLS shares")
    String kialiUrl;

    @Option(names = "--once", description = "poll once and exit (the default)")
    boolean once;

    @Option(names = "--watch", description = "poll every --interval until interrupted (or --count polls)")
    boolean watch;

    @Option(names = "--format", paramLabel = "text|json", description = "output format (default: text)")
    Format format = Format.text;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "a file holding a bearer token for Prometheus (and Kiali, unless --kiali-token-file), "
                    + "e.g. from 'oc whoami -t'")
    Path tokenFile;

    @Option(names = "--kiali-token-file", paramLabel = "FILE", description = "a file holding Kiali's token")
    Path kialiTokenFile;

    @Option(names = "--kiali-auth", paramLabel = "bearer|token|none",
            description = "bearer: Authorization header (Kiali strategies openshift, header); token: log in at "
                    + "/api/authenticate (strategy token); none (default: bearer when a token is given)")
    KialiAuthOption kialiAuth;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "a PEM file of the CA that signed Prometheus' certificate (and Kiali's, unless --kiali-ca); "
                    + "verification stays on")
    Path caFile;

    @Option(names = "--kiali-ca", paramLabel = "FILE", description = "a PEM file of the CA that signed Kiali's certificate")
    Path kialiCaFile;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s",
            description = "time between polls with --watch: 500ms, 5s, 1m (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "how long to wait for a connection and for an answer (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "1m",
            description = "how far back rates look (PromQL range, Kiali duration; default: ${DEFAULT-VALUE})")
    String window;

    @Option(names = "--stale-after", paramLabel = "N", defaultValue = "3",
            description = "a link is STALE after N intervals without a fresh sample (default: ${DEFAULT-VALUE})")
    int staleAfter;

    @Option(names = "--count", paramLabel = "N", description = "with --watch or --replay: stop after N polls")
    Integer count;

    @Option(names = "--record", paramLabel = "FILE", description = "record every poll to FILE (JSON lines; an existing FILE is replaced)")
    Path recordFile;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "print a recorded session instead of polling (labelled as a replay)")
    Path replayFile;

    @Option(names = "--step", paramLabel = "N", description = ScenarioInput.STEP_HELP)
    Integer step;

    private PrintWriter out;
    private PrintWriter err;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        try {
            return run();
        } catch (BadInput e) {
            err.println(e.getMessage());
            err.flush();
            return EgressStudioCommand.BAD_INPUT;
        }
    }

    /** Input that cannot be used; the message says which and why. */
    private static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    private int run() throws BadInput {
        if (once && watch) {
            throw new BadInput("--once and --watch exclude each other");
        }
        if (count != null && count < 1) {
            throw new BadInput("--count must be at least 1");
        }
        if (staleAfter < 1) {
            throw new BadInput("--stale-after must be at least 1");
        }
        Duration every = duration("--interval", interval);
        Duration wait = duration("--timeout", timeout);
        Duration range = duration("--window", window);
        Scenario scenario;
        try {
            scenario = ScenarioInput.load(scenarioFile, step);
        } catch (ScenarioFormatException e) {
            throw new BadInput(e.getMessage());
        }
        if (replayFile != null) {
            return replay(scenario);
        }
        if (prometheusUrl == null && context == null) {
            throw new BadInput("--prometheus URL or --context CTX is required (or --replay FILE)");
        }
        if (prometheusUrl != null && context != null) {
            throw new BadInput("--prometheus and --context exclude each other: give the URL, or find it through the "
                    + "cluster");
        }
        if (context == null && (namespace != null || portForward || findKiali)) {
            throw new BadInput("--namespace, --port-forward and --find-kiali need --context");
        }
        if (findKiali && kialiUrl != null) {
            throw new BadInput("--kiali and --find-kiali exclude each other");
        }
        List<LinkTarget> targets;
        try {
            targets = LinkTargets.of(scenario);
        } catch (RuntimeException e) {
            throw new BadInput(scenarioFile + ": cannot predict the links: " + e.getMessage());
        }
        String token = tokenFile == null ? null : token("--token-file", tokenFile);
        SSLContext ca = caFile == null ? null : trust("--ca", caFile);
        if (context != null) {
            return throughCluster(scenario, targets, token, ca, wait, range, every);
        }
        PrometheusClient prometheus = new PrometheusClient(url("--prometheus", prometheusUrl),
                new HttpSettings(token, ca, wait, wait));
        return observe(scenario, targets, prometheus, kiali(token, ca, wait, null), range, every,
                "Prometheus " + prometheusUrl);
    }

    /**
     * {@code --context}: Prometheus (and Kiali with {@code --find-kiali}) found through the cluster; a port-forward
     * lives as long as the command.
     */
    private int throughCluster(Scenario scenario, List<LinkTarget> targets, String token, SSLContext ca,
                               Duration wait, Duration range, Duration every) throws BadInput {
        String ns = namespace == null ? TelemetryEndpoints.DEFAULT_NAMESPACE : namespace;
        List<EndpointLocator> opened = new ArrayList<>();
        try (ClusterConnection cluster = ClusterAccess.connector.get().connect(context)) {
            PortForwarder forwarder = ClusterAccess.portForwarder.get();
            TelemetryEndpoints.Found prometheus = TelemetryEndpoints.find(cluster, ns, TelemetryEndpoints.PROMETHEUS,
                    portForward, forwarder);
            opened.add(prometheus.locator());
            err.println("Prometheus: " + prometheus.how());
            EndpointLocator kiali = null;
            if (findKiali) {
                TelemetryEndpoints.Found found = TelemetryEndpoints.find(cluster, ns, TelemetryEndpoints.KIALI,
                        portForward, forwarder);
                opened.add(found.locator());
                err.println("Kiali: " + found.how());
                kiali = found.locator();
            }
            err.flush();
            return observe(scenario, targets, new PrometheusClient(prometheus.locator(),
                    new HttpSettings(token, ca, wait, wait)), kiali(token, ca, wait, kiali), range, every,
                    "Prometheus " + prometheus.locator().describe());
        } catch (ClusterException e) {
            return ClusterAccess.fail(err, e);
        } finally {
            for (EndpointLocator locator : opened) {
                if (locator instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception ignored) {
                        // a port-forward that is gone already
                    }
                }
            }
        }
    }

    /** Kiali at --kiali URL, or at {@code found} (--find-kiali), or none. */
    private KialiClient kiali(String token, SSLContext ca, Duration wait, EndpointLocator found) throws BadInput {
        KialiClient kiali = null;
        if (kialiUrl != null || found != null) {
            String kialiToken = kialiTokenFile == null ? token : token("--kiali-token-file", kialiTokenFile);
            SSLContext kialiCa = kialiCaFile == null ? ca : trust("--kiali-ca", kialiCaFile);
            KialiClient.Auth auth = kialiAuth == null ? null : switch (kialiAuth) {
                case bearer -> KialiClient.Auth.BEARER;
                case token -> KialiClient.Auth.TOKEN_LOGIN;
                case none -> KialiClient.Auth.NONE;
            };
            if (auth != null && auth != KialiClient.Auth.NONE && kialiToken == null) {
                throw new BadInput("--kiali-auth " + kialiAuth + " needs a token: --kiali-token-file or --token-file");
            }
            HttpSettings kialiSettings = new HttpSettings(auth == KialiClient.Auth.NONE ? null : kialiToken, kialiCa,
                    wait, wait);
            kiali = new KialiClient(found != null ? found : EndpointLocator.fixed(url("--kiali", kialiUrl)),
                    kialiSettings, auth);
        }
        return kiali;
    }

    private int observe(Scenario scenario, List<LinkTarget> targets, PrometheusClient prometheus, KialiClient kiali,
                        Duration range, Duration every, String sourceName) throws BadInput {
        LiveSource source = new LiveSource(prometheus, kiali, targets, range, Clock.systemUTC());
        TelemetryPoller.Settings settings = new TelemetryPoller.Settings(every, staleAfter, null);
        SessionRecorder recorder = null;
        if (recordFile != null) {
            try {
                recorder = SessionRecorder.create(recordFile, new SessionFile.Header(scenario.name(),
                        Clock.systemUTC().instant(), every, staleAfter, targets));
            } catch (IOException e) {
                throw new BadInput("--record " + recordFile + ": cannot write: " + e.getMessage());
            }
        }
        try {
            if (!watch) {
                SessionState state = new SessionState(targets, every, staleAfter, false);
                PollResult result = source.poll();
                if (recorder != null) {
                    recorder.write(result);
                }
                Snapshot snapshot = state.apply(result);
                print(snapshot, sourceName, null);
                return snapshot.isFresh() ? 0 : NO_TELEMETRY;
            }
            return watch(source, targets, settings, recorder, sourceName);
        } catch (IOException e) {
            err.println("--record " + recordFile + ": cannot write: " + e.getMessage());
            return NO_TELEMETRY;
        } finally {
            if (recorder != null) {
                try {
                    recorder.close();
                } catch (IOException e) {
                    err.println("--record " + recordFile + ": cannot close: " + e.getMessage());
                }
            }
            out.flush();
            err.flush();
        }
    }

    private int watch(LiveSource source, List<LinkTarget> targets, TelemetryPoller.Settings settings,
                      SessionRecorder recorder, String sourceName) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong printed = new AtomicLong();
        try (TelemetryPoller poller = new TelemetryPoller(source, targets, settings, false, recorder, null, null)) {
            poller.addListener(snapshot -> {
                if (done.getCount() == 0) {
                    return;
                }
                print(snapshot, sourceName, null);
                if (count != null && printed.incrementAndGet() >= count) {
                    done.countDown();
                }
            });
            poller.start();
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int replay(Scenario scenario) throws BadInput {
        SessionFile.Recording recording;
        try {
            recording = SessionFile.read(replayFile);
        } catch (IOException e) {
            throw new BadInput("--replay " + e.getMessage());
        }
        List<String> recorded = recording.header().links().stream().map(LinkTarget::linkId).toList();
        List<String> designed = scenario.links().stream().map(l -> l.id()).toList();
        if (!recorded.equals(designed)) {
            err.println("note: the recording's links " + recorded + " differ from the scenario's " + designed
                    + "; showing the recording as it was");
        }
        String label = "REPLAY of " + replayFile + " (scenario " + recording.header().scenario() + ", recorded "
                + recording.header().started() + ")";
        if (format == Format.json) {
            err.println(label);
        }
        int n = 0;
        for (Snapshot snapshot : ReplaySource.snapshots(recording)) {
            if (count != null && n >= count || once && n >= 1) {
                break;
            }
            print(snapshot, "recorded source", label);
            n++;
        }
        out.flush();
        err.flush();
        return 0;
    }

    private synchronized void print(Snapshot snapshot, String sourceName, String replayLabel) {
        if (format == Format.json) {
            printJson(snapshot);
        } else {
            printText(snapshot, sourceName, replayLabel);
        }
        out.flush();
        err.flush();
    }

    /** The contract: {"links":[{"from","to","predicted","observed","requestsPerSecond","errorShare"}]}. */
    static Map<String, Object> json(Snapshot snapshot) {
        List<Object> links = new ArrayList<>();
        for (LinkObservation l : snapshot.links()) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("from", l.from());
            link.put("to", l.to());
            link.put("predicted", l.predicted() == null ? null : l.predicted().name());
            link.put("observed", l.observed().name());
            link.put("requestsPerSecond", l.requestsPerSecond());
            link.put("errorShare", l.errorShare());
            links.add(link);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("links", links);
        return root;
    }

    private void printJson(Snapshot snapshot) {
        try {
            out.println(JSON.writeValueAsString(json(snapshot)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!snapshot.isFresh()) {
            err.println("poll " + snapshot.sequence() + ": " + snapshot.failure().message());
        }
        if (snapshot.kiali() != null) {
            printKiali(err, snapshot.kiali(), "poll " + snapshot.sequence() + ": ");
        }
    }

    private void printText(Snapshot snapshot, String sourceName, String replayLabel) {
        StringBuilder head = new StringBuilder();
        if (replayLabel != null) {
            head.append(replayLabel).append(": ");
        }
        head.append("poll ").append(snapshot.sequence()).append(" at ").append(snapshot.at()).append(", ")
                .append(sourceName).append(": ")
                .append(snapshot.isFresh() ? "fresh" : snapshot.failure().kind().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + ": " + snapshot.failure().message());
        out.println(head);
        for (LinkObservation l : snapshot.links()) {
            out.println("  " + l.linkId() + ": " + l.from() + " -> " + l.to());
            out.println(String.format(Locale.ROOT, "    predicted %s, observed %s, %s req/s, errors %.1f%%%s",
                    l.predicted(), l.observed(), number(l.requestsPerSecond()), l.errorShare() * 100,
                    l.contradicts() ? "  ** CONTRADICTS THE PREDICTION **" : ""));
            if (l.contradicts()) {
                out.println("    why predicted:");
                l.predictedExplanation().forEach(line -> out.println("      " + line));
                out.println("    why observed:");
                l.observedExplanation().forEach(line -> out.println("      " + line));
            } else if (!l.observedExplanation().isEmpty()) {
                out.println("    " + l.observedExplanation().get(0));
            }
        }
        if (snapshot.kiali() != null) {
            printKiali(out, snapshot.kiali(), "  ");
        }
        long contradicted = snapshot.contradicted().size();
        out.println("  " + snapshot.links().size() + " links, " + contradicted + " contradicting the prediction"
                + (snapshot.replay() ? " (replay)" : ""));
    }

    private static void printKiali(PrintWriter to, KialiReport kiali, String prefix) {
        if (!kiali.ok()) {
            to.println(prefix + "Kiali: " + kiali.problem());
            return;
        }
        to.println(prefix + "Kiali: " + kiali.edgesSeen() + " edges, " + kiali.unexpected().size()
                + " not in the design");
        for (KialiReport.UnexpectedEdge e : kiali.unexpected()) {
            to.println(prefix + "  unexpected: " + e.from() + " -> " + e.to() + " " + e.protocol() + " "
                    + number(e.rate()) + " " + e.unit()
                    + (e.hosts().isEmpty() ? "" : " hosts " + String.join(",", e.hosts()))
                    + (e.flags().isEmpty() ? "" : " flags " + e.flags().keySet())
                    + (e.note() == null || e.note().isEmpty() ? "" : " (" + e.note() + ")"));
        }
        for (KialiReport.MtlsShare m : kiali.mtls()) {
            to.println(prefix + "  mTLS " + number(m.percent()) + "%: " + m.from() + " -> " + m.to()
                    + (m.linkId() == null ? " (not in the design)" : " (link " + m.linkId() + ")"));
        }
    }

    private static String number(double value) {
        String s = String.format(Locale.ROOT, "%.3f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = Math.round(value * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            default -> 1000;
        });
        return millis <= 0 ? null : Duration.ofMillis(millis);
    }

    private static Duration duration(String option, String text) throws BadInput {
        Duration d = parseDuration(text);
        if (d == null) {
            throw new BadInput(option + " '" + text + "' is not a positive duration such as 500ms, 5s or 1m");
        }
        return d;
    }

    private static URI url(String option, String text) throws BadInput {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new BadInput(option + " '" + text + "' is not an http or https URL with a host");
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                throw new BadInput(option + " '" + text + "': give the base URL, without a query or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInput(option + " '" + text + "' is not a URL: " + e.getReason());
        }
    }

    private static String token(String option, Path file) throws BadInput {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new BadInput(option + " " + file + " is empty");
            }
            if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new BadInput(option + " " + file + " holds more than one token (spaces or line breaks inside)");
            }
            return token;
        } catch (IOException e) {
            throw new BadInput(option + " " + file + ": cannot read: " + e.getMessage());
        }
    }

    private static SSLContext trust(String option, Path file) throws BadInput {
        try {
            return TlsTrust.fromPemFile(file);
        } catch (IOException e) {
            throw new BadInput(option + " " + e.getMessage());
        }
    }
}
