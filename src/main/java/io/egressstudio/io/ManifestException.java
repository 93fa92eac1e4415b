package io.egressstudio.io;

/** A manifest file that cannot be read, located to the file, line and column. */
public final class ManifestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public ManifestException(String source, int line, int column, String reason) {
        super(Printable.of(source + (line > 0 ? ":" + line + ":" + column : "") + ": " + reason));
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    /** 1-based; 0 when the problem has no position (an unreadable file). */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
