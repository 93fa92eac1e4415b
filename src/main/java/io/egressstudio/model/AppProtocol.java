package io.egressstudio.model;

/** What the application itself puts on the wire: plaintext HTTP, its own TLS, or opaque TCP. */
public enum AppProtocol {
    HTTP, HTTPS, TCP;

    /** The URL scheme a request of this kind is written with. */
    public String scheme() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
