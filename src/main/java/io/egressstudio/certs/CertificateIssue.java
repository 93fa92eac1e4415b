package io.egressstudio.certs;

import java.util.Objects;

/**
 * Something wrong (or worth knowing) about a certificate: plain data for the CLI, the GUI and the analyzer.
 *
 * @param severity how bad it is
 * @param check    which check found it; stable, so an analyzer can map it to a message code
 * @param subject  the certificate's subject (RFC 2253), or the issuer for duplicate serials
 * @param message  what is wrong, in a sentence
 * @param fix      what to do about it
 */
public record CertificateIssue(Severity severity, Check check, String subject, String message, String fix) {
    public enum Severity { ERROR, WARNING, INFO }

    /** The checks, in the order a report lists them. */
    public enum Check {
        /** Not signed by the CA the peer trusts (e.g. the Gateway's {@code ca.crt}), or the chain is broken. */
        NOT_SIGNED_BY_CA,
        /** The SANs do not cover the host the client verifies (Route host, ServiceEntry host, SNI). */
        HOST_NOT_COVERED,
        /** A leaf certificate without subjectAltName: modern clients ignore the CN. */
        NO_SAN,
        /** X.509 v1, or v3 without any extension: no SAN, no key usage, no basicConstraints. */
        V1_CERTIFICATE,
        /** Key usage or extended key usage does not allow the use (serverAuth, clientAuth, keyCertSign). */
        WRONG_KEY_USAGE,
        /** Used as a CA but is not one. */
        NOT_A_CA,
        EXPIRED,
        NOT_YET_VALID,
        EXPIRES_SOON,
        /** Two different certificates from one issuer with the same serial (the seed's {@code -set_serial 1}). */
        DUPLICATE_SERIAL,
        /** A key too small, or a SHA-1 signature, that OpenSSL 3 and Envoy refuse at their default security level. */
        WEAK_CRYPTO,
        /** The private key does not belong to the certificate. */
        KEY_MISMATCH
    }

    public CertificateIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }

    /** One line: {@code ERROR HOST_NOT_COVERED CN=x: message}. */
    @Override
    public String toString() {
        return severity + " " + check + " " + subject + ": " + message + (fix == null ? "" : " (fix: " + fix + ")");
    }
}
