package io.egressstudio.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.KeyType;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @Test
    void rootIsV3SelfSignedCaWithKeyIdentifiers() throws Exception {
        X509Certificate root = Pki.CA.certificate();
        assertThat(root.getVersion()).isEqualTo(3);
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(root.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId(),
                Extension.keyUsage.getId());
        assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(CertificateInspector.isSelfSigned(root)).isTrue();
        assertThat(subjectKeyId(root)).isEqualTo(authorityKeyId(root));
        root.checkValidity();
    }

    @Test
    void serverCertificateHasSansServerAuthAndChainsToTheCa() throws Exception {
        X509Certificate server = Pki.SERVER.certificate();
        assertThat(server.getVersion()).isEqualTo(3);
        assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=greeting.remote.com");
        assertThat(CertificateInspector.dnsNames(server)).containsExactly("greeting.remote.com", "*.apps.example.com");
        assertThat(CertificateInspector.ipAddresses(server)).containsExactly("127.0.0.1");
        assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId());
        assertThat(server.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(server.getKeyUsage()[2]).as("keyEncipherment (RSA)").isTrue();
        assertThat(authorityKeyId(server)).isEqualTo(subjectKeyId(Pki.CA.certificate()));
        assertThat(subjectKeyId(server)).isNotEmpty();
        server.verify(Pki.CA.certificate().getPublicKey());
        assertThat(Pki.SERVER.chain()).containsExactly(server);
        assertThat(Pki.SERVER.root()).isEqualTo(Pki.CA.certificate());
    }

    @Test
    void clientCertificateHasClientAuthOnly() throws Exception {
        X509Certificate client = Pki.CLIENT.certificate();
        assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(CertificateInspector.dnsNames(client)).containsExactly("greeting-client");
        assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=greeting-client");
        client.verify(Pki.CA.certificate().getPublicKey());
    }

    @Test
    void serialsAreRandomPositiveAtLeast64BitsAndUnique() {
        Set<BigInteger> serials = new HashSet<>();
        CertificateAuthority ca = Pki.OTHER_CA;
        for (int i = 0; i < 20; i++) {
            BigInteger serial = ca.issue(CertificateRequest.client("c" + i, KeyType.EC_P256, 1)).certificate()
                    .getSerialNumber();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isBetween(64, 159);
            serials.add(serial);
        }
        for (int i = 0; i < 10_000; i++) {
            serials.add(CertificateAuthority.randomSerial());
        }
        assertThat(serials).hasSize(10_020);
    }

    @Test
    void keyTypesAndSignatureAlgorithms() {
        CertificateAuthority ecCa = Pki.OTHER_CA;
        IssuedCertificate ec = ecCa.issue(CertificateRequest.server(List.of("ec.example.com"), KeyType.EC_P256, 30));
        assertThat(ec.certificate().getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(Keys.describe(ec.certificate().getPublicKey())).isEqualTo("EC P-256");
        assertThat(ec.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(ec.certificate().getKeyUsage()[2]).as("no keyEncipherment for EC").isFalse();

        IssuedCertificate rsa4096 = Pki.CA.issue(CertificateRequest.client("big", KeyType.RSA_4096, 30));
        assertThat(((RSAPublicKey) rsa4096.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(4096);
        assertThat(rsa4096.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    @Test
    void validityIsBackdatedAFewMinutesAndNeverOutlastsTheCa() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        CertificateAuthority shortCa = CertificateAuthority.createRoot(
                CertificateRequest.ca("Short CA", KeyType.EC_P256, 10), Clock.fixed(now, java.time.ZoneOffset.UTC));
        IssuedCertificate leaf = shortCa.issue(CertificateRequest.server(List.of("a.example.com"), KeyType.EC_P256, 365));
        assertThat(leaf.certificate().getNotBefore().toInstant()).isEqualTo(now.minus(Duration.ofMinutes(5)));
        assertThat(leaf.certificate().getNotAfter()).isEqualTo(shortCa.certificate().getNotAfter());
        IssuedCertificate week = shortCa.issue(CertificateRequest.client("c", KeyType.EC_P256, 7));
        assertThat(week.certificate().getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(7)));
    }

    @Test
    void anExpiredCaIssuesNothing() {
        CertificateAuthority ca = Pki.OTHER_CA.withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(4000)));
        assertThatThrownBy(() -> ca.issue(CertificateRequest.client("c", KeyType.EC_P256, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expired");
    }

    @Test
    void intermediateCaSignsLeavesAndTheChainGoesToTheRoot() throws Exception {
        CertificateAuthority intermediate = Pki.CA.createIntermediate("Test Intermediate", KeyType.EC_P256, 1000);
        assertThat(intermediate.certificate().getBasicConstraints()).isZero();
        assertThat(intermediate.isRoot()).isFalse();
        assertThat(intermediate.root()).isEqualTo(Pki.CA.certificate());
        IssuedCertificate leaf = intermediate.issue(CertificateRequest.server(List.of("i.example.com"),
                KeyType.EC_P256, 30));
        assertThat(leaf.chain()).containsExactly(leaf.certificate(), intermediate.certificate());
        assertThat(leaf.issuers()).containsExactly(intermediate.certificate(), Pki.CA.certificate());
        leaf.certificate().verify(intermediate.certificate().getPublicKey());
        assertThatThrownBy(() -> intermediate.createIntermediate("Too Deep", KeyType.EC_P256, 10))
                .hasMessageContaining("pathLenConstraint 0");
    }

    @Test
    void signsACsrKeepingItsSubjectAndSansAndAddingExtras() throws Exception {
        KeyPair keys = Keys.generate(KeyType.EC_P256);
        Csr csr = Csr.parse(Csr.create(keys, "hr.apps.example.com", List.of("hr.apps.example.com"),
                List.of("10.1.2.3")), "hr.csr");
        IssuedCertificate signed = Pki.CA.sign(csr, CertificateKind.SERVER, List.of("alt.example.com"), List.of(), 90);
        X509Certificate certificate = signed.certificate();
        assertThat(signed.privateKey()).isEmpty();
        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=hr.apps.example.com");
        assertThat(CertificateInspector.dnsNames(certificate)).containsExactly("hr.apps.example.com", "alt.example.com");
        assertThat(CertificateInspector.ipAddresses(certificate)).containsExactly("10.1.2.3");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThatThrownBy(() -> Pki.CA.sign(csr, CertificateKind.CA, List.of(), List.of(), 90))
                .hasMessageContaining("never as a CA");
    }

    @Test
    void aServerCsrWithoutSansGetsItsCommonNameAsTheSan() throws Exception {
        Csr csr = Csr.parse(Csr.create(Keys.generate(KeyType.EC_P256), "plain.example.com", List.of(), List.of()),
                "plain.csr");
        X509Certificate certificate = Pki.CA.sign(csr, CertificateKind.SERVER, null, null, 30).certificate();
        assertThat(CertificateInspector.dnsNames(certificate)).containsExactly("plain.example.com");
    }

    @Test
    void aTamperedCsrIsRefused() {
        String pem = Csr.create(Keys.generate(KeyType.EC_P256), "x.example.com", List.of("x.example.com"), List.of());
        String[] lines = pem.split("\n");
        // flip a character inside the signed body (line 3 is well inside the request info)
        char[] line = lines[3].toCharArray();
        line[10] = line[10] == 'A' ? 'B' : 'A';
        lines[3] = new String(line);
        String tampered = String.join("\n", lines);
        assertThatThrownBy(() -> Csr.parse(tampered, "x.csr")).isInstanceOf(BadMaterialException.class)
                .hasMessageStartingWith("x.csr: ");
    }

    @Test
    void requestsAreCheckedWithUsefulMessages() {
        assertThatThrownBy(() -> CertificateRequest.server(List.of("bad_host"), KeyType.RSA_2048, 1))
                .hasMessageContaining("bad_host");
        assertThatThrownBy(() -> new CertificateRequest(CertificateKind.SERVER, "x", List.of(), List.of(), null, 1))
                .hasMessageContaining("at least one DNS name or IP address");
        assertThatThrownBy(() -> CertificateRequest.ca("ca", KeyType.RSA_2048, 0)).hasMessageContaining("at least 1 day");
        assertThatThrownBy(() -> CertificateRequest.server(List.of("a.com"), null, 1).ipAddresses().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(CertificateRequest.client("client organization", null, 1).dnsNames()).isEmpty();
    }

    @Test
    void aCaFromFilesMustBeACaWithItsOwnKey() {
        assertThatThrownBy(() -> CertificateAuthority.of(Pki.SERVER.certificate(), Pki.SERVER.privateKey().get(),
                List.of(), "server.crt")).isInstanceOf(BadMaterialException.class).hasMessageContaining("not a CA");
        assertThatThrownBy(() -> CertificateAuthority.of(Pki.CA.certificate(), Pki.SERVER.privateKey().get(),
                List.of(), "ca.crt")).hasMessageContaining("does not belong");
    }

    @Test
    void toStringNeverShowsTheKey() {
        String key = Pki.SERVER.privateKeyPem();
        String body = key.split("\n")[1];
        assertThat(Pki.SERVER.toString()).contains("redacted").doesNotContain(body).doesNotContain("PRIVATE KEY");
        assertThat(Pki.CA.toString()).contains("redacted").doesNotContain("PRIVATE KEY");
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        return ASN1OctetString.getInstance(ASN1OctetString.getInstance(value).getOctets()).getOctets();
    }

    private static byte[] authorityKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifierOctets();
    }
}
