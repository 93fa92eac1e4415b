package io.egressstudio.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate with its private key (absent when it was signed from a user's CSR: the key stays with the user) and
 * the CAs above it, nearest first, up to and including the root. {@link #toString()} never shows the key.
 */
public final class IssuedCertificate {
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final List<X509Certificate> issuers;

    public IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.privateKey = privateKey;
        this.issuers = issuers == null ? List.of() : List.copyOf(issuers);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** The CAs above this certificate, nearest first, the root last. Empty for a root CA. */
    public List<X509Certificate> issuers() {
        return issuers;
    }

    /** The root CA: the last issuer, or this certificate itself when it is a root. */
    public X509Certificate root() {
        return issuers.isEmpty() ? certificate : issuers.get(issuers.size() - 1);
    }

    /**
     * What a TLS peer presents ({@code tls.crt}, {@code NAME.crt}): this certificate, then its intermediate CAs, without
     * the root (the other side has the root already).
     */
    public List<X509Certificate> chain() {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        for (X509Certificate issuer : issuers) {
            if (!CertificateInspector.isSelfSigned(issuer)) {
                chain.add(issuer);
            }
        }
        return List.copyOf(chain);
    }

    /** {@link #chain()} as PEM. */
    public String chainPem() {
        return Pem.certificates(chain());
    }

    /** The private key as PKCS#8 PEM: secret, only for a 0600 file or a Secret's data. */
    public String privateKeyPem() {
        return Pem.privateKey(privateKey().orElseThrow(() ->
                new IllegalStateException("no private key: the certificate was signed from a CSR")));
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    @Override
    public String toString() {
        return "IssuedCertificate[subject=" + subject() + ", serial=" + certificate.getSerialNumber().toString(16)
                + ", notAfter=" + certificate.getNotAfter().toInstant()
                + ", key=" + (privateKey == null ? "none" : Keys.describe(privateKey) + " (redacted)") + "]";
    }
}
