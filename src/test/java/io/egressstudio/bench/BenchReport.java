package io.egressstudio.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw outputs of {@code bin/bench} (JMH's JSON, the designer harness's output, start-up timings, footprint
 * measurements) into {@code report.json} and {@code report.md}: every figure with its goal and the floor measured in
 * the same run, the number of runs, their median and spread. A figure whose measurement is missing stays in the report
 * as "not measured" (JSON null), never as an invented number.
 *
 * <pre>java -cp ... io.egressstudio.bench.BenchReport RAW_DIR OUT_DIR</pre>
 */
public final class BenchReport {
    static final String JMH_GENERATION = GenerationJmh.class.getName();
    static final String JMH_PREDICTION = PredictionJmh.class.getName();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {
    }

    /** A measured value: the median of its runs, and their lowest and highest. Null median: not measured. */
    public record Stat(Double median, Double min, Double max, int runs) {
        static final Stat NONE = new Stat(null, null, null, 0);

        static Stat of(List<Double> values) {
            if (values.isEmpty()) {
                return NONE;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Stat(median, sorted[0], sorted[n - 1], n);
        }

        boolean measured() {
            return median != null;
        }

        Double spread() {
            return measured() && min != null && max != null ? max - min : null;
        }
    }

    /**
     * One promise of issue #10. {@code goal} is the limit (null: informational), {@code atMost} whether lower is better;
     * {@code floor} is the reference measured in the same run (null where the figure is absolute).
     */
    public record Figure(String key, String title, Stat stat, String unit, Double goal, boolean atMost, Double floor,
                         String floorUnit, String floorLabel, String note) {
        Boolean met() {
            if (!stat.measured() || goal == null) {
                return null;
            }
            return atMost ? stat.median() <= goal : stat.median() >= goal;
        }
    }

    /** Everything a report holds. */
    public record Report(List<Figure> figures, Map<String, Stat> details, Map<String, String> detailUnits,
                         Map<String, Object> machine, Map<String, Object> run) {
    }

    public static void main(String[] args) throws IOException {
        Path raw = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Report report = read(raw);
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.json"), json(report));
        Files.writeString(out.resolve("report.md"), markdown(report));
    }

    /** Reads every raw file that exists in {@code raw}; missing ones leave their figures "not measured". */
    static Report read(Path raw) throws IOException {
        JsonNode jmh = jmhResults(raw);
        List<String> startup = lines(raw.resolve("startup.txt"));
        List<String> designer = lines(raw.resolve("designer.log"));
        Properties footprint = properties(raw.resolve("footprint.properties"));
        Properties run = properties(raw.resolve("run.properties"));

        Map<String, Stat> details = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        List<Figure> figures = new ArrayList<>();

        // start-up: interleaved runs of the app and the bare window, each timed from exec to exit after the first frame
        List<Double> app = startupTimes(startup, "app");
        List<Double> bare = startupTimes(startup, "bare");
        Stat appStat = Stat.of(app);
        Stat bareStat = Stat.of(bare);
        detail(details, units, "startup_app_ms", appStat, "ms");
        detail(details, units, "startup_bare_window_ms", bareStat, "ms");
        figures.add(new Figure("startup_ratio", "Cold start to the first painted window, app / bare JavaFX window",
                ratio(appStat, bareStat, pairedRatios(app, bare)), "x", 1.3, true, bareStat.median(), "ms",
                "bare JavaFX window, same JVM, classpath and display", run.getProperty("startup_note")));

        // generation: JMH, per fork
        Stat generate = Stat.of(forkScores(jmh, JMH_GENERATION + ".generateAndWrite", null));
        Stat plain = Stat.of(forkScores(jmh, JMH_GENERATION + ".plainJackson", null));
        detail(details, units, "generate_ms", generate, "ms");
        detail(details, units, "plain_jackson_ms", plain, "ms");
        figures.add(new Figure("generate_ratio", "Generate + write 2,000 external services in 20 meshes, / plain Jackson",
                ratio(generate, plain, pairedRatios(forkScores(jmh, JMH_GENERATION + ".generateAndWrite", null),
                        forkScores(jmh, JMH_GENERATION + ".plainJackson", null))),
                "x", 1.5, true, plain.median(), "ms", "plain Jackson YAML of the same objects", null));

        // prediction: JMH, one request per operation, at 1x / 10x / 100x unrelated resources
        List<Double> p1 = forkScores(jmh, JMH_PREDICTION + ".predictOne", "1");
        List<Double> p10 = forkScores(jmh, JMH_PREDICTION + ".predictOne", "10");
        List<Double> p100 = forkScores(jmh, JMH_PREDICTION + ".predictOne", "100");
        Stat s1 = Stat.of(p1);
        Stat s10 = Stat.of(p10);
        Stat s100 = Stat.of(p100);
        detail(details, units, "predict_us_per_request_1x", s1, "us");
        detail(details, units, "predict_us_per_request_10x", s10, "us");
        detail(details, units, "predict_us_per_request_100x", s100, "us");
        detail(details, units, "predict_growth_10x", ratio(s10, s1, pairedRatios(p10, p1)), "x");
        figures.add(new Figure("predict_growth_100x", "Cost per prediction at 100x unrelated resources / at 1x",
                ratio(s100, s1, pairedRatios(p100, p1)), "x", 2.0, true, s1.median(), "us",
                "cost per request at 1x (1,000 unrelated objects)", null));
        figures.add(new Figure("predict_requests_per_s", "Predictions per second (1x, one thread)",
                Stat.of(p1.stream().map(us -> 1e6 / us).toList()), "requests/s", null, false, null, null, null,
                "no goal set by the issue; informational"));

        // designer: parsed from DesignerBenchmark's machine-readable lines (one per run)
        Stat frame = Stat.of(designerValues(designer, "canvas_frame_ms_median"));
        Stat edit = Stat.of(designerValues(designer, "edit_refresh_ms"));
        Stat gap = Stat.of(designerValues(designer, "pulse_gap_ms_max"));
        detail(details, units, "pulse_gap_ms_max", gap, "ms");
        detail(details, units, "edit_refresh_builtin_ms", Stat.of(designerValues(designer, "edit_refresh_builtin_ms")),
                "ms");
        String designerNote = frame.measured() ? run.getProperty("designer_note")
                : "not measured: DesignerBenchmark printed no canvas_frame_ms_median= line";
        figures.add(new Figure("canvas_frame_ms_median", "Canvas frame time while panning 1,000 nodes / 2,000 links (median)",
                frame, "ms", 16.0, true, null, null, null, designerNote));
        figures.add(new Figure("edit_refresh_ms", "Edit -> YAML and predictions refreshed, 1,000-node scenario (median)",
                edit, "ms", 100.0, true, null, null, null, edit.measured() ? null
                        : "not measured: DesignerBenchmark printed no edit_refresh_ms= line"));

        // footprint
        Stat image = Stat.of(numbers(footprint.getProperty("app_image_mb")));
        detail(details, units, "app_image_runtime_mb", Stat.of(numbers(footprint.getProperty("runtime_mb"))), "MB");
        detail(details, units, "app_image_jars_mb", Stat.of(numbers(footprint.getProperty("app_jars_mb"))), "MB");
        figures.add(new Figure("app_image_mb", "App-image size (target/dist/egress-studio)", image, "MB", 90.0, true,
                null, null, null, footprint.getProperty("app_image_note")));
        Stat rss = Stat.of(numbers(footprint.getProperty("idle_rss_mb")));
        figures.add(new Figure("idle_rss_mb", "Idle resident memory, app-image with the 1,000-node scenario open", rss,
                "MB", 300.0, true, null, null, null, footprint.getProperty("idle_rss_note")));

        Map<String, Object> runInfo = new LinkedHashMap<>();
        for (String name : run.stringPropertyNames().stream().sorted().toList()) {
            runInfo.put(name, run.getProperty(name));
        }
        String started = run.getProperty("started_epoch_s");
        if (started != null) {
            runInfo.put("duration_s", Instant.now().getEpochSecond() - Long.parseLong(started.trim()));
        }
        return new Report(figures, details, units, machine(), runInfo);
    }

    /** The machine the figures came from. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstMatch(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.+)"));
        String memKb = firstMatch(Path.of("/proc/meminfo"), "MemTotal:\\s*(\\d+) kB");
        m.put("memory_gib", memKb == null ? null : round(Long.parseLong(memKb) / 1024.0 / 1024.0, 3));
        m.put("jdk", System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("load_average_at_report", firstMatch(Path.of("/proc/loadavg"), "^(\\S+ \\S+ \\S+)"));
        return m;
    }

    static String json(Report report) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        for (Figure f : report.figures()) {
            put(root, f.key(), f.stat().median());
            put(root, f.key() + "_goal", f.goal());
            put(root, f.key() + "_floor", f.floor());
        }
        ArrayNode figures = root.putArray("figures");
        for (Figure f : report.figures()) {
            ObjectNode node = figures.addObject();
            node.put("key", f.key());
            node.put("title", f.title());
            put(node, "value", f.stat().median());
            node.put("unit", f.unit());
            put(node, "goal", f.goal());
            node.put("goal_is", f.goal() == null ? null : f.atMost() ? "at most" : "at least");
            put(node, "floor", f.floor());
            node.put("floor_unit", f.floorUnit());
            node.put("floor_is", f.floorLabel());
            node.put("runs", f.stat().runs());
            put(node, "min", f.stat().min());
            put(node, "max", f.stat().max());
            put(node, "spread", f.stat().spread());
            Boolean met = f.met();
            if (met == null) {
                node.putNull("met");
            } else {
                node.put("met", met);
            }
            node.put("status", !f.stat().measured() ? "not measured" : met == null ? "informational" : met ? "met" : "missed");
            node.put("note", f.note());
        }
        ObjectNode details = root.putObject("details");
        report.details().forEach((name, stat) -> {
            ObjectNode node = details.putObject(name);
            put(node, "value", stat.median());
            node.put("unit", report.detailUnits().get(name));
            node.put("runs", stat.runs());
            put(node, "min", stat.min());
            put(node, "max", stat.max());
        });
        root.set("machine", JSON.valueToTree(report.machine()));
        root.set("run", JSON.valueToTree(report.run()));
        return JSON.writeValueAsString(root) + "\n";
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder("# Egress Studio benchmarks\n\n");
        Map<String, Object> run = report.run();
        Map<String, Object> m = report.machine();
        md.append(String.format(Locale.ROOT, "Run %s, commit %s, took %s. Machine: %s cores (%s), %s GiB, %s, %s; load "
                        + "average %s at start, %s at the end.%n%n",
                run.getOrDefault("started_utc", "?"), run.getOrDefault("commit", "?"), duration(run.get("duration_s")),
                m.get("cores"), m.get("cpu"), m.get("memory_gib"), m.get("jdk"), m.get("os"),
                run.getOrDefault("load_average_at_start", "?"), m.get("load_average_at_report")));
        md.append("| figure | value | goal | floor (same run) | runs | min – max | |\n");
        md.append("|---|---:|---:|---|---:|---|---|\n");
        for (Figure f : report.figures()) {
            Stat s = f.stat();
            Boolean met = f.met();
            md.append("| `").append(f.key()).append("` ").append(f.title())
                    .append(" | ").append(s.measured() ? number(s.median()) + " " + f.unit() : "not measured")
                    .append(" | ").append(f.goal() == null ? "–" : (f.atMost() ? "≤ " : "≥ ") + number(f.goal()) + " " + f.unit())
                    .append(" | ").append(f.floor() == null ? "–" : f.floorLabel() + ": " + number(f.floor()) + " " + f.floorUnit())
                    .append(" | ").append(s.runs())
                    .append(" | ").append(s.spread() != null ? number(s.min()) + " – " + number(s.max()) : "–")
                    .append(" | ").append(!s.measured() ? "not measured" : met == null ? "info" : met ? "met" : "**missed**")
                    .append(" |\n");
        }
        List<Figure> noted = report.figures().stream().filter(f -> f.note() != null && !f.note().isBlank()).toList();
        if (!noted.isEmpty()) {
            md.append("\nNotes:\n\n");
            for (Figure f : noted) {
                md.append("- `").append(f.key()).append("`: ").append(f.note()).append('\n');
            }
        }
        md.append("\n## Details\n\n| measurement | median | runs | min – max |\n|---|---:|---:|---|\n");
        report.details().forEach((name, s) -> md.append("| `").append(name).append("` | ")
                .append(s.measured() ? number(s.median()) + " " + report.detailUnits().get(name) : "not measured")
                .append(" | ").append(s.runs()).append(" | ")
                .append(s.measured() ? number(s.min()) + " – " + number(s.max()) : "–").append(" |\n"));
        md.append("\nValues are medians over runs (JMH: one run = one round of one fork per benchmark, the mean of its "
                + "measured iterations; start-up: one run = one process of each, back to back; designer: one run = one "
                + "harness process). A ratio is the median of the per-run ratios (run i of the figure over run i of its "
                + "floor, measured side by side); min – max are over the runs.\n");
        return md.toString();
    }

    // ---- parsing

    /** JMH's results: {@code jmh.json}, then {@code jmh-1.json}, {@code jmh-2.json}, ... (one file per round) in order. */
    static ArrayNode jmhResults(Path raw) throws IOException {
        ArrayNode all = JSON.createArrayNode();
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(raw.resolve("jmh.json"))) {
            files.add(raw.resolve("jmh.json"));
        }
        for (int round = 1; Files.isRegularFile(raw.resolve("jmh-" + round + ".json")); round++) {
            files.add(raw.resolve("jmh-" + round + ".json"));
        }
        for (Path file : files) {
            if (Files.size(file) > 0) {
                JSON.readTree(file.toFile()).forEach(all::add);
            }
        }
        return all;
    }

    /** The per-fork means of one JMH benchmark (optionally with {@code scale} = param), in fork order. */
    static List<Double> forkScores(JsonNode jmh, String benchmark, String scale) {
        List<Double> scores = new ArrayList<>();
        for (JsonNode result : jmh) {
            if (!benchmark.equals(result.path("benchmark").asText())) {
                continue;
            }
            if (scale != null && !scale.equals(result.path("params").path("scale").asText())) {
                continue;
            }
            for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
                double sum = 0;
                for (JsonNode iteration : fork) {
                    sum += iteration.asDouble();
                }
                if (fork.size() > 0) {
                    scores.add(sum / fork.size());
                }
            }
        }
        return scores;
    }

    /** {@code app WALL_MS [UPTIME_MS]} / {@code bare WALL_MS [UPTIME_MS]} lines; failed runs are not written. */
    static List<Double> startupTimes(List<String> lines, String which) {
        List<Double> times = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2 && parts[0].equals(which)) {
                times.add(Double.parseDouble(parts[1]));
            }
        }
        return times;
    }

    private static final Pattern DESIGNER_LINE = Pattern.compile("^([a-z_0-9]+)=([0-9]+(?:\\.[0-9]+)?)\\s*$");

    /** Every {@code KEY=NUMBER} line of the designer harness's output for {@code key} (one per harness run). */
    static List<Double> designerValues(List<String> lines, String key) {
        List<Double> values = new ArrayList<>();
        for (String line : lines) {
            Matcher m = DESIGNER_LINE.matcher(line.trim());
            if (m.matches() && m.group(1).equals(key)) {
                values.add(Double.parseDouble(m.group(2)));
            }
        }
        return values;
    }

    static List<Double> numbers(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Double::parseDouble).toList();
    }

    /**
     * A figure over its floor: the median of the ratios of runs made side by side (run i of each), which cancels the
     * machine's load better than a ratio of two medians taken minutes apart; that ratio when runs cannot be paired.
     */
    private static Stat ratio(Stat value, Stat floor, List<Double> paired) {
        if (!value.measured() || !floor.measured() || floor.median() == 0) {
            return Stat.NONE;
        }
        if (paired.isEmpty()) {
            return new Stat(value.median() / floor.median(), null, null, 0);
        }
        return Stat.of(paired);
    }

    private static List<Double> pairedRatios(List<Double> values, List<Double> floors) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(values.size(), floors.size()); i++) {
            ratios.add(values.get(i) / floors.get(i));
        }
        return ratios;
    }

    private static void detail(Map<String, Stat> details, Map<String, String> units, String name, Stat stat, String unit) {
        details.put(name, stat);
        units.put(name, unit);
    }

    private static void put(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, round(value, 4));
        }
    }

    static double round(double value, int significant) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(significant)).doubleValue();
    }

    private static String number(double value) {
        double r = round(value, 3);
        if (Math.abs(r) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", r);
        }
        return new java.math.BigDecimal(r).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String duration(Object seconds) {
        if (seconds == null) {
            return "?";
        }
        Duration d = Duration.of(((Number) seconds).longValue(), ChronoUnit.SECONDS);
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            p.load(new StringReader(Files.readString(file)));
        }
        return p;
    }

    private static String firstMatch(Path file, String regex) {
        try {
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file));
            return m.find() ? m.group(1).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
