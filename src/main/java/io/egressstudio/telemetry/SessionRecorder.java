package io.egressstudio.telemetry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records a session's poll results to a JSON-lines file ({@link SessionFile}). Each line is flushed when written, so
 * a session that is interrupted keeps every poll it made.
 */
public final class SessionRecorder implements AutoCloseable {
    private final Path file;
    private final BufferedWriter writer;

    private SessionRecorder(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Creates (or replaces) the file and writes the session's header. */
    public static SessionRecorder create(Path file, SessionFile.Header header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        SessionRecorder recorder = new SessionRecorder(file, writer);
        try {
            recorder.line(SessionFile.line(header));
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        return recorder;
    }

    public Path file() {
        return file;
    }

    public synchronized void write(PollResult result) throws IOException {
        line(SessionFile.line(result));
    }

    private synchronized void line(String json) throws IOException {
        writer.write(json);
        writer.write('\n');
        writer.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
