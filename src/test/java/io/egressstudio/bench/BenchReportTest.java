package io.egressstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report writer of {@code bin/bench}, on raw outputs written by hand (no measuring here). */
class BenchReportTest {
    static final List<String> KEYS = List.of("startup_ratio", "generate_ratio", "predict_growth_100x",
            "predict_requests_per_s", "canvas_frame_ms_median", "edit_refresh_ms", "app_image_mb", "idle_rss_mb");

    @TempDir
    Path raw;
    @TempDir
    Path out;

    @Test
    void everyFigureIsANumberBesideItsGoalAndFloor() throws Exception {
        writeRaw(true);

        BenchReport.main(new String[] {raw.toString(), out.toString()});

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (String key : KEYS) {
            assertThat(json.get(key).isNumber()).as(key).isTrue();
            assertThat(json.has(key + "_goal")).as(key + "_goal").isTrue();
            assertThat(json.has(key + "_floor")).as(key + "_floor").isTrue();
        }
        // medians of the runs, and ratios of medians to the floor measured in the same run
        assertThat(json.get("startup_ratio").asDouble()).isEqualTo(1500.0 / 1000.0);
        assertThat(json.get("startup_ratio_floor").asDouble()).isEqualTo(1000.0);
        assertThat(json.get("startup_ratio_goal").asDouble()).isEqualTo(1.3);
        assertThat(json.get("generate_ratio").asDouble()).isEqualTo(120.0 / 100.0);
        assertThat(json.get("generate_ratio_floor").asDouble()).isEqualTo(100.0);
        assertThat(json.get("predict_growth_100x").asDouble()).isEqualTo(3.0 / 2.0);
        assertThat(json.get("predict_requests_per_s").asDouble()).isEqualTo(500_000.0);
        assertThat(json.get("predict_requests_per_s_goal").isNull()).isTrue();
        assertThat(json.get("canvas_frame_ms_median").asDouble()).isEqualTo(13.0);
        assertThat(json.get("edit_refresh_ms").asDouble()).isEqualTo(150.0);
        assertThat(json.get("app_image_mb").asDouble()).isEqualTo(98.0);
        assertThat(json.get("idle_rss_mb").asDouble()).isEqualTo(290.0);

        JsonNode figures = json.get("figures");
        assertThat(figures).hasSize(KEYS.size());
        for (JsonNode figure : figures) {
            assertThat(figure.fieldNames()).toIterable().contains("key", "value", "goal", "floor", "unit", "runs",
                    "spread", "met", "status");
        }
        JsonNode startup = figure(json, "startup_ratio");
        assertThat(startup.get("runs").asInt()).isEqualTo(3);
        assertThat(startup.get("min").asDouble()).isEqualTo(1.4);
        assertThat(startup.get("max").asDouble()).isEqualTo(1.6);
        assertThat(startup.get("status").asText()).isEqualTo("missed");
        assertThat(figure(json, "generate_ratio").get("status").asText()).isEqualTo("met");
        assertThat(figure(json, "edit_refresh_ms").get("status").asText()).isEqualTo("missed");
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        assertThat(json.get("details").get("predict_us_per_request_10x").get("value").asDouble()).isEqualTo(2.5);

        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("`startup_ratio`", "1.5 x", "≤ 1.3 x", "bare JavaFX window", "**missed**",
                "`idle_rss_mb`", "290 MB");
    }

    @Test
    void aMissingDesignerLineIsReportedAsNotMeasured() throws Exception {
        writeRaw(false);

        BenchReport.main(new String[] {raw.toString(), out.toString()});

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("canvas_frame_ms_median").isNull()).isTrue();
        assertThat(json.get("canvas_frame_ms_median_goal").asDouble()).isEqualTo(16.0);
        assertThat(figure(json, "canvas_frame_ms_median").get("status").asText()).isEqualTo("not measured");
        assertThat(figure(json, "canvas_frame_ms_median").get("note").asText()).contains("not measured");
        assertThat(json.get("startup_ratio").isNumber()).isTrue();
        assertThat(Files.readString(out.resolve("report.md"))).contains("not measured");
    }

    private static JsonNode figure(JsonNode json, String key) {
        for (JsonNode figure : json.get("figures")) {
            if (figure.get("key").asText().equals(key)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + key);
    }

    private void writeRaw(boolean designerLines) throws Exception {
        String gen = BenchReport.JMH_GENERATION;
        String pred = BenchReport.JMH_PREDICTION;
        // three rounds of one fork each, as bin/bench runs them; a ratio pairs the forks of one round
        double[][] rounds = {{110, 130, 100, 100, 2, 2, 2.5, 3}, {120, 120, 90, 110, 2, 2, 2.5, 3},
                {125, 135, 105, 105, 1.5, 2.5, 2.5, 3}};
        for (int r = 0; r < rounds.length; r++) {
            double[] v = rounds[r];
            Files.writeString(raw.resolve("jmh-" + (r + 1) + ".json"), """
                    [
                     {"benchmark": "%1$s.generateAndWrite", "params": null,
                      "primaryMetric": {"score": 0, "rawData": [[%3$s, %4$s]]}},
                     {"benchmark": "%1$s.plainJackson", "primaryMetric": {"rawData": [[%5$s, %6$s]]}},
                     {"benchmark": "%2$s.predictOne", "params": {"scale": "1"}, "primaryMetric": {"rawData": [[%7$s, %8$s]]}},
                     {"benchmark": "%2$s.predictOne", "params": {"scale": "10"}, "primaryMetric": {"rawData": [[%9$s]]}},
                     {"benchmark": "%2$s.predictOne", "params": {"scale": "100"}, "primaryMetric": {"rawData": [[%10$s]]}}
                    ]
                    """.formatted(gen, pred, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        }
        Files.writeString(raw.resolve("startup.txt"), """
                bare 1000 800
                app 1600 1400
                bare 1000 810
                app 1500 1300
                bare 1000 790
                app 1400 1200
                """);
        Files.writeString(raw.resolve("designer.log"), designerLines ? """
                pan frame time, zoom 100%: median 12.3 ms
                canvas_frame_ms_median=12.0
                edit_refresh_ms=140.0
                pulse_gap_ms_max=900.5
                canvas_frame_ms_median=14.0
                edit_refresh_ms=160.0
                pulse_gap_ms_max=1000
                """ : "pan frame time, zoom 100%: median 12.3 ms\n");
        Files.writeString(raw.resolve("footprint.properties"), """
                app_image_mb=98
                runtime_mb=48
                app_jars_mb=50
                idle_rss_mb=280,290,300
                """);
        Files.writeString(raw.resolve("run.properties"), "started_epoch_s=1\ncommit=abc\n");
    }
}
