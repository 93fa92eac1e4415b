package io.egressstudio.io;

/**
 * Text that cannot be read as YAML input (too large, not UTF-8, a control character, an alias that expands too far),
 * located to a line and column where there is one. The reader that catches it adds the file name.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public InputException(int line, int column, String reason) {
        super(reason);
        this.line = line;
        this.column = column;
    }

    /** 1-based; 0 when the problem has no position (a file too large to read). */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The same problem further down a file: {@code lines} lines precede the text it was found in. */
    InputException shifted(int lines) {
        return line <= 0 ? this : new InputException(line + lines, column, getMessage());
    }
}
