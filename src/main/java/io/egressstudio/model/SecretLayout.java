package io.egressstudio.model;

/** The keys a certificate Secret holds. */
public enum SecretLayout {
    /** {@code tls.crt}, {@code tls.key}, {@code ca.crt}: gateways' credentialName, kubernetes.io/tls. */
    TLS("tls.crt", "tls.key", "ca.crt"),
    /** {@code cert}, {@code key}, {@code cacert}: the generic credentialName layout. */
    GENERIC("cert", "key", "cacert"),
    /** File basenames ({@code NAME.crt}, {@code NAME.key}, {@code ca-root.crt}): mounted into a sidecar. */
    FILES(null, null, null);

    private final String certKey;
    private final String keyKey;
    private final String caKey;

    SecretLayout(String certKey, String keyKey, String caKey) {
        this.certKey = certKey;
        this.keyKey = keyKey;
        this.caKey = caKey;
    }

    public String certKey(String baseName) {
        return certKey != null ? certKey : baseName + ".crt";
    }

    public String keyKey(String baseName) {
        return keyKey != null ? keyKey : baseName + ".key";
    }

    public String caKey(String caBaseName) {
        return caKey != null ? caKey : caBaseName + ".crt";
    }
}
