package io.egressstudio.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.certs.CertificateIssue.Check;
import io.egressstudio.certs.CertificateIssue.Severity;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.KeyType;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per finding the analyzer will show, plus the clean cases that must stay silent. */
class CertificateInspectorTest {
    private final CertificateInspector inspector = new CertificateInspector();

    @Test
    void freshlyIssuedCertificatesHaveNoFindings() {
        for (IssuedCertificate issued : List.of(Pki.SERVER, Pki.CLIENT)) {
            assertThat(inspector.inspect(issued.certificate())).isEmpty();
            assertThat(inspector.checkChain(issued.chain(), Pki.CA.certificate())).isEmpty();
        }
        assertThat(inspector.inspect(Pki.CA.certificate())).isEmpty();
        assertThat(inspector.checkPurpose(Pki.SERVER.certificate(), CertificateKind.SERVER)).isEmpty();
        assertThat(inspector.checkPurpose(Pki.CLIENT.certificate(), CertificateKind.CLIENT)).isEmpty();
        assertThat(inspector.checkPurpose(Pki.CA.certificate(), CertificateKind.CA)).isEmpty();
        assertThat(inspector.checkHost(Pki.SERVER.certificate(), "greeting.remote.com")).isEmpty();
        assertThat(inspector.checkHost(Pki.SERVER.certificate(), "hr.apps.example.com")).isEmpty();
        assertThat(inspector.checkHost(Pki.SERVER.certificate(), "127.0.0.1")).isEmpty();
        assertThat(inspector.checkKeyPair(Pki.SERVER.certificate(), Pki.SERVER.privateKey().get())).isEmpty();
    }

    @Test
    void clientCertificateNotSignedByTheCaTheGatewayTrusts() {
        IssuedCertificate foreign = Pki.OTHER_CA.issue(CertificateRequest.client("greeting-client", KeyType.EC_P256, 30));
        List<CertificateIssue> issues = inspector.checkChain(foreign.chain(), Pki.CA.certificate());
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.check()).isEqualTo(Check.NOT_SIGNED_BY_CA);
            assertThat(issue.subject()).isEqualTo("CN=greeting-client");
            assertThat(issue.message()).contains("not signed by the trusted CA 'CN=Test Root CA'")
                    .contains("its issuer is 'CN=Other CA'");
            assertThat(issue.fix()).contains("ca.crt");
        });
    }

    @Test
    void aCaRecreatedWithTheSameNameIsCalledOut() {
        IssuedCertificate fromTwin = Pki.SAME_NAME_CA.issue(CertificateRequest.client("c", KeyType.EC_P256, 30));
        assertThat(inspector.checkChain(fromTwin.chain(), Pki.CA.certificate())).singleElement()
                .satisfies(issue -> assertThat(issue.message()).contains("another CA with the same name"));
    }

    @Test
    void chainsThroughAnIntermediateOnlyWhenItIsIncluded() {
        CertificateAuthority intermediate = Pki.CA.createIntermediate("Inspector Intermediate", KeyType.EC_P256, 100);
        IssuedCertificate leaf = intermediate.issue(CertificateRequest.server(List.of("i.example.com"),
                KeyType.EC_P256, 30));
        assertThat(inspector.checkChain(leaf.chain(), Pki.CA.certificate())).isEmpty();
        assertThat(inspector.checkChain(List.of(leaf.certificate()), Pki.CA.certificate())).singleElement()
                .satisfies(issue -> assertThat(issue.fix()).contains("missing intermediate"));
    }

    @Test
    void serverCertificateWhoseSansDoNotCoverTheHost() {
        List<CertificateIssue> issues = inspector.checkHost(Pki.SERVER.certificate(), "hr-stio-sstm-svc.apps.c1.com");
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.check()).isEqualTo(Check.HOST_NOT_COVERED);
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.message()).contains("DNS:greeting.remote.com").contains("'hr-stio-sstm-svc.apps.c1.com'");
            assertThat(issue.fix()).contains("--server hr-stio-sstm-svc.apps.c1.com");
        });
        assertThat(inspector.checkHost(Pki.SERVER.certificate(), "a.b.apps.example.com")).singleElement()
                .satisfies(issue -> assertThat(issue.message()).contains("a wildcard covers exactly one label"));
        assertThat(inspector.checkHost(Pki.SERVER.certificate(), "10.0.0.1")).singleElement()
                .satisfies(issue -> assertThat(issue.message()).contains("only covered by an IP SAN"));
    }

    @Test
    void sanLessCertificateIsAWarningAloneAndAnErrorForAHost() throws Exception {
        X509Certificate v1 = LegacyCertificates.v1(Pki.CA, "greeting.remote.com", BigInteger.ONE);
        assertThat(inspector.inspect(v1)).extracting(CertificateIssue::check).containsExactly(Check.V1_CERTIFICATE);
        assertThat(inspector.checkHost(v1, "greeting.remote.com")).singleElement().satisfies(issue -> {
            assertThat(issue.check()).isEqualTo(Check.NO_SAN);
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.message()).contains("only in the CN");
        });
        // a v3 leaf without SAN: signed from a CSR as a client, which has no SAN requirement
        Csr csr = Csr.parse(Csr.create(Keys.generate(KeyType.EC_P256), "client organization", List.of(), List.of()),
                "c.csr");
        X509Certificate noSan = Pki.CA.sign(csr, CertificateKind.CLIENT, null, null, 90).certificate();
        assertThat(inspector.inspect(noSan)).singleElement().satisfies(issue -> {
            assertThat(issue.check()).isEqualTo(Check.NO_SAN);
            assertThat(issue.severity()).isEqualTo(Severity.INFO);
        });
        // a server certificate from a CSR always gets a SAN (its CN), so build the SAN-less server case by hand
        Csr serverCsr = Csr.parse(Csr.create(Keys.generate(KeyType.EC_P256), "server organization", List.of(),
                List.of()), "s.csr");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                Pki.CA.sign(serverCsr, CertificateKind.SERVER, null, null, 90)))
                .hasMessageContaining("at least one DNS name or IP address");
    }

    @Test
    void v1CertificatesWithoutExtensionsAreFlagged() throws Exception {
        X509Certificate v1 = LegacyCertificates.v1(Pki.CA, "client.example.com", BigInteger.ONE);
        assertThat(v1.getVersion()).isEqualTo(1);
        assertThat(CertificateInspector.isV1(v1)).isTrue();
        assertThat(inspector.inspect(v1)).singleElement().satisfies(issue -> {
            assertThat(issue.check()).isEqualTo(Check.V1_CERTIFICATE);
            assertThat(issue.message()).contains("X.509 v1").contains("no subjectAltName");
        });
        assertThat(CertificateInspector.isV1(Pki.SERVER.certificate())).isFalse();
    }

    @Test
    void expiredSoonExpiringAndNotYetValid() {
        Instant now = Instant.now();
        CertificateAuthority oldCa = CertificateAuthority.createRoot(CertificateRequest.ca("Old CA", KeyType.EC_P256,
                3650), Clock.fixed(now.minus(Duration.ofDays(400)), ZoneOffset.UTC));
        X509Certificate expired = oldCa.issue(CertificateRequest.client("old", KeyType.EC_P256, 365)).certificate();
        assertThat(inspector.validity(expired)).singleElement().satisfies(issue -> {
            assertThat(issue.check()).isEqualTo(Check.EXPIRED);
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.message()).contains("expired on").contains("35 days ago");
        });
        assertThat(inspector.daysLeft(expired)).isEqualTo(-35);

        X509Certificate soon = Pki.CA.issue(CertificateRequest.client("soon", KeyType.EC_P256, 10)).certificate();
        assertThat(inspector.validity(soon)).singleElement().satisfies(issue -> {
            assertThat(issue.check()).isEqualTo(Check.EXPIRES_SOON);
            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.message()).contains("in 9 days");
        });
        assertThat(new CertificateInspector(Clock.systemUTC(), 5).validity(soon)).isEmpty();

        X509Certificate future = Pki.CA.withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(2)))
                .issue(CertificateRequest.client("future", KeyType.EC_P256, 30)).certificate();
        assertThat(inspector.validity(future)).extracting(CertificateIssue::check)
                .containsExactly(Check.NOT_YET_VALID);
    }

    @Test
    void duplicateSerialsAcrossASet() throws Exception {
        X509Certificate curl = LegacyCertificates.v1(Pki.CA, "client.example.com", BigInteger.ONE);
        X509Certificate app = LegacyCertificates.v1(Pki.CA, "greeting-client", BigInteger.ONE);
        X509Certificate otherIssuer = LegacyCertificates.v1(Pki.OTHER_CA, "x", BigInteger.ONE);
        List<CertificateIssue> issues = inspector.checkDuplicateSerials(
                List.of(curl, app, otherIssuer, curl, Pki.SERVER.certificate(), Pki.CLIENT.certificate()));
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.check()).isEqualTo(Check.DUPLICATE_SERIAL);
            assertThat(issue.subject()).isEqualTo("CN=Test Root CA");
            assertThat(issue.message()).contains("2 different certificates").contains("serial 01")
                    .contains("CN=client.example.com").contains("CN=greeting-client");
        });
        assertThat(inspector.checkDuplicateSerials(List.of(Pki.SERVER.certificate(), Pki.CLIENT.certificate())))
                .isEmpty();
    }

    @Test
    void keyUsageMustFitTheRole() {
        assertThat(inspector.checkPurpose(Pki.SERVER.certificate(), CertificateKind.CLIENT)).singleElement()
                .satisfies(issue -> {
                    assertThat(issue.check()).isEqualTo(Check.WRONG_KEY_USAGE);
                    assertThat(issue.message()).contains("[serverAuth] lacks clientAuth");
                });
        assertThat(inspector.checkPurpose(Pki.CLIENT.certificate(), CertificateKind.SERVER)).singleElement()
                .satisfies(issue -> assertThat(issue.message()).contains("lacks serverAuth"));
        assertThat(inspector.checkPurpose(Pki.SERVER.certificate(), CertificateKind.CA)).extracting(CertificateIssue::check)
                .containsExactly(Check.NOT_A_CA, Check.WRONG_KEY_USAGE);
        assertThat(inspector.checkChain(Pki.CLIENT.chain(), Pki.SERVER.certificate()))
                .extracting(CertificateIssue::check).containsExactly(Check.NOT_A_CA, Check.NOT_SIGNED_BY_CA);
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificate() {
        assertThat(inspector.checkKeyPair(Pki.SERVER.certificate(), Pki.CLIENT.privateKey().get()))
                .extracting(CertificateIssue::check).containsExactly(Check.KEY_MISMATCH);
    }

    @Test
    void describeShowsWhatOpenSslShows() {
        CertificateInfo info = inspector.describe(Pki.SERVER.certificate());
        assertThat(info.version()).isEqualTo(3);
        assertThat(info.subjectAlternativeNames())
                .containsExactly("DNS:greeting.remote.com", "DNS:*.apps.example.com", "IP:127.0.0.1");
        assertThat(info.keyUsage()).containsExactly("digitalSignature", "keyEncipherment");
        assertThat(info.extendedKeyUsage()).containsExactly("serverAuth");
        assertThat(info.ca()).isFalse();
        assertThat(info.daysLeft()).isEqualTo(364);
        assertThat(info.serial()).isEqualTo(Pki.SERVER.certificate().getSerialNumber().toString(16).toUpperCase()
                .replaceFirst("^(.(..)*)$", "0$1"));
        assertThat(info.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(inspector.describe(Pki.CA.certificate()).pathLength()).isEqualTo(-1);
    }
}
