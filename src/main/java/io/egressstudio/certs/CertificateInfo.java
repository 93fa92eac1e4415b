package io.egressstudio.certs;

import java.time.Instant;
import java.util.List;

/**
 * What a certificate says, for display: never any key material (the public key only as its type and size).
 *
 * @param serial      upper-case hex, as {@code openssl x509 -serial} prints it
 * @param daysLeft    whole days until notAfter; negative once expired
 * @param pathLength  basicConstraints pathLenConstraint for a CA (-1: none or not a CA)
 * @param fingerprint SHA-256 of the DER, colon-separated hex
 */
public record CertificateInfo(String subject, String issuer, String serial, int version, String key,
                              Instant notBefore, Instant notAfter, long daysLeft, List<String> dnsNames,
                              List<String> ipAddresses, List<String> uris, List<String> keyUsage,
                              List<String> extendedKeyUsage, boolean ca, int pathLength, boolean selfSigned,
                              String signatureAlgorithm, String fingerprint) {
    public CertificateInfo {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        uris = List.copyOf(uris);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    /** {@code DNS:a, IP:1.2.3.4, URI:spiffe://...}, as OpenSSL prints them. */
    public List<String> subjectAlternativeNames() {
        return java.util.stream.Stream.of(dnsNames.stream().map(d -> "DNS:" + d),
                        ipAddresses.stream().map(i -> "IP:" + i), uris.stream().map(u -> "URI:" + u))
                .flatMap(s -> s).toList();
    }
}
