package io.egressstudio.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The last resort for an error nobody expected: its details go to a log file (under the configuration folder, else
 * the temporary folder), and the user gets one line that says what happened and where the details are.
 */
public final class CrashLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private CrashLog() {
    }

    /** Logs the error under the user's configuration folder; the one line to show. */
    public static String report(Throwable error, String during) {
        return report(error, during, ConfigFolder.get().resolve("logs"));
    }

    /** Logs the error in this folder (the temporary folder when it cannot be written); the one line to show. */
    public static String report(Throwable error, String during, Path folder) {
        Path log = write(error, during, folder);
        String what = error.getClass().getSimpleName();
        return "internal error while " + during + " (" + what + "); this is a bug in Egress Studio, not in your input"
                + (log == null ? "" : ": details in " + log);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static Path write(Throwable error, String during, Path folder) {
        StringWriter trace = new StringWriter();
        try (PrintWriter out = new PrintWriter(trace)) {
            out.println("Egress Studio internal error while " + during + " at " + Instant.now());
            out.println("java " + System.getProperty("java.version") + " on " + System.getProperty("os.name"));
            error.printStackTrace(out);
        }
        String name = "crash-" + STAMP.format(Instant.now()) + ".log";
        for (Path candidate : new Path[] {folder, Path.of(System.getProperty("java.io.tmpdir"))}) {
            try {
                Files.createDirectories(candidate);
                Path log = candidate.resolve(name);
                Files.writeString(log, "", StandardCharsets.UTF_8);
                ownerOnly(log); // a message in the trace may quote the user's data: readable by them alone
                // an exception's message may quote a token or a key the program was given: redacted line by line
                Files.writeString(log, trace.toString().lines().map(Redaction::clean)
                        .collect(java.util.stream.Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
                return log;
            } catch (IOException | RuntimeException e) {
                // try the next place; the user still gets the one line
            }
        }
        return null;
    }
}
