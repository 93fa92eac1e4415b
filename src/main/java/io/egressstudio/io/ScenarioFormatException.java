package io.egressstudio.io;

import java.nio.file.Path;

/** A scenario file that cannot be used, located to the file, line, column and field. */
public final class ScenarioFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String reason;

    public ScenarioFormatException(String source, int line, int column, String field, String reason) {
        super(format(source, line, column, field, reason));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.reason = reason;
    }

    static String sourceName(Path file) {
        return file == null ? "<input>" : file.toString();
    }

    private static String format(String source, int line, int column, String field, String reason) {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append("field '").append(field).append("': ");
        }
        return text.append(reason).toString();
    }

    public String source() {
        return source;
    }

    /** 1-based; 0 when the problem has no position (an empty file). */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
