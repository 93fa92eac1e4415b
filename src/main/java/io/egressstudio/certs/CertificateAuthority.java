package io.egressstudio.certs;

import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.KeyType;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority: its certificate, its private key and the CAs above it. Creates root and intermediate CAs,
 * issues server and client certificates, and signs CSRs.
 *
 * <p>Every certificate is X.509 v3 with a random 159-bit serial (RFC 5280 allows 20 octets; CA/Browser rules ask for at
 * least 64 random bits), SubjectKeyIdentifier, AuthorityKeyIdentifier (the issuer's key id), critical
 * basicConstraints and critical keyUsage. Servers get serverAuth and their SANs; clients get clientAuth. Signatures
 * are SHA-256 with RSA or ECDSA, as the CA's key is. Validity starts five minutes back (clock skew) and never outlasts
 * the issuing CA. {@link #toString()} never shows the key.
 */
public final class CertificateAuthority {
    /** Validity starts this far back, so that a peer whose clock is a little behind accepts a fresh certificate. */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private final IssuedCertificate material;
    private final PrivateKey privateKey;
    private final Clock clock;

    private CertificateAuthority(IssuedCertificate material, Clock clock) {
        this.material = material;
        this.privateKey = material.privateKey().orElseThrow();
        this.clock = clock;
    }

    /** A new self-signed root CA. */
    public static CertificateAuthority createRoot(String commonName, KeyType keyType, int validityDays) {
        return createRoot(CertificateRequest.ca(commonName, keyType, validityDays), Clock.systemUTC());
    }

    /** A new self-signed root CA, dated by {@code clock}. */
    public static CertificateAuthority createRoot(CertificateRequest request, Clock clock) {
        requireKind(request, CertificateKind.CA);
        KeyPair keys = Keys.generate(request.keyType());
        X500Name subject = name(request.commonName());
        Instant notBefore = clock.instant().minus(BACKDATE);
        Instant notAfter = clock.instant().plus(Duration.ofDays(request.validityDays()));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(),
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            SubjectKeyIdentifier ski = utils.createSubjectKeyIdentifier(keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ski);
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(ski.getKeyIdentifier()));
        } catch (CertIOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build the CA certificate", e);
        }
        X509Certificate certificate = sign(builder, keys.getPrivate());
        return new CertificateAuthority(new IssuedCertificate(certificate, keys.getPrivate(), List.of()), clock);
    }

    /**
     * A CA from material a user already has (a folder written by {@code certs init-ca}, or their own CA). Refuses a
     * certificate that is not a CA, a key that does not belong to it, and a CA that may not sign certificates.
     *
     * @param issuers the CAs above it, nearest first (empty for a root)
     */
    public static CertificateAuthority of(X509Certificate certificate, PrivateKey privateKey,
                                          List<X509Certificate> issuers, String source) throws BadMaterialException {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        if (certificate.getVersion() < 3 || certificate.getBasicConstraints() < 0) {
            throw new BadMaterialException(source, "'" + certificate.getSubjectX500Principal().getName()
                    + "' is not a CA certificate (no basicConstraints CA:TRUE)");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && (usage.length <= 5 || !usage[5])) {
            throw new BadMaterialException(source, "the CA certificate's keyUsage lacks keyCertSign");
        }
        if (!Keys.matches(privateKey, certificate.getPublicKey())) {
            throw new BadMaterialException(source, "the CA private key does not belong to the CA certificate");
        }
        return new CertificateAuthority(new IssuedCertificate(certificate, privateKey, issuers), Clock.systemUTC());
    }

    /** The same CA issuing with another clock (tests, or back-dated material for demonstrations). */
    public CertificateAuthority withClock(Clock other) {
        return new CertificateAuthority(material, other);
    }

    public X509Certificate certificate() {
        return material.certificate();
    }

    /** The CA's private key: secret. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The CAs above this one, nearest first; empty for a root. */
    public List<X509Certificate> issuers() {
        return material.issuers();
    }

    /** The root of this CA's chain (itself for a root CA). */
    public X509Certificate root() {
        return material.root();
    }

    public boolean isRoot() {
        return material.issuers().isEmpty();
    }

    /** This CA as issued material (certificate, key and the CAs above it). */
    public IssuedCertificate material() {
        return material;
    }

    /** An intermediate CA signed by this one; it may sign leaf certificates only (pathLenConstraint 0). */
    public CertificateAuthority createIntermediate(String commonName, KeyType keyType, int validityDays) {
        return createIntermediate(CertificateRequest.ca(commonName, keyType, validityDays));
    }

    public CertificateAuthority createIntermediate(CertificateRequest request) {
        requireKind(request, CertificateKind.CA);
        int parentPathLength = certificate().getBasicConstraints();
        if (parentPathLength == 0) {
            throw new IllegalArgumentException("'" + material.subject()
                    + "' may not sign CA certificates (pathLenConstraint 0)");
        }
        KeyPair keys = Keys.generate(request.keyType());
        X509Certificate certificate = build(name(request.commonName()), keys.getPublic(), request.validityDays(),
                CertificateKind.CA, List.of(), List.of());
        return new CertificateAuthority(new IssuedCertificate(certificate, keys.getPrivate(), issuerChain()), clock);
    }

    /** A server or client certificate with a new key pair. */
    public IssuedCertificate issue(CertificateRequest request) {
        if (request.kind() == CertificateKind.CA) {
            throw new IllegalArgumentException("use createIntermediate for a CA");
        }
        KeyPair keys = Keys.generate(request.keyType());
        X509Certificate certificate = build(name(request.commonName()), keys.getPublic(), request.validityDays(),
                request.kind(), request.dnsNames(), request.ipAddresses());
        return new IssuedCertificate(certificate, keys.getPrivate(), issuerChain());
    }

    /**
     * Signs a user's CSR as a server or client certificate. The subject and the SANs come from the CSR, plus
     * {@code extraDns} and {@code extraIps}; every other requested extension is ignored (the CSR cannot ask for
     * CA:TRUE). A server certificate needs at least one SAN; if neither the CSR nor the extras have one, the CSR's
     * common name is used when it is a host name.
     */
    public IssuedCertificate sign(Csr csr, CertificateKind kind, List<String> extraDns, List<String> extraIps,
                                  int validityDays) {
        if (kind == CertificateKind.CA) {
            throw new IllegalArgumentException("a CSR is signed as a SERVER or CLIENT certificate, never as a CA");
        }
        List<String> dns = new ArrayList<>(csr.dnsNames());
        List<String> ips = new ArrayList<>(csr.ipAddresses());
        if (extraDns != null) {
            extraDns.forEach(d -> (HostNames.isIpLiteral(d) ? ips : dns).add(d));
        }
        if (extraIps != null) {
            ips.addAll(extraIps);
        }
        String cn = csr.commonName().orElse(null);
        if (kind == CertificateKind.SERVER && dns.isEmpty() && ips.isEmpty() && cn != null) {
            if (HostNames.isIpLiteral(cn)) {
                ips.add(cn);
            } else if (HostNames.dnsNameProblem(cn).isEmpty()) {
                dns.add(cn);
            }
        }
        // Validates the names and the SAN rule; the subject itself comes from the CSR.
        CertificateRequest check = new CertificateRequest(kind, "csr", dns.stream().distinct().toList(),
                ips.stream().distinct().toList(), null, validityDays);
        X509Certificate certificate = build(csr.subjectName(), csr.publicKey(), validityDays, kind,
                check.dnsNames(), check.ipAddresses());
        return new IssuedCertificate(certificate, null, issuerChain());
    }

    private List<X509Certificate> issuerChain() {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate());
        chain.addAll(material.issuers());
        return chain;
    }

    private X509Certificate build(X500Name subject, PublicKey publicKey, int validityDays, CertificateKind kind,
                                  List<String> dnsNames, List<String> ipAddresses) {
        Instant now = clock.instant();
        Instant caNotAfter = certificate().getNotAfter().toInstant();
        if (!now.isBefore(caNotAfter)) {
            throw new IllegalStateException("the CA '" + material.subject() + "' expired on " + caNotAfter);
        }
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = now.plus(Duration.ofDays(validityDays));
        if (notAfter.isAfter(caNotAfter)) {
            notAfter = caNotAfter;
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate(), randomSerial(),
                Date.from(notBefore), Date.from(notAfter), subject, publicKey);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(utils));
            switch (kind) {
                case CA -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
                }
                case SERVER, CLIENT -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    int usage = KeyUsage.digitalSignature;
                    if ("RSA".equals(publicKey.getAlgorithm())) {
                        usage |= KeyUsage.keyEncipherment;
                    }
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            kind == CertificateKind.SERVER ? KeyPurposeId.id_kp_serverAuth
                                    : KeyPurposeId.id_kp_clientAuth));
                }
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            }
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
            for (String ip : ipAddresses) {
                InetAddress address = HostNames.ipLiteral(ip).orElseThrow();
                names.add(new GeneralName(GeneralName.iPAddress, address.getHostAddress()));
            }
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, subject.getRDNs().length == 0,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
        } catch (CertIOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build the certificate", e);
        }
        return sign(builder, privateKey);
    }

    /** The issuer's own key identifier, so that AKI matches the CA's SKI byte for byte. */
    private AuthorityKeyIdentifier authorityKeyIdentifier(JcaX509ExtensionUtils utils) {
        byte[] extension = certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension != null) {
            byte[] id = ASN1OctetString.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getOctets();
            return new AuthorityKeyIdentifier(id);
        }
        return utils.createAuthorityKeyIdentifier(certificate().getPublicKey());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            var signer = new JcaContentSignerBuilder(Keys.signatureAlgorithm(signingKey)).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign the certificate", e);
        }
    }

    /** A positive random serial of up to 159 bits (at least 64 random bits; never zero). */
    static BigInteger randomSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(159, Keys.RANDOM);
        } while (serial.bitLength() < 64);
        return serial;
    }

    static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static void requireKind(CertificateRequest request, CertificateKind kind) {
        if (request.kind() != kind) {
            throw new IllegalArgumentException("expected a " + kind + " request, got " + request.kind());
        }
    }

    @Override
    public String toString() {
        return "CertificateAuthority[subject=" + material.subject() + ", root=" + isRoot()
                + ", key=" + Keys.describe(privateKey) + " (redacted)]";
    }
}
