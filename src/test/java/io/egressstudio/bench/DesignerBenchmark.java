package io.egressstudio.bench;

import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.DesignerApp;
import io.egressstudio.gui.MainView;
import io.egressstudio.gui.canvas.CanvasViewModel;
import io.egressstudio.gui.document.Edit;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Origination;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.PortProtocol;
import io.egressstudio.model.Resolution;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Server;
import io.egressstudio.model.ServicePort;
import io.egressstudio.model.TlsMode;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Designer figures (a harness, not a test). Prints: the median and 95th-percentile frame time while panning a
 * generated 1,000-node / 2,000-link scenario (pulses run at full speed, so a frame lasts as long as the FX thread and
 * the renderer need); the time from an edit to the predictions and the YAML refreshed, for every built-in scenario and
 * for the large one; and the longest gap between FX pulses while editing (the FX thread blocked).
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" io.egressstudio.bench.DesignerBenchmark
 * </pre>
 * Without a DISPLAY it runs on headless Monocle with the software renderer; under {@code xvfb-run -a} on GTK.
 * Lines for scripts (bin/bench): {@code canvas_frame_ms_median=} (the slower of the two pans),
 * {@code edit_refresh_ms=} (the large scenario's median edit → predictions and YAML), {@code edit_refresh_builtin_ms=}
 * (the slowest built-in scenario's median) and {@code pulse_gap_ms_max=} (all edit loops).
 * A run that times out exits with status 1 instead of leaving the toolkit running.
 */
public final class DesignerBenchmark {
    private static final int PAN_FRAMES = 300;
    private static final int EDITS = 12;
    /** {@code -Dbench.verbose=true}: every pulse gap over 40 ms with the JVM uptime, to set beside {@code -Xlog:gc}. */
    private static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");

    private DesignerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        } finally {
            Platform.exit();
        }
    }

    private static void run() throws Exception {
        if (System.getenv("DISPLAY") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", "1600x1000-32");
        }
        System.setProperty("javafx.animation.fullspeed", "true");
        System.setProperty("egressstudio.home", System.getProperty("java.io.tmpdir") + "/egress-studio-bench");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Scenario large = largeScenario(10, 60, 380, 2000);
        System.out.printf("large scenario: %d nodes, %d links (%s glass)%n", large.meshes().size() + large.workloads().size()
                + large.egressGateways().size() + large.externalServices().size(), large.links().size(),
                System.getProperty("glass.platform", "default"));

        MainView view = onFx(() -> {
            Stage stage = new Stage();
            MainView v = DesignerApp.show(stage, large);
            // sized to the screen: a window larger than the headless screen overflows Monocle's buffer
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(Math.min(1280, screen.getWidth()));
            stage.setHeight(Math.min(800, screen.getHeight()));
            return v;
        });
        MainViewModel vm = view.viewModel();
        waitFor(() -> vm.analysis() != null && vm.analysis().scenario() == vm.shown(), 120);
        System.out.printf("large: first analysis (generate %d resources, YAML, %d predictions, %d findings) %.0f ms%n",
                vm.analysis().resources().applicable().size(), vm.analysis().predictions().size(),
                vm.analysis().findings().size(), vm.analysis().nanos() / 1e6);

        PulseRecorder pulses = new PulseRecorder();
        onFx(() -> {
            pulses.start();
            return null;
        });
        long panPart = pan(view.canvasViewModel(), pulses, 1.0, "zoom 100% (part of the diagram visible)");
        onFx(() -> {
            view.fit();
            return null;
        });
        long panAll = pan(view.canvasViewModel(), pulses, view.canvasViewModel().zoomProperty().get(),
                "fit (all 3,000 shapes visible)");

        long[] largeEdits = editLoop("large", view, pulses);
        // the same edits again, once the JIT has compiled the edit path: how a longer session goes (printed only;
        // its pulse gaps count in pulse_gap_ms_max like every loop's)
        long[] largeAgain = editLoop("large-again", view, pulses);
        long maxGap = Math.max(largeEdits[1], largeAgain[1]);
        // machine-readable lines for bin/bench (BenchReport), printed as soon as known so that a failure in the
        // built-in scenarios below cannot lose them: the slower of the two pans, and the large scenario's edit until
        // both predictions and YAML are refreshed
        System.out.printf(java.util.Locale.ROOT, "canvas_frame_ms_median=%.1f%nedit_refresh_ms=%.1f%n",
                Math.max(panPart, panAll) / 1e6, largeEdits[0] / 1e6);
        long builtInRefresh = 0;
        for (String name : BuiltInScenarios.names()) {
            onFx(() -> {
                vm.replace(BuiltInScenarios.get(name), null);
                return null;
            });
            waitFor(() -> vm.analysis() != null && vm.analysis().scenario() == vm.shown(), 60);
            long[] small = editLoop(name, view, pulses);
            maxGap = Math.max(maxGap, small[1]);
            builtInRefresh = Math.max(builtInRefresh, small[0]);
        }
        System.out.printf(java.util.Locale.ROOT, "edit_refresh_builtin_ms=%.1f%n", builtInRefresh / 1e6);
        // the longest FX pulse gap of all edit loops (bin/bench)
        System.out.printf(java.util.Locale.ROOT, "pulse_gap_ms_max=%.1f%n", maxGap / 1e6);
    }

    /** Pans one frame at a time and records the frame times. */
    private static long pan(CanvasViewModel canvas, PulseRecorder pulses, double zoom, String label) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Long> frames = new ArrayList<>();
        onFx(() -> {
            canvas.zoomProperty().set(zoom);
            new AnimationTimer() {
                private long last;
                private int n;

                @Override
                public void handle(long now) {
                    if (last != 0 && n > 20) {
                        frames.add(now - last);
                    }
                    last = now;
                    canvas.panBy(n % 100 < 50 ? -6 : 6, n % 60 < 30 ? -3 : 3);
                    if (++n > PAN_FRAMES + 20) {
                        stop();
                        done.countDown();
                    }
                }
            }.start();
            return null;
        });
        done.await(120, TimeUnit.SECONDS);
        long[] f = frames.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("pan frame time, %s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d frames)%n",
                label, percentile(f, 50) / 1e6, percentile(f, 95) / 1e6, percentile(f, 100) / 1e6, f.length);
        return percentile(f, 50);
    }

    /**
     * Flips the first mesh's outbound policy, waits for predictions and YAML, repeats. Returns the median time until
     * predictions and YAML are both refreshed, and the longest pulse gap (ns).
     */
    private static long[] editLoop(String name, MainView view, PulseRecorder pulses) throws Exception {
        MainViewModel vm = view.viewModel();
        if (vm.shown().meshes().isEmpty()) {
            return new long[] {0, 0};
        }
        long[] predictions = new long[EDITS];
        long[] yaml = new long[EDITS];
        long[] pipeline = new long[EDITS];
        pulses.resetMaxGap();
        if (VERBOSE) {
            System.out.printf("  edit loop %s from uptime %.3f s%n", name,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        }
        for (int i = 0; i < EDITS; i++) {
            AtomicReference<Long> start = new AtomicReference<>();
            onFx(() -> {
                Mesh m = vm.shown().meshes().get(0);
                OutboundPolicy next = m.outboundPolicy() == OutboundPolicy.ALLOW_ANY ? OutboundPolicy.REGISTRY_ONLY
                        : OutboundPolicy.ALLOW_ANY;
                start.set(System.nanoTime());
                vm.edit(Edit.of("flip", s -> ScenarioEdits.replace(s, m.id(), m.withOutboundPolicy(next))));
                return null;
            });
            waitFor(() -> vm.analysis() != null && vm.analysis().scenario() == vm.shown(), 60);
            predictions[i] = System.nanoTime() - start.get();
            pipeline[i] = vm.analysis().nanos();
            // YAML is written after the predictions (of this analysis), so its time covers both
            waitFor(() -> view.yamlViewModel().writtenProperty().get() == vm.analysis(), 60);
            yaml[i] = System.nanoTime() - start.get();
        }
        System.out.printf("edit -> predictions %-20s median %6.1f ms, max %6.1f ms; -> YAML median %6.1f ms; "
                        + "longest FX pulse gap %5.1f ms; of which the design pipeline median %6.1f ms%n", name,
                percentile(predictions, 50) / 1e6, percentile(predictions, 100) / 1e6, percentile(yaml, 50) / 1e6,
                pulses.maxGap() / 1e6, percentile(pipeline, 50) / 1e6);
        return new long[] {percentile(yaml, 50), pulses.maxGap()};
    }

    /** Records the longest interval between two pulses. */
    private static final class PulseRecorder extends AnimationTimer {
        private long last;
        private long lastCpu;
        private volatile long maxGap;

        @Override
        public void handle(long now) {
            if (last != 0) {
                maxGap = Math.max(maxGap, now - last);
                if (VERBOSE && now - last > TimeUnit.MILLISECONDS.toNanos(40)) {
                    System.out.printf("  pulse gap %.1f ms (FX thread on CPU %.1f ms) ending at uptime %.3f s%n",
                            (now - last) / 1e6, (cpu() - lastCpu) / 1e6,
                            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
                }
            }
            last = now;
            lastCpu = VERBOSE ? cpu() : 0;
        }

        private static long cpu() {
            return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }

        /** Starts a new maximum; the gap running now still counts (the next edit may block before the next pulse). */
        void resetMaxGap() throws Exception {
            onFx(() -> {
                maxGap = 0;
                return null;
            });
        }

        long maxGap() {
            return maxGap;
        }
    }

    public static Scenario largeScenario(int meshes, int workloadsPerMesh, int services, int links) {
        List<Mesh> ms = new ArrayList<>();
        List<Workload> ws = new ArrayList<>();
        List<EgressGateway> gs = new ArrayList<>();
        List<ExternalService> es = new ArrayList<>();
        List<Link> ls = new ArrayList<>();
        for (int m = 0; m < meshes; m++) {
            List<String> members = List.of("m" + m + "-a", "m" + m + "-b", "m" + m + "-c");
            ms.add(new Mesh("mesh-" + m, "basic", "istio-system-" + m, null,
                    m % 2 == 0 ? OutboundPolicy.ALLOW_ANY : OutboundPolicy.REGISTRY_ONLY, false, true, members, null,
                    null, null));
            gs.add(new EgressGateway("egress-" + m, "mesh-" + m, null, null, null));
            for (int w = 0; w < workloadsPerMesh; w++) {
                ws.add(new Workload("w-" + m + "-" + w, members.get(w % 3), "app-" + m + "-" + w, List.of(8080), true, null));
            }
        }
        for (int s = 0; s < services; s++) {
            es.add(new ExternalService("svc-" + s, "svc-" + s, "m" + (s % meshes) + "-a", List.of("svc-" + s + ".example.com"),
                    List.of(new ServicePort(80, null, PortProtocol.HTTP, null)), null, Resolution.DNS, null, null,
                    s % 3 != 0, Server.plaintext()));
        }
        for (int l = 0; l < links; l++) {
            Workload from = ws.get(l % ws.size());
            int mesh = (l % ws.size()) / workloadsPerMesh;
            String to = "svc-" + ((l * 7 + l / ws.size()) % services);
            boolean via = l % 5 == 0;
            ls.add(new Link("l-" + l, from.id(), to, AppProtocol.HTTP, 80, "/", via ? "egress-" + mesh : null,
                    via ? Origination.of(TlsMode.ISTIO_MUTUAL) : null, null, null, null));
        }
        return new Scenario("large", "1,000 nodes / 2,000 links", null, null, ms, ws, gs, es, ls, null, null, null, Map.of());
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(call.call());
            } catch (Exception e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Checks the condition on the FX thread every millisecond. Not a spin: a check queued back to back would keep the
     * FX thread and a core busy with this harness, which a user's machine does not have, and lengthen both figures.
     */
    private static void waitFor(Condition condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(condition::holds)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
