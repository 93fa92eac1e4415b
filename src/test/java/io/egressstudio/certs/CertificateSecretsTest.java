package io.egressstudio.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.KeyType;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.SecretLayout;
import io.egressstudio.model.SecretPlacement;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateSecretsTest {
    private static final CertificateSpec SERVER_SPEC = new CertificateSpec("greeting-remote-cert",
            CertificateKind.SERVER, "greeting.remote.com", List.of("greeting.remote.com"), List.of(), "ca-root",
            KeyType.RSA_2048, 365, List.of());

    @Test
    void tlsLayoutAsKubernetesTlsSecretInTheGatewaysNamespace() throws Exception {
        Secret secret = CertificateSecrets.secret(SERVER_SPEC,
                new SecretPlacement("greeting-remote-secret", "istio-system-service", SecretLayout.TLS, true),
                Pki.SERVER);
        assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(secret.getMetadata().getName()).isEqualTo("greeting-remote-secret");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("istio-system-service");
        assertThat(secret.getMetadata().getAnnotations()).containsEntry("egress-studio.io/certificate",
                "greeting-remote-cert");
        assertThat(secret.getData()).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");
        assertThat(Pem.readCertificates(decode(secret, "tls.crt"), "tls.crt")).containsExactly(Pki.SERVER.certificate());
        assertThat(Pem.readPrivateKey(decode(secret, "tls.key"), "tls.key", null))
                .isEqualTo(Pki.SERVER.privateKey().get());
        assertThat(Pem.readCertificates(decode(secret, "ca.crt"), "ca.crt")).containsExactly(Pki.CA.certificate());
    }

    @Test
    void genericLayoutAsOpaque() {
        Secret secret = CertificateSecrets.secret(SERVER_SPEC,
                new SecretPlacement("greeting-client-secret", "istio-system-client", SecretLayout.GENERIC, false),
                Pki.CLIENT);
        assertThat(secret.getType()).isEqualTo("Opaque");
        assertThat(secret.getData()).containsOnlyKeys("cert", "key", "cacert");
    }

    @Test
    void filesLayoutUsesTheSpecAndIssuerIdsAsBaseNames() {
        CertificateSpec client = new CertificateSpec("greeting-client", CertificateKind.CLIENT, "greeting-client",
                List.of(), List.of(), "ca-root", KeyType.RSA_2048, 365, List.of());
        Secret secret = CertificateSecrets.secret(client,
                new SecretPlacement("greeting-client-secret", "greetings-client", SecretLayout.FILES, false),
                Pki.CLIENT);
        assertThat(secret.getData()).containsOnlyKeys("greeting-client.crt", "greeting-client.key", "ca-root.crt");
        assertThat(CertificateSecrets.fileBaseName(client)).isEqualTo("greeting-client");
        assertThat(CertificateSecrets.caFileBaseName(client)).isEqualTo("ca-root");
    }

    @Test
    void theCertificateEntryCarriesIntermediatesAndTheCaEntryTheRoot() throws Exception {
        CertificateAuthority intermediate = Pki.CA.createIntermediate("Secret Intermediate", KeyType.EC_P256, 100);
        IssuedCertificate leaf = intermediate.issue(CertificateRequest.server(List.of("a.example.com"),
                KeyType.EC_P256, 30));
        Secret secret = CertificateSecrets.secret(SERVER_SPEC,
                new SecretPlacement("s", "ns", SecretLayout.TLS, false), leaf);
        List<X509Certificate> chain = Pem.readCertificates(decode(secret, "tls.crt"), "tls.crt");
        assertThat(chain).containsExactly(leaf.certificate(), intermediate.certificate());
        assertThat(Pem.readCertificates(decode(secret, "ca.crt"), "ca.crt")).containsExactly(Pki.CA.certificate());
    }

    @Test
    void aCaSpecsSecretHoldsOnlyTheCertificateNeverTheCaKey() {
        CertificateSpec ca = new CertificateSpec("ca-root", CertificateKind.CA, "Test Root CA", null, null, null,
                null, null, List.of());
        Secret secret = CertificateSecrets.secret(ca,
                new SecretPlacement("greeting-remote-secret-cacert", "istio-system-service", SecretLayout.GENERIC,
                        false), Pki.CA.material());
        assertThat(secret.getData()).containsOnlyKeys("cacert");
        assertThat(decode(secret, "cacert")).doesNotContain("PRIVATE KEY");
        assertThatThrownBy(() -> CertificateSecrets.secret(ca, new SecretPlacement("x", "ns", SecretLayout.TLS, true),
                Pki.CA.material())).hasMessageContaining("cannot be of type kubernetes.io/tls");
    }

    @Test
    void refusesWhatTheApiServerOrTheProxyWouldRefuse() {
        List<X509Certificate> chain = Pki.SERVER.chain();
        var key = Pki.SERVER.privateKey().get();
        assertThatThrownBy(() -> CertificateSecrets.secret("s", "ns", SecretLayout.GENERIC, true, "n", "ca", chain,
                key, null)).hasMessageContaining("type kubernetes.io/tls needs the keys tls.crt and tls.key");
        assertThatThrownBy(() -> CertificateSecrets.secret("Bad_Name", "ns", SecretLayout.TLS, false, "n", "ca",
                chain, key, null)).hasMessageContaining("not a valid Secret name");
        assertThatThrownBy(() -> CertificateSecrets.secret("s", "Istio_System", SecretLayout.TLS, false, "n", "ca",
                chain, key, null)).hasMessageContaining("not a valid namespace");
        assertThatThrownBy(() -> CertificateSecrets.secret("s", "ns", SecretLayout.TLS, false, "n", "ca", chain,
                Pki.CLIENT.privateKey().get(), null)).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> CertificateSecrets.secret("s", "ns", SecretLayout.FILES, false, "a b", "ca", chain,
                key, null)).hasMessageContaining("cannot be a Secret key");
    }

    @Test
    void yamlForApplyHasTheKeyAndRedactedYamlDoesNot() {
        Secret secret = CertificateSecrets.secret(SERVER_SPEC,
                new SecretPlacement("greeting-remote-secret", "istio-system-service", SecretLayout.TLS, false),
                Pki.SERVER);
        String keyData = secret.getData().get("tls.key");
        String applied = CertificateSecrets.toYaml(secret, true);
        assertThat(applied).contains("kind: \"Secret\"", "type: \"Opaque\"", keyData);
        assertThat(Serialization.unmarshal(applied, Secret.class)).isEqualTo(secret);
        String shown = CertificateSecrets.toYaml(secret, false);
        assertThat(shown).doesNotContain(keyData).contains(CertificateSecrets.REDACTED)
                .contains(secret.getData().get("tls.crt"));
        assertThat(secret.getData().get("tls.key")).as("redacting copies").isEqualTo(keyData);
        assertThat(CertificateSecrets.describe(secret)).doesNotContain(keyData)
                .isEqualTo("Secret istio-system-service/greeting-remote-secret (Opaque) keys [tls.crt, tls.key, ca.crt]");
    }

    @Test
    void theGeneratorGetsEverySecretOfTheMutualScenario() {
        Scenario scenario = BuiltInScenarios.get("1a-mutual");
        // EC keys keep the test fast (the scenario's RSA 4096 root is covered in CertificateAuthorityTest)
        List<CertificateSpec> specs = scenario.certificates().stream().map(c -> new CertificateSpec(c.id(), c.kind(),
                c.commonName(), c.dnsNames(), c.ipAddresses(), c.issuer(), KeyType.EC_P256, c.validityDays(),
                c.secrets())).toList();
        Map<String, IssuedCertificate> material = ScenarioCertificates.issue(specs);
        assertThat(material).containsOnlyKeys("ca-root", "greeting-remote-cert", "greeting-client");
        X509Certificate root = material.get("ca-root").certificate();
        assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=skoussou.com");
        assertThat(material.get("greeting-remote-cert").root()).isEqualTo(root);
        assertThat(new CertificateInspector().checkHost(material.get("greeting-remote-cert").certificate(),
                "greeting.remote.com")).isEmpty();

        List<Secret> secrets = ScenarioCertificates.secrets(specs, material);
        assertThat(secrets).extracting(s -> s.getMetadata().getNamespace() + "/" + s.getMetadata().getName())
                .containsExactly("istio-system-service/greeting-remote-secret",
                        "greetings-client/greeting-client-secret");
        assertThat(secrets.get(0).getData()).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");
        assertThat(secrets.get(1).getData()).containsOnlyKeys("greeting-client.crt", "greeting-client.key",
                "ca-root.crt");
    }

    @Test
    void scenarioSpecsThatCannotBeIssuedSayWhy() {
        CertificateSpec orphan = new CertificateSpec("orphan", CertificateKind.CLIENT, "c", null, null, null, null,
                null, null);
        assertThatThrownBy(() -> ScenarioCertificates.issue(List.of(orphan))).hasMessageContaining("has no issuer");
        CertificateSpec ca = new CertificateSpec("ca", CertificateKind.CA, "CA", null, null, null, KeyType.EC_P256,
                null, null);
        CertificateSpec server = new CertificateSpec("server", CertificateKind.SERVER, "a.example.com", null, null,
                "ca", KeyType.EC_P256, null, null);
        CertificateSpec signedByALeaf = new CertificateSpec("x", CertificateKind.CLIENT, "c", null, null, "server",
                KeyType.EC_P256, null, null);
        assertThatThrownBy(() -> ScenarioCertificates.issue(List.of(ca, server, signedByALeaf)))
                .hasMessageContaining("issuer 'server' is not a CA certificate");
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.US_ASCII);
    }
}
