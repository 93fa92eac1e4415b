package io.egressstudio.io;

import java.nio.file.Path;
import java.util.List;

/** A scenario file that cannot be used, located to the file, line, column and field. */
public final class ScenarioFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String reason;
    private final transient List<ScenarioFormatException> all;

    public ScenarioFormatException(String source, int line, int column, String field, String reason) {
        this(source, line, column, field, reason, List.of());
    }

    /** The first of several problems, said with how many follow; {@code others} are the rest, each located too. */
    ScenarioFormatException(String source, int line, int column, String field, String reason,
                            List<ScenarioFormatException> others) {
        super(format(source, line, column, field, withCount(reason, others)));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.reason = withCount(reason, others);
        this.all = others.isEmpty() ? List.of()
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(
                        new ScenarioFormatException(source, line, column, field, reason)), others.stream()).toList();
    }

    private static String withCount(String reason, List<ScenarioFormatException> others) {
        return others.isEmpty() ? reason : reason + " (and " + others.size() + " more)";
    }

    /**
     * Every problem of the file, each on its own. A file whose form or shape is wrong has one (what follows it cannot
     * be read); a well-formed scenario that breaks several of the validator's rules has one per rule broken.
     */
    public List<ScenarioFormatException> problems() {
        return all.isEmpty() ? List.of(this) : all;
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
        return Printable.of(text.append(reason).toString());
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
