package io.egressstudio.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.certs.CertificateAuthority;
import io.egressstudio.certs.CertificateRequest;
import io.egressstudio.certs.IssuedCertificate;
import io.egressstudio.certs.LegacyCertificates;
import io.egressstudio.certs.Pem;
import io.egressstudio.generate.GeneratorOptions;
import io.egressstudio.generate.PemMaterial;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.model.KeyType;
import io.egressstudio.model.Scenario;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The certificate analyzers over the 1a-mutual scenario with real certificates in its Secrets: issued right, nothing
 * is reported; each defect the seed's scripts or a hurried operator can make is reported at the right resource.
 * Certificates are made at run time, so validity is relative to now.
 */
class CertificateAnalyzersTest {
    /** The codes this class exercises (the catalogue's meta-test counts them as covered). */
    static final Set<String> COVERS = Set.of("ES0016", "ES0017", "ES0018", "ES0019", "ES0020", "ES0034");
    private static final String HOST = "greeting.remote.com";
    private static CertificateAuthority ca;
    private static CertificateAuthority otherCa;
    private static Scenario scenario;

    @BeforeAll
    static void issueAuthorities() {
        ca = CertificateAuthority.createRoot("ca-root", KeyType.EC_P256, 3650);
        otherCa = CertificateAuthority.createRoot("someone else's CA", KeyType.EC_P256, 3650);
        scenario = BuiltInDesigns.finished("1a-mutual");
    }

    private static PemMaterial material(IssuedCertificate issued, CertificateAuthority issuer) {
        return new PemMaterial(issued.chainPem(), Pem.privateKey(issued.privateKey().orElseThrow()),
                Pem.certificate(issuer.certificate()));
    }

    private static List<Finding> analyze(PemMaterial server, PemMaterial client) {
        Map<String, PemMaterial> byId = new HashMap<>();
        byId.put("greeting-remote-cert", server);
        byId.put("greeting-client", client);
        var set = ScenarioGenerator.generate(scenario, new GeneratorOptions(spec -> Optional.ofNullable(byId.get(spec.id()))));
        return Analyzers.analyze(MeshView.of(set));
    }

    private static PemMaterial server(String host, int days) {
        return material(ca.issue(CertificateRequest.server(List.of(host), KeyType.EC_P256, days)), ca);
    }

    private static PemMaterial client(CertificateAuthority issuer) {
        return material(issuer.issue(CertificateRequest.client("greeting-client", KeyType.EC_P256, 365)), issuer);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().filter(f -> COVERS.contains(f.code())).map(f -> f.code() + " " + f.resource()).toList();
    }

    @Test
    void rightlyIssuedCertificatesRaiseNoCertificateFinding() {
        assertThat(codes(analyze(server(HOST, 365), client(ca)))).isEmpty();
    }

    @Test
    void reportsAClientCertificateFromAnotherCaAtTheRuleThatPresentsIt() {
        assertThat(codes(analyze(server(HOST, 365), client(otherCa))))
                .containsExactly("ES0020 DestinationRule/greetings-client/originate-tls-to-rest-greeting-remote");
    }

    @Test
    void reportsAServerCertificateThatDoesNotCoverTheGatewayHost() {
        List<Finding> findings = analyze(server("other.remote.com", 365), client(ca));
        assertThat(codes(findings)).containsExactly("ES0019 Gateway/greetings-service/rest-greeting-remote-gateway");
        assertThat(findings).filteredOn(f -> f.code().equals("ES0019")).singleElement()
                .satisfies(f -> assertThat(f.field()).isEqualTo("spec.servers[0].hosts[0]"))
                .satisfies(f -> assertThat(f.message()).contains(HOST).contains("Secret/istio-system-service/greeting-remote-secret"));
    }

    @Test
    void reportsACertificateThatExpiresWithinThirtyDays() {
        assertThat(codes(analyze(server(HOST, 10), client(ca))))
                .containsExactly("ES0017 Secret/istio-system-service/greeting-remote-secret");
    }

    @Test
    void reportsAnExpiredCertificate() {
        Clock twoYearsAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(730)), ZoneOffset.UTC);
        CertificateAuthority oldCa = CertificateAuthority.createRoot(CertificateRequest.ca("ca-root", KeyType.EC_P256, 3650), twoYearsAgo);
        PemMaterial expired = material(oldCa.issue(CertificateRequest.server(List.of(HOST), KeyType.EC_P256, 365)), oldCa);
        List<String> codes = codes(analyze(expired, client(ca)));
        assertThat(codes).contains("ES0016 Secret/istio-system-service/greeting-remote-secret");
    }

    @Test
    void reportsTheSeedsVersionOneCertificatesWithoutSubjectAltNames() throws Exception {
        X509Certificate legacy = LegacyCertificates.v1(ca, HOST, BigInteger.ONE);
        PemMaterial seedStyle = new PemMaterial(Pem.certificate(legacy), null, Pem.certificate(ca.certificate()));
        List<Finding> findings = analyze(seedStyle, client(ca));
        assertThat(codes(findings)).contains("ES0018 Secret/istio-system-service/greeting-remote-secret");
        assertThat(findings).filteredOn(f -> f.code().equals("ES0018")).first()
                .satisfies(f -> assertThat(f.field()).isEqualTo("data.tls.crt"));
    }

    @Test
    void reportsAGatewayCredentialWhoseKeyIsNotItsCertificatesKey() {
        PemMaterial issued = server(HOST, 365);
        PemMaterial otherKey = server(HOST, 365);
        PemMaterial mixed = new PemMaterial(issued.certificate(), otherKey.privateKey(), issued.caCertificate());
        List<Finding> findings = analyze(mixed, client(ca));
        assertThat(codes(findings)).containsExactly("ES0034 Gateway/greetings-service/rest-greeting-remote-gateway");
        assertThat(findings).filteredOn(f -> f.code().equals("ES0034")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("is not the key of the certificate"))
                .satisfies(f -> assertThat(f.field()).isEqualTo("spec.servers[0].tls.credentialName"));
    }

    @Test
    void reportsAGatewayCredentialWithAnUnreadableKeyOrWithoutTheCaAMutualServerNeeds() {
        PemMaterial issued = server(HOST, 365);
        PemMaterial unreadable = new PemMaterial(issued.certificate(),
                "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n", issued.caCertificate());
        assertThat(analyze(unreadable, client(ca))).filteredOn(f -> f.code().equals("ES0034")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no readable PEM private key"));
        PemMaterial withoutCa = new PemMaterial(issued.certificate(), issued.privateKey(), null);
        assertThat(analyze(withoutCa, client(ca))).filteredOn(f -> f.code().equals("ES0034")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("cannot verify client certificates"));
    }
}
