package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.egressstudio.bench.DesignerBenchmark;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.OutputFolder;
import io.egressstudio.io.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate -o DIR} killed (SIGKILL) while it writes: DIR is still the previous scenario, whole. */
class GenerateKilledTest {
    @TempDir
    Path dir;

    private static Map<String, String> tree(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    /** The hidden folder the new scenario is being written into, once it holds some files. */
    private long filesBeingWritten() throws IOException {
        try (Stream<Path> siblings = Files.list(dir)) {
            for (Path staging : siblings.filter(p -> p.getFileName().toString().startsWith(".out.egress-studio-new-"))
                    .toList()) {
                try (Stream<Path> files = Files.walk(staging)) {
                    return files.filter(Files::isRegularFile).count();
                }
            }
        }
        return 0;
    }

    @Test
    void aGenerateKilledWhileWritingLeavesThePreviousScenarioWhole() throws Exception {
        Path small = dir.resolve("small.yaml");
        ScenarioFile.save(BuiltInScenarios.get("2-federation"), small);
        Path large = dir.resolve("large.yaml");
        ScenarioFile.save(DesignerBenchmark.largeScenario(10, 60, 380, 2000), large);
        Path out = dir.resolve("out");
        assertThat(EgressStudioCommandTest.run("generate", small.toString(), "-o", out.toString(), "--layout", "script")
                .exit()).isZero();
        Map<String, String> before = tree(out);

        Process generate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.egressstudio.Launcher",
                "generate", large.toString(), "-o", out.toString(), "--layout", "script")
                .redirectErrorStream(true).redirectOutput(dir.resolve("generate.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2))
                    .until(() -> filesBeingWritten() >= 10 || !generate.isAlive());
            boolean caughtMidWay = generate.isAlive();
            generate.destroyForcibly().waitFor();

            Map<String, String> after = tree(out);
            if (caughtMidWay) {
                assertThat(after).as("killed while writing: the previous scenario, byte for byte").isEqualTo(before);
            } else {
                // it finished first: then the folder is the new scenario, and nothing of the previous one
                assertThat(after).containsKey(OutputFolder.MARKER).doesNotContainKeys(
                        before.keySet().stream().filter(f -> f.contains("remote-")).toArray(String[]::new));
            }
            assertThat(after.get("apply.sh")).isNotNull();
        } finally {
            generate.destroyForcibly();
        }
    }
}
