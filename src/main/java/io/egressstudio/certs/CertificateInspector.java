package io.egressstudio.certs;

import io.egressstudio.certs.CertificateIssue.Check;
import io.egressstudio.certs.CertificateIssue.Severity;
import io.egressstudio.model.CertificateKind;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks certificates a user has, or that the workbench made, the way TLS peers will judge them: the chain to the CA
 * the peer trusts, the SANs against the host the client verifies, key usage for the role, validity, duplicate serials
 * and v1 certificates. Every check returns {@link CertificateIssue}s; an empty list means it passed.
 */
public final class CertificateInspector {
    /** Certificates expiring within this many days get {@link Check#EXPIRES_SOON}. */
    public static final int DEFAULT_WARN_DAYS = 30;
    private static final String[] KEY_USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    private static final Map<String, String> EKU_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth", "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning", "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping", "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_EKU = "2.5.29.37.0";
    private static final int MAX_CHAIN = 10;

    private final Clock clock;
    private final int warnDays;

    public CertificateInspector() {
        this(Clock.systemUTC(), DEFAULT_WARN_DAYS);
    }

    public CertificateInspector(Clock clock, int warnDays) {
        this.clock = clock;
        this.warnDays = warnDays;
    }

    // ------------------------------------------------------------------ description

    public CertificateInfo describe(X509Certificate certificate) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        List<String> usage = new ArrayList<>();
        boolean[] bits = certificate.getKeyUsage();
        if (bits != null) {
            for (int i = 0; i < bits.length && i < KEY_USAGES.length; i++) {
                if (bits[i]) {
                    usage.add(KEY_USAGES[i]);
                }
            }
        }
        List<String> eku = extendedKeyUsage(certificate).stream().map(o -> EKU_NAMES.getOrDefault(o, o)).toList();
        int constraints = certificate.getBasicConstraints();
        return new CertificateInfo(certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), serialHex(certificate.getSerialNumber()),
                certificate.getVersion(), Keys.describe(certificate.getPublicKey()), notBefore, notAfter,
                daysLeft(certificate), dnsNames(certificate), ipAddresses(certificate), sans(certificate, 6), usage, eku,
                constraints >= 0, constraints == Integer.MAX_VALUE ? -1 : constraints, isSelfSigned(certificate),
                certificate.getSigAlgName(), fingerprint(certificate));
    }

    /** Whole days from now until notAfter; negative once expired. */
    public long daysLeft(X509Certificate certificate) {
        return Duration.between(clock.instant(), certificate.getNotAfter().toInstant()).toDays();
    }

    // ------------------------------------------------------------------ checks

    /** What is wrong with one certificate on its own: v1, missing SAN, validity, weak crypto. */
    public List<CertificateIssue> inspect(X509Certificate certificate) {
        List<CertificateIssue> issues = new ArrayList<>();
        String subject = subject(certificate);
        boolean ca = certificate.getBasicConstraints() >= 0;
        if (isV1(certificate)) {
            issues.add(new CertificateIssue(Severity.WARNING, Check.V1_CERTIFICATE, subject,
                    "X.509 v" + certificate.getVersion() + " certificate without extensions: no subjectAltName, "
                            + "no key usage, no basicConstraints; the host is only in the CN, which Go clients, "
                            + "browsers and Envoy with subjectAltNames ignore",
                    "re-issue it as v3 with SANs: egress-studio certs issue --server HOST (the seed's "
                            + "'openssl x509 -req' without -extfile makes v1)"));
        } else if (!ca && certificateHasNoSan(certificate)) {
            issues.add(noSan(certificate, subject));
        }
        issues.addAll(validity(certificate));
        issues.addAll(crypto(certificate));
        return issues;
    }

    private static CertificateIssue noSan(X509Certificate certificate, String subject) {
        List<String> eku = extendedKeyUsage(certificate);
        if (eku.contains(CLIENT_AUTH) && !eku.contains(SERVER_AUTH)) {
            return new CertificateIssue(Severity.INFO, Check.NO_SAN, subject,
                    "client certificate without subjectAltName: fine unless the server matches client "
                            + "subjectAltNames (a Gateway's tls.subjectAltNames)",
                    "if it does, re-issue it with egress-studio certs issue --client NAME (the name becomes a SAN)");
        }
        return new CertificateIssue(Severity.WARNING, Check.NO_SAN, subject,
                "has no subjectAltName; its name is only in the CN, which clients verifying a host "
                        + "(Envoy with subjectAltNames, Go, browsers) ignore",
                "re-issue it with the host names as SANs: egress-studio certs issue --server HOST");
    }

    private CertificateIssue sanLess(X509Certificate certificate, String subject, String host) {
        return new CertificateIssue(Severity.ERROR, Check.NO_SAN, subject,
                "has no subjectAltName, so it covers no host; '" + host + "'"
                        + (commonNameCovers(certificate, host) ? " is only in the CN, which is ignored when a client "
                        + "verifies the host" : " is not even in the CN"),
                "re-issue it with a SAN for the host: egress-studio certs issue --server " + host);
    }

    /** Expired, not yet valid, or expiring within the warning window. */
    public List<CertificateIssue> validity(X509Certificate certificate) {
        Instant now = clock.instant();
        String subject = subject(certificate);
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        if (now.isAfter(notAfter)) {
            long days = Duration.between(notAfter, now).toDays();
            return List.of(new CertificateIssue(Severity.ERROR, Check.EXPIRED, subject,
                    "expired on " + date(notAfter) + " (" + days + " day" + (days == 1 ? "" : "s") + " ago)",
                    "issue a new certificate and update the Secrets that hold it"));
        }
        if (now.isBefore(notBefore)) {
            return List.of(new CertificateIssue(Severity.ERROR, Check.NOT_YET_VALID, subject,
                    "is not valid before " + notBefore + " (clock skew, or issued with a future date)",
                    "check the clocks, or re-issue it"));
        }
        long left = daysLeft(certificate);
        if (left < warnDays) {
            return List.of(new CertificateIssue(Severity.WARNING, Check.EXPIRES_SOON, subject,
                    "expires on " + date(notAfter) + ", in " + left + " day" + (left == 1 ? "" : "s"),
                    "issue a new certificate before then and update the Secrets that hold it"));
        }
        return List.of();
    }

    private List<CertificateIssue> crypto(X509Certificate certificate) {
        List<CertificateIssue> issues = new ArrayList<>();
        String subject = subject(certificate);
        var key = certificate.getPublicKey();
        if ("RSA".equals(key.getAlgorithm()) && Keys.bits(key) < 2048) {
            issues.add(new CertificateIssue(Severity.ERROR, Check.WEAK_CRYPTO, subject,
                    "has a " + Keys.describe(key) + " key; OpenSSL 3 at its default security level refuses RSA "
                            + "keys under 2048 bits", "re-issue it with --key rsa2048, rsa4096 or ec256"));
        }
        String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        if (!isSelfSigned(certificate) && (algorithm.contains("SHA1") || algorithm.contains("MD5"))) {
            issues.add(new CertificateIssue(Severity.ERROR, Check.WEAK_CRYPTO, subject,
                    "is signed with " + certificate.getSigAlgName() + ", which OpenSSL 3 refuses at its default "
                            + "security level", "re-issue it; this tool signs with SHA-256"));
        }
        return issues;
    }

    /**
     * Whether the certificate chains to {@code trustedCa}. {@code chain} is the certificate first, then any
     * intermediates (as in {@code tls.crt}); the root need not be in it.
     */
    public List<CertificateIssue> checkChain(List<X509Certificate> chain, X509Certificate trustedCa) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty chain");
        }
        X509Certificate leaf = chain.get(0);
        String subject = subject(leaf);
        String caName = subject(trustedCa);
        List<CertificateIssue> issues = new ArrayList<>();
        if (trustedCa.getVersion() >= 3 && trustedCa.getBasicConstraints() < 0) {
            issues.add(new CertificateIssue(Severity.ERROR, Check.NOT_A_CA, caName,
                    "is trusted as a CA but is not one (no basicConstraints CA:TRUE)",
                    "trust the CA certificate that issued it (ca.crt), not a leaf certificate"));
        }
        List<X509Certificate> pool = chain.subList(1, chain.size());
        X509Certificate current = leaf;
        for (int depth = 0; depth < MAX_CHAIN; depth++) {
            if (current.equals(trustedCa) || signedBy(current, trustedCa)) {
                return issues;
            }
            X509Certificate next = null;
            for (X509Certificate candidate : pool) {
                if (!candidate.equals(current) && signedBy(current, candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                issues.add(chainBreak(current, leaf, trustedCa));
                return issues;
            }
            if (next.getBasicConstraints() < 0) {
                issues.add(new CertificateIssue(Severity.ERROR, Check.NOT_A_CA, subject(next),
                        "signs '" + subject(current) + "' but is not a CA (no basicConstraints CA:TRUE)",
                        "issue the certificate from a real CA"));
                return issues;
            }
            current = next;
        }
        issues.add(new CertificateIssue(Severity.ERROR, Check.NOT_SIGNED_BY_CA, subject,
                "the chain is longer than " + MAX_CHAIN + " certificates", "shorten the chain"));
        return issues;
    }

    private CertificateIssue chainBreak(X509Certificate current, X509Certificate leaf, X509Certificate ca) {
        String caName = subject(ca);
        String issuer = current.getIssuerX500Principal().getName();
        String where = current.equals(leaf) ? "" : " (its chain reaches '" + subject(current) + "')";
        String message;
        String fix;
        if (current.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            message = "names '" + caName + "' as its issuer" + where + ", but that CA's key did not sign it: "
                    + "another CA with the same name (re-created with init-ca?) issued it";
            fix = "re-issue it from the CA in the trusted ca.crt, or trust the CA that really issued it";
        } else if (isSelfSigned(current)) {
            message = "is self-signed" + where + " and is not the trusted CA '" + caName + "'";
            fix = "issue it from the trusted CA: egress-studio certs issue --ca DIR ...";
        } else {
            message = "is not signed by the trusted CA '" + caName + "'" + where + "; its issuer is '" + issuer
                    + "'";
            fix = "issue it from the CA in the peer's ca.crt, put '" + issuer + "' into that ca.crt, or include "
                    + "the missing intermediate in the certificate file";
        }
        return new CertificateIssue(Severity.ERROR, Check.NOT_SIGNED_BY_CA, subject(leaf), message, fix);
    }

    /** Whether the SANs cover {@code host} (a DNS name or an IP literal), as a client verifying the host decides. */
    public List<CertificateIssue> checkHost(X509Certificate certificate, String host) {
        String subject = subject(certificate);
        if (certificate.getVersion() < 3 || certificateHasNoSan(certificate)) {
            return List.of(sanLess(certificate, subject, host));
        }
        if (covers(certificate, host)) {
            return List.of();
        }
        List<String> sans = describe(certificate).subjectAlternativeNames();
        String hint = "";
        Optional<InetAddress> ip = HostNames.ipLiteral(host);
        if (ip.isPresent()) {
            hint = "; an IP address is only covered by an IP SAN";
        } else if (dnsNames(certificate).stream().anyMatch(p -> p.startsWith("*.")
                && HostNames.normalize(host).endsWith(p.substring(1)))) {
            hint = "; a wildcard covers exactly one label";
        }
        return List.of(new CertificateIssue(Severity.ERROR, Check.HOST_NOT_COVERED, subject,
                "its SANs " + sans + " do not cover '" + host + "'" + hint,
                "issue a certificate whose SANs include it: egress-studio certs issue --server "
                        + (ip.isPresent() ? "NAME --ip " + host : host)));
    }

    /** Whether key usage, extended key usage and basicConstraints allow the certificate's role. */
    public List<CertificateIssue> checkPurpose(X509Certificate certificate, CertificateKind role) {
        String subject = subject(certificate);
        List<CertificateIssue> issues = new ArrayList<>();
        boolean[] usage = certificate.getKeyUsage();
        if (role == CertificateKind.CA) {
            if (certificate.getVersion() >= 3 && certificate.getBasicConstraints() < 0) {
                issues.add(new CertificateIssue(Severity.ERROR, Check.NOT_A_CA, subject,
                        "is used as a CA but has no basicConstraints CA:TRUE", "create a CA: egress-studio certs init-ca"));
            }
            if (usage != null && !usage[5]) {
                issues.add(new CertificateIssue(Severity.ERROR, Check.WRONG_KEY_USAGE, subject,
                        "is used as a CA but its keyUsage lacks keyCertSign", "create a CA: egress-studio certs init-ca"));
            }
            return issues;
        }
        String wanted = role == CertificateKind.SERVER ? SERVER_AUTH : CLIENT_AUTH;
        String wantedName = EKU_NAMES.get(wanted);
        List<String> eku = extendedKeyUsage(certificate);
        if (!eku.isEmpty() && !eku.contains(wanted) && !eku.contains(ANY_EKU)) {
            issues.add(new CertificateIssue(Severity.ERROR, Check.WRONG_KEY_USAGE, subject,
                    "is used as a " + role.name().toLowerCase(Locale.ROOT) + " certificate but its extended key "
                            + "usage " + eku.stream().map(o -> EKU_NAMES.getOrDefault(o, o)).toList() + " lacks "
                            + wantedName,
                    "issue it with " + (role == CertificateKind.SERVER ? "--server HOST" : "--client NAME")
                            + " (that sets " + wantedName + ")"));
        }
        if (usage != null && !usage[0]
                && !("RSA".equals(certificate.getPublicKey().getAlgorithm()) && usage[2])) {
            issues.add(new CertificateIssue(Severity.ERROR, Check.WRONG_KEY_USAGE, subject,
                    "its keyUsage lacks digitalSignature, which a TLS " + role.name().toLowerCase(Locale.ROOT)
                            + " needs to sign the handshake", "re-issue it with this tool"));
        }
        if (certificate.getBasicConstraints() >= 0) {
            issues.add(new CertificateIssue(Severity.WARNING, Check.WRONG_KEY_USAGE, subject,
                    "is a CA certificate used as a " + role.name().toLowerCase(Locale.ROOT) + " certificate",
                    "issue a leaf certificate from the CA instead"));
        }
        return issues;
    }

    /** Different certificates from one issuer that share a serial number. */
    public List<CertificateIssue> checkDuplicateSerials(Collection<X509Certificate> certificates) {
        Map<String, List<X509Certificate>> byIssuerAndSerial = new LinkedHashMap<>();
        for (X509Certificate certificate : certificates) {
            String key = certificate.getIssuerX500Principal().getName() + "#" + certificate.getSerialNumber();
            List<X509Certificate> same = byIssuerAndSerial.computeIfAbsent(key, k -> new ArrayList<>());
            if (same.stream().noneMatch(certificate::equals)) {
                same.add(certificate);
            }
        }
        List<CertificateIssue> issues = new ArrayList<>();
        for (List<X509Certificate> same : byIssuerAndSerial.values()) {
            if (same.size() < 2) {
                continue;
            }
            X509Certificate first = same.get(0);
            issues.add(new CertificateIssue(Severity.ERROR, Check.DUPLICATE_SERIAL,
                    first.getIssuerX500Principal().getName(),
                    same.size() + " different certificates from this issuer share serial "
                            + serialHex(first.getSerialNumber()) + ": "
                            + same.stream().map(CertificateInspector::subject).toList()
                            + "; revocation and caches confuse them, and some clients refuse the second",
                    "re-issue them with unique serials (this tool uses random 159-bit serials; the seed's "
                            + "'-set_serial 1' gives every client serial 1)"));
        }
        return issues;
    }

    /** Whether the private key belongs to the certificate. */
    public List<CertificateIssue> checkKeyPair(X509Certificate certificate, PrivateKey key) {
        if (Keys.matches(key, certificate.getPublicKey())) {
            return List.of();
        }
        return List.of(new CertificateIssue(Severity.ERROR, Check.KEY_MISMATCH, subject(certificate),
                "the private key does not belong to this certificate",
                "pair the certificate with the key it was issued for"));
    }

    // ------------------------------------------------------------------ helpers

    /** Whether the certificate's SANs cover {@code host}; the CN is never consulted (RFC 6125, as Envoy and Go do). */
    public static boolean covers(X509Certificate certificate, String host) {
        Optional<InetAddress> ip = HostNames.ipLiteral(host);
        if (ip.isPresent()) {
            return ipAddresses(certificate).stream().map(HostNames::ipLiteral).flatMap(Optional::stream)
                    .anyMatch(ip.get()::equals);
        }
        return dnsNames(certificate).stream().anyMatch(pattern -> HostNames.dnsMatches(pattern, host));
    }

    static boolean commonNameCovers(X509Certificate certificate, String host) {
        String name = certificate.getSubjectX500Principal().getName();
        for (String part : name.split(",")) {
            if (part.startsWith("CN=") && HostNames.dnsMatches(part.substring(3).replace("\\", ""), host)) {
                return true;
            }
        }
        return false;
    }

    public static List<String> dnsNames(X509Certificate certificate) {
        return sans(certificate, 2);
    }

    public static List<String> ipAddresses(X509Certificate certificate) {
        return sans(certificate, 7).stream()
                .map(ip -> HostNames.ipLiteral(ip).map(InetAddress::getHostAddress).orElse(ip)).toList();
    }

    private static List<String> sans(X509Certificate certificate, int type) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(n -> Integer.valueOf(type).equals(n.get(0)))
                    .map(n -> String.valueOf(n.get(1))).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static boolean certificateHasNoSan(X509Certificate certificate) {
        try {
            return certificate.getSubjectAlternativeNames() == null;
        } catch (CertificateParsingException e) {
            return true;
        }
    }

    public static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            List<String> eku = certificate.getExtendedKeyUsage();
            return eku == null ? List.of() : eku;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** v1, or v3 without a single extension. */
    public static boolean isV1(X509Certificate certificate) {
        if (certificate.getVersion() < 3) {
            return true;
        }
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        Set<String> other = certificate.getNonCriticalExtensionOIDs();
        return (critical == null || critical.isEmpty()) && (other == null || other.isEmpty());
    }

    /** Issuer equals subject and the certificate's own key verifies its signature. */
    public static boolean isSelfSigned(X509Certificate certificate) {
        return signedBy(certificate, certificate);
    }

    /** Whether {@code issuer} signed {@code certificate}: the names chain and the signature verifies. */
    public static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    /** Upper-case hex without leading zeros, as {@code openssl x509 -serial} prints it (two digits at least). */
    public static String serialHex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 1 ? "0" + hex : hex;
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

}
