package io.egressstudio.cli;

import io.egressstudio.cli.ClusterAccess.BadInput;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.TelemetryThroughCluster;
import io.egressstudio.io.Redaction;
import io.egressstudio.model.Scenario;
import io.egressstudio.telemetry.EndpointLocator;
import io.egressstudio.telemetry.HttpSettings;
import io.egressstudio.telemetry.KialiClient;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.LinkTargets;
import io.egressstudio.telemetry.PrometheusClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
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
 *
 * <p>This class holds the options and checks how they combine; {@link ObserveArguments} reads their values,
 * {@link TelemetryThroughCluster} finds the sources for {@code --context}, {@link ObserveSession} polls or replays and
 * {@link ObserveOutput} prints each poll.
 */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = {"Show what each link's traffic really does (from Prometheus, and Kiali if given), beside the "
                + "prediction; a link whose traffic contradicts its prediction is flagged with both explanations.",
                "Observed states: OK, PASSTHROUGH, BLACKHOLE, MTLS_FAILURE, TLS_FAILURE, PROTOCOL_MISMATCH, NO_ROUTE, "
                        + "DENIED (403), FAILURE (flags do not say which), NO_TRAFFIC, STALE (no fresh sample within --stale-after "
                        + "intervals), UNREACHABLE (the source cannot be reached).",
                "With --format json, stdout has one object per poll, on one line: "
                        + "{\"links\":[{\"from\",\"to\",\"predicted\",\"observed\",\"requestsPerSecond\",\"errorShare\"}]}; "
                        + "Kiali's findings and poll failures go to stderr.",
                "Exit codes: 0 telemetry read; 1 (--once) the source gave nothing usable; 2 bad input."})
final class ObserveCommand implements Callable<Integer> {
    enum KialiAuthOption { bearer, token, none }

    /** Exit code of {@code --once} when the source gave nothing usable. */
    static final int NO_TELEMETRY = 1;

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
                    + "Route 'prometheus' in --namespace (https when it terminates TLS), else OpenShift monitoring's "
                    + "Thanos Querier Route with your kubeconfig's token (OpenShift Service Mesh 3), else a "
                    + "port-forward to the Service 'prometheus' that is re-opened when it drops")
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
    ObserveOutput.Format format = ObserveOutput.Format.text;

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
            description = "the deadline of each request to Prometheus and Kiali: connect, headers and the whole body "
                    + "(default: ${DEFAULT-VALUE}); answers over 4 MiB are refused as too large")
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

    private PrintWriter err;

    @Override
    public Integer call() {
        // what Prometheus, Kiali or a recording name (workloads, hosts, error text) is printed: cleaned first
        PrintWriter out = Redaction.filtered(spec.commandLine().getOut());
        err = Redaction.filtered(spec.commandLine().getErr());
        try {
            return run(out);
        } catch (BadInput e) {
            return ClusterAccess.fail(err, e);
        }
    }

    /** Checks the options in the order a user reads them, then observes the source they name. */
    private int run(PrintWriter out) throws BadInput {
        if (once && watch) {
            throw new BadInput("--once and --watch exclude each other");
        }
        if (count != null && count < 1) {
            throw new BadInput("--count must be at least 1");
        }
        if (staleAfter < 1) {
            throw new BadInput("--stale-after must be at least 1");
        }
        Duration every = ObserveArguments.duration("--interval", interval);
        Duration wait = ObserveArguments.duration("--timeout", timeout);
        Duration range = ObserveArguments.duration("--window", window);
        Scenario scenario = ClusterAccess.scenario(scenarioFile, step);
        ObserveSession session = new ObserveSession(new ObserveSession.Settings(once, watch, count, every, staleAfter,
                recordFile), new ObserveOutput(format, out, err), out, err);
        if (replayFile != null) {
            return session.replay(scenario, replayFile);
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
        String token = tokenFile == null ? null : ObserveArguments.token("--token-file", tokenFile);
        SSLContext ca = caFile == null ? null : ObserveArguments.trust("--ca", caFile);
        if (context != null) {
            return throughCluster(session, scenario, targets, token, ca, wait, range);
        }
        PrometheusClient prometheus = new PrometheusClient(ObserveArguments.url("--prometheus", prometheusUrl),
                new HttpSettings(token, ca, wait, wait));
        return session.live(scenario, targets, prometheus, kiali(token, ca, wait, null), range,
                "Prometheus " + prometheusUrl);
    }

    /**
     * {@code --context}: Prometheus (and Kiali with {@code --find-kiali}) found through the cluster; a port-forward
     * lives as long as the command.
     */
    private int throughCluster(ObserveSession session, Scenario scenario, List<LinkTarget> targets,
                               String token, SSLContext ca, Duration wait, Duration range) throws BadInput {
        TelemetryThroughCluster.Search search = new TelemetryThroughCluster.Search(context, namespace, portForward,
                findKiali);
        try (TelemetryThroughCluster found = TelemetryThroughCluster.find(ClusterAccess.connector.get(), search,
                ClusterAccess.portForwarder.get(), err::println)) {
            err.flush();
            String prometheusToken = token != null ? token : found.prometheusToken();
            return session.live(scenario, targets, new PrometheusClient(found.prometheus(),
                    new HttpSettings(prometheusToken, ca, wait, wait)), kiali(token, ca, wait, found.kiali()), range,
                    "Prometheus " + found.prometheus().describe());
        } catch (ClusterException e) {
            return ClusterAccess.fail(err, e);
        }
    }

    /** Kiali at --kiali URL, or at {@code found} (--find-kiali), or none. */
    private KialiClient kiali(String token, SSLContext ca, Duration wait, EndpointLocator found) throws BadInput {
        if (kialiUrl == null && found == null) {
            return null;
        }
        String kialiToken = kialiTokenFile == null ? token : ObserveArguments.token("--kiali-token-file",
                kialiTokenFile);
        SSLContext kialiCa = kialiCaFile == null ? ca : ObserveArguments.trust("--kiali-ca", kialiCaFile);
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
        return new KialiClient(found != null ? found : EndpointLocator.fixed(ObserveArguments.url("--kiali", kialiUrl)),
                kialiSettings, auth);
    }
}
