package io.egressstudio.desktop;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The app in its own JVM on an {@link XDesktop}, on the platform toolkit (GTK, not Monocle), with a config folder,
 * preferences and autosave of its own (a developer's settings never leak in, nothing leaks out). Asks the
 * {@link DesktopProbe} inside it for the windows' state.
 */
final class ProbedApp implements AutoCloseable {
    private final Process process;
    private final OutputStream commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private ProbedApp(Process process) {
        this.process = process;
        this.commands = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("state ")) {
                        answers.add(line.substring(6));
                    } else {
                        synchronized (output) {
                            output.add(line);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the app ended
            }
        }, "probe-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static ProbedApp start(XDesktop desktop, Path home, List<String> args) throws IOException {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
                "-Degressstudio.home=" + home.resolve("autosave"),
                DesktopProbe.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", desktop.display());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return new ProbedApp(pb.start());
    }

    /** The windows as the probe describes them, as key → value ("main" → "x,y,w,h,max,full", ...). */
    Map<String, String> state() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IOException("the app ended (exit " + process.exitValue() + "): " + output());
        }
        commands.write("state\n".getBytes(StandardCharsets.UTF_8));
        commands.flush();
        String line = answers.poll(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new IOException("the app did not answer in 30 s: " + output());
        }
        Map<String, String> state = new HashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                state.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return state;
    }

    /** Waits until the probe's state satisfies a condition, and returns that state. */
    Map<String, String> awaitState(String what, java.util.function.Predicate<Map<String, String>> condition)
            throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String>[] last = new Map[1];
        try {
            await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> condition.test(last[0] = state()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " did not happen in 60 s; last state " + last[0] + "; app output: "
                    + output(), e);
        }
        return last[0];
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
        }
    }

    /** Parses "x,y,w,h[,...]" into numbers. */
    static double[] rect(String value) {
        String[] parts = value.split(",");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                Double.parseDouble(parts[3])};
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            try {
                commands.write("quit\n".getBytes(StandardCharsets.UTF_8));
                commands.flush();
            } catch (IOException ignored) {
                // already gone
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
