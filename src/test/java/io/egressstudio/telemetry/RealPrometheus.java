package io.egressstudio.telemetry;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Prometheus (the Debian package's {@code prometheus} binary) for one test class: started on a free
 * 127.0.0.1 port with a temporary config and storage folder, scraping a {@link FakeIstioExporter} every second,
 * waited for on {@code /-/ready}, and stopped after the class. {@link #stop()} and {@link #start()} take it down and
 * bring it back on the same port with the same data, as an outage would.
 *
 * <p>Timing (../shared/design/STACK.md §7): Prometheus scrapes for the first time about 5 s after it starts, and
 * {@code rate()} needs two samples, so {@link #awaitRates(int)} waits up to 30 s.
 */
public final class RealPrometheus implements BeforeAllCallback, AfterAllCallback {
    static final String BINARY_PROPERTY = "prometheus.binary";

    private final FakeIstioExporter exporter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path folder;
    private int port;
    private Process process;
    private Thread shutdownHook;

    public RealPrometheus() {
        try {
            exporter = new FakeIstioExporter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakeIstioExporter exporter() {
        return exporter;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The prometheus binary: -Dprometheus.binary, $PROMETHEUS_BINARY, then the PATH. */
    static Path binary() {
        String configured = System.getProperty(BINARY_PROPERTY, System.getenv("PROMETHEUS_BINARY"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : (path + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no 'prometheus' binary on the PATH: these tests need a real Prometheus "
                + "(Debian: apt-get install -y --no-install-recommends prometheus; .ci/run installs it), or "
                + "-D" + BINARY_PROPERTY + "=/path/to/prometheus");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("egress-studio-prometheus");
        Files.writeString(folder.resolve("prometheus.yml"), String.join("\n",
                "global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}",
                "scrape_configs:",
                "  - job_name: fake-istio",
                "    static_configs: [{targets: ['" + exporter.target() + "']}]", ""), StandardCharsets.UTF_8);
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        shutdownHook = new Thread(this::kill, "stop-test-prometheus");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        start();
    }

    /** Starts Prometheus (again) on the same port and data folder, and waits until it is ready. */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(binary().toString(),
                "--config.file=" + folder.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + folder.resolve("data"),
                "--storage.tsdb.retention.time=1h",
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("prometheus.log").toFile()));
        process = builder.start();
        try {
            await("Prometheus ready on 127.0.0.1:" + port).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("Prometheus exited; see its log:\n" + log(), () -> !process.isAlive())
                    .until(this::ready);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    /** Stops Prometheus (SIGTERM, then SIGKILL) and waits until it is gone. */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
        }
    }

    boolean ready() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url().resolve("/-/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Raw PromQL, for the tests' own waiting. */
    List<PrometheusClient.Sample> query(String promql) {
        try {
            return new PrometheusClient(url(), HttpSettings.defaults()).query(promql);
        } catch (TelemetryException e) {
            return List.of();
        }
    }

    /**
     * Waits until {@code series} growing series have a rate above zero (every counter of the exporter with a step
     * has been scraped at least twice).
     */
    public void awaitRates(int series) {
        await("Prometheus has rates for " + series + " growing series").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> growingSeries() >= series);
    }

    /** How many Istio series have a rate above zero (one query per counter: rate() drops the metric's name). */
    public int growingSeries() {
        int count = 0;
        for (String counter : List.of(FakeIstioExporter.REQUESTS, FakeIstioExporter.TCP_OPENED,
                FakeIstioExporter.TCP_CLOSED)) {
            List<PrometheusClient.Sample> r = query("count(rate(" + counter + "[1m]) > 0)");
            count += r.isEmpty() ? 0 : (int) r.get(0).value();
        }
        return count;
    }

    String log() {
        try {
            return Files.readString(folder.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
        exporter.close();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already; the hook runs anyway
            }
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
