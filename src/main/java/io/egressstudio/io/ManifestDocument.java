package io.egressstudio.io;

/**
 * One YAML document of a manifest file while it is read: where it starts, and where each of its fields is, found
 * only when a message needs it (most documents are fine and never pay for the position map).
 */
final class ManifestDocument {
    private final String text;
    private final String source;
    private final int startLine;
    private SourceMap positions;

    ManifestDocument(String text, String source, int startLine) {
        this.text = text;
        this.source = source;
        this.startLine = startLine;
    }

    /** {@code FILE:LINE: what field 'path': reason}, at the field or its nearest ancestor in the document. */
    ManifestException error(String what, String path, String reason) {
        String field = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
        SourceMap.Position at = locate(field);
        String subject = what.isEmpty() ? "" : what + (field.isEmpty() ? ": " : " ");
        String named = field.isEmpty() ? subject + reason : subject + "field '" + field + "': " + reason;
        return new ManifestException(source, startLine + at.line() - 1, at.column(), named);
    }

    /** {@code FILE:LINE} of the object at this prefix ({@code items[2].}, or empty for the document itself). */
    String origin(String prefix) {
        int line = prefix.isEmpty() ? firstContentLine() : locate(prefix.substring(0, prefix.length() - 1)).line();
        return source + ":" + (startLine + line - 1);
    }

    private SourceMap.Position locate(String field) {
        if (field.isEmpty()) {
            return new SourceMap.Position(firstContentLine(), 1);
        }
        if (positions == null) {
            try {
                positions = SourceMap.of(text);
            } catch (RuntimeException e) {
                return new SourceMap.Position(firstContentLine(), 1); // the tree was read; only positions are lost
            }
        }
        return positions.locate(field);
    }

    private int firstContentLine() {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return i + 1;
            }
        }
        return 1;
    }
}
