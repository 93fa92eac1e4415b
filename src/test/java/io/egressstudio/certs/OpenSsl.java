package io.egressstudio.certs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The openssl CLI, driven with ProcessBuilder: every wait has a timeout, nothing sleeps. */
final class OpenSsl {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    record Result(int exit, String output) {
    }

    private OpenSsl() {
    }

    /** Runs {@code openssl args...} in {@code dir} with stdin {@code input} (closed after), output and errors merged. */
    static Result runWithInput(Path dir, String input, String... args) throws IOException, InterruptedException {
        Process process = start(dir, args);
        try (OutputStream in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl " + String.join(" ", args) + " did not finish in " + TIMEOUT);
        }
        return new Result(process.exitValue(), output.join());
    }

    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return runWithInput(dir, null, args);
    }

    static Process start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    /** A running process whose output is collected line by line, so a test can wait for a line. */
    static final class Background implements AutoCloseable {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final CompletableFuture<String> firstMatch = new CompletableFuture<>();
        private final CompletableFuture<Void> ended;

        Background(Process process, Predicate<String> wanted) {
            this.process = process;
            this.ended = CompletableFuture.runAsync(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        output.append(line).append('\n');
                        if (wanted.test(line)) {
                            firstMatch.complete(line);
                        }
                    }
                } catch (IOException e) {
                    // the process went away; what was read stays in output
                } finally {
                    firstMatch.complete(null);
                }
            });
        }

        /** The first line that matched, waiting up to the timeout; null if the process ended first. */
        String awaitLine() throws Exception {
            return firstMatch.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Waits for the process to end and returns everything it printed. */
        String awaitOutput() throws Exception {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("process did not end in " + TIMEOUT + "; output so far:\n" + output);
            }
            ended.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return output.toString();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
