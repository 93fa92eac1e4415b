package io.egressstudio.certs;

/**
 * Input a user brought (a PEM file, a CSR, a CA folder) that cannot be used. The message names the source and says
 * what is wrong, and never contains key material.
 */
public final class BadMaterialException extends Exception {
    private final String source;
    private final String problem;

    public BadMaterialException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    public BadMaterialException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file (or other source) that is wrong. */
    public String source() {
        return source;
    }

    /** What is wrong with it, without the source. */
    public String problem() {
        return problem;
    }
}
