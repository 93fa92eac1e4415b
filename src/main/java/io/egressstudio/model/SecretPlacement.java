package io.egressstudio.model;

/** Where a certificate and its key are stored in the cluster, and in which key layout. */
public record SecretPlacement(String name, String namespace, SecretLayout layout, Boolean tlsType) {
    public SecretPlacement {
        layout = Copies.or(layout, SecretLayout.TLS);
        tlsType = Copies.or(tlsType, Boolean.FALSE);
    }
}
