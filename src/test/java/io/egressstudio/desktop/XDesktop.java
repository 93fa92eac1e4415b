package io.egressstudio.desktop;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real X desktop for the desktop stage: Xvfb at a given size with the openbox window manager on it, as a user's
 * session has (a window manager is what makes JavaFX's GTK windows behave as they do on a laptop). Commands run
 * against it with {@link #run}; screenshots of the whole screen with {@link #screenshot}.
 */
final class XDesktop implements AutoCloseable {
    /** What the stage needs from Debian, and the command that installs it (as .ci/run does). */
    static final List<String> TOOLS = List.of("Xvfb", "openbox", "xdotool", "xwininfo", "xprop", "import");
    static final String INSTALL = "apt-get install xvfb openbox xdotool x11-utils imagemagick libgtk-3-0";

    private final int width;
    private final int height;
    private final String display;
    private final Process xvfb;
    private final Process windowManager;

    private XDesktop(int width, int height, String display, Process xvfb, Process windowManager) {
        this.width = width;
        this.height = height;
        this.display = display;
        this.xvfb = xvfb;
        this.windowManager = windowManager;
    }

    /** The tools missing on this machine (empty when the stage can run). */
    static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                found |= Files.isExecutable(Path.of(dir, tool));
            }
            if (!found) {
                missing.add(tool);
            }
        }
        return missing;
    }

    /** Starts Xvfb on a free display number and openbox on it; waits until the window manager has taken over. */
    static XDesktop start(int width, int height, Path logs) throws IOException {
        Files.createDirectories(logs);
        for (int n = 140 + (int) (ProcessHandle.current().pid() % 50); n < 400; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            String display = ":" + n;
            Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", width + "x" + height + "x24",
                    "-nolisten", "tcp").redirectErrorStream(true)
                    .redirectOutput(logs.resolve("xvfb-" + n + ".log").toFile()).start();
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            try {
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                        .until(() -> Files.exists(socket) || !xvfb.isAlive());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                xvfb.destroyForcibly();
                throw new IOException("Xvfb " + display + " did not start in 15 s (see " + logs + ")");
            }
            if (!xvfb.isAlive()) {
                continue; // taken by someone else meanwhile: try the next number
            }
            ProcessBuilder wm = new ProcessBuilder("openbox", "--sm-disable").redirectErrorStream(true)
                    .redirectOutput(logs.resolve("openbox-" + n + ".log").toFile());
            wm.environment().put("DISPLAY", display);
            XDesktop desktop = new XDesktop(width, height, display, xvfb, wm.start());
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> desktop.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id"));
            return desktop;
        }
        throw new IOException("no free X display number between 140 and 400");
    }

    String display() {
        return display;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Runs a command on this display and returns what it printed (stdout and stderr); never throws for exit codes. */
    String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The whole screen as the user sees it (window manager decorations included), as PNG. */
    void screenshot(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        String out = run("import", "-window", "root", file.toString());
        if (!Files.isRegularFile(file)) {
            throw new IOException("import wrote no screenshot: " + out);
        }
    }

    /** The X window ids of visible top-level windows whose title starts with a prefix. */
    List<String> windows(String titlePrefix) throws IOException, InterruptedException {
        String out = run("xdotool", "search", "--onlyvisible", "--name", "^" + titlePrefix);
        return out.lines().filter(l -> l.matches("\\d+")).toList();
    }

    /** A window's size as X has it (the client area, without decorations): {width, height}. */
    int[] windowSize(String id) throws IOException, InterruptedException {
        String info = run("xwininfo", "-id", id);
        return new int[] {field(info, "Width:"), field(info, "Height:")};
    }

    private static int field(String info, String name) {
        return info.lines().map(String::trim).filter(l -> l.startsWith(name))
                .mapToInt(l -> Integer.parseInt(l.substring(name.length()).trim())).findFirst().orElse(-1);
    }

    @Override
    public void close() {
        windowManager.destroy();
        xvfb.destroy();
        try {
            windowManager.waitFor(5, TimeUnit.SECONDS);
            xvfb.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        windowManager.destroyForcibly();
        xvfb.destroyForcibly();
    }
}
