package io.egressstudio.certs;

import io.egressstudio.model.KeyType;
import java.util.List;

/** Shared test material: made once per JVM, since key generation is the slow part. */
final class Pki {
    static final String SERVER_HOST = "greeting.remote.com";

    static final CertificateAuthority CA = CertificateAuthority.createRoot("Test Root CA", KeyType.RSA_2048, 3650);
    static final IssuedCertificate SERVER = CA.issue(CertificateRequest.server(
            List.of(SERVER_HOST, "*.apps.example.com", "127.0.0.1"), KeyType.RSA_2048, 365));
    static final IssuedCertificate CLIENT = CA.issue(CertificateRequest.client("greeting-client", KeyType.RSA_2048, 365));
    /** Another CA with the same name: what re-running init-ca gives. */
    static final CertificateAuthority SAME_NAME_CA =
            CertificateAuthority.createRoot("Test Root CA", KeyType.EC_P256, 3650);
    static final CertificateAuthority OTHER_CA = CertificateAuthority.createRoot("Other CA", KeyType.EC_P256, 3650);

    private Pki() {
    }
}
