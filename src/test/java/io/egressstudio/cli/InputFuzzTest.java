package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated scenarios and manifests (from the built-in scenarios and the prediction fixtures) through {@code validate},
 * {@code generate} and {@code analyze}, in process: no exception may escape (an internal-error line is one), no run
 * may take over 5 s, every message names the file, and a file {@code validate} accepts must work with the other two.
 * {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.count=N} changes how many inputs it tries.
 */
class InputFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 21L);
    private static final int COUNT = Integer.getInteger("fuzz.count", 2000);
    private static final long LIMIT_MILLIS = 5_000;
    private static final String STILL_RUNNING = "still running after";
    private static final Path FIXTURES = Path.of("src/test/resources/predict");
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fuzz-runner");
        thread.setDaemon(true); // a hung command must not keep the test JVM alive
        return thread;
    });

    /** One command line for every run, as a shell would start the same program: building one takes longer than most runs. */
    private static final StringWriter OUT = new StringWriter();
    private static final StringWriter ERR = new StringWriter();
    private static final picocli.CommandLine COMMAND_LINE = EgressStudioCommand.commandLine(new PrintWriter(OUT, true),
            new PrintWriter(ERR, true));

    @TempDir
    Path folder;

    private record Run(String command, int exit, String out, String err, long millis) {
    }

    @AfterAll
    static void stopRunner() {
        RUNNER.shutdownNow();
    }

    @Test
    void mutatedInputsNeverCrashHangOrGoUnlocatedAndValidMeansUsable() throws Exception {
        List<String> seeds = seeds();
        Random random = new Random(SEED);
        YamlMutator mutator = new YamlMutator(random);
        Path input = folder.resolve("fuzzed-input.yaml");
        List<String> failures = new ArrayList<>();
        int[] analysed = {0};
        long started = System.nanoTime();
        for (int i = 0; i < COUNT && failures.size() < 5; i++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            YamlMutator.Mutant mutant = mutator.mutate(seed);
            Files.write(input, mutant.bytes());
            String problem = check(input, analysed);
            if (problem != null) {
                failures.add("input " + i + " (" + mutant.description() + "): " + problem + "\n--- input:\n"
                        + abbreviate(new String(mutant.bytes(), StandardCharsets.UTF_8)));
                if (problem.contains(STILL_RUNNING)) {
                    break; // the runner thread is stuck with it: every later run would only queue behind
                }
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(failures).as("fuzz seed %d (replay with -Dfuzz.seed=%d -Dfuzz.count=%d), %d s", SEED, SEED, COUNT,
                seconds).isEmpty();
        // mutants that every reader refuses would prove nothing about the analysis behind them
        assertThat(analysed[0]).as("inputs that analyze ran on, seed %d", SEED).isGreaterThan(COUNT / 5);
    }

    /** What is wrong with how the three commands treat the file, or null. */
    private static String check(Path input, int[] analysed) throws Exception {
        Run validate = run("validate", input.toString());
        Run generate = run("generate", input.toString());
        Run analyze = run("analyze", input.toString());
        if (analyze.exit() == 0) {
            analysed[0]++;
        }
        for (Run run : List.of(validate, generate, analyze)) {
            if (run.millis() > LIMIT_MILLIS) {
                return run.command() + " took " + run.millis() + " ms" + (run.exit() < 0 ? ", " + run.err() : "");
            }
            if (run.exit() != 0 && run.exit() != EgressStudioCommand.BAD_INPUT) {
                return run.command() + " exited " + run.exit() + ": " + run.err();
            }
            for (String line : run.err().lines().toList()) {
                if (!line.contains(input.toString())) {
                    return run.command() + " printed a message without the file name: " + line;
                }
            }
            if (run.exit() == EgressStudioCommand.BAD_INPUT && run.err().isBlank()) {
                return run.command() + " refused the file without a message";
            }
        }
        if (validate.exit() == 0 && (generate.exit() != 0 || analyze.exit() != 0)) {
            return "validate accepted the file, then generate exited " + generate.exit() + " and analyze "
                    + analyze.exit() + ": " + generate.err() + analyze.err();
        }
        return null;
    }

    private static Run run(String command, String file) throws Exception {
        OUT.getBuffer().setLength(0);
        ERR.getBuffer().setLength(0);
        long started = System.nanoTime();
        Future<Integer> exit = RUNNER.submit(() -> EgressStudioCommand.execute(COMMAND_LINE, command, file));
        try {
            int code = exit.get(LIMIT_MILLIS * 2, TimeUnit.MILLISECONDS);
            return new Run(command, code, OUT.toString(), ERR.toString(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (TimeoutException e) {
            return new Run(command, -1, "", STILL_RUNNING + " " + LIMIT_MILLIS * 2 + " ms", LIMIT_MILLIS * 2);
        } catch (ExecutionException e) {
            return new Run(command, -1, "", "threw " + e.getCause(), 0);
        }
    }

    /** The built-in scenarios and the prediction fixtures (manifests with their included files, and scenarios). */
    private static List<String> seeds() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String name : BuiltInScenarios.names()) {
            try (InputStream in = BuiltInScenarios.class.getResourceAsStream("/io/egressstudio/scenarios/" + name + ".yaml")) {
                seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                seeds.add(withIncludes(file));
            }
        }
        return seeds;
    }

    private static String withIncludes(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        String own = Files.readString(file);
        for (String line : own.lines().toList()) {
            if (line.startsWith("# Include:")) {
                text.append(Files.readString(FIXTURES.resolve(line.substring("# Include:".length()).strip())))
                        .append("\n---\n");
            }
        }
        return text.append(own).toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 3000 ? text : text.substring(0, 3000) + "\n[... " + (text.length() - 3000) + " more]";
    }
}
