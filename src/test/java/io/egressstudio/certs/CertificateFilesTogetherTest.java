package io.egressstudio.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key is never on disk without its certificate, and a failed write leaves what was there. */
class CertificateFilesTogetherTest {
    @TempDir
    Path dir;
    private final Cli cli = new Cli();

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** 1a-mutual with quick EC keys: a CA, a server and a client certificate. */
    private Path mutualScenario(String validityOfTheClient) throws IOException {
        String yaml = ScenarioFile.toYaml(BuiltInScenarios.get("1a-mutual"))
                .replaceAll("keyType: RSA_\\d+", "keyType: EC_P256")
                .replace("commonName: greeting-client\n    issuer: ca-root\n    keyType: EC_P256\n    validityDays: 365",
                        "commonName: greeting-client\n    issuer: ca-root\n    keyType: EC_P256\n    validityDays: "
                                + validityOfTheClient);
        if (!yaml.contains("validityDays: " + validityOfTheClient)) {
            throw new IllegalStateException("the client certificate's validity was not replaced:\n" + yaml);
        }
        return Files.writeString(dir.resolve("mutual.yaml"), yaml);
    }

    @Test
    void certsScenarioWritesEveryCertificateWithItsKeyOwnerOnly() throws Exception {
        Path scenario = mutualScenario("30");

        Cli.Run run = cli.ok("certs", "scenario", scenario.toString(), "-o", dir.resolve("pki").toString());

        assertThat(namesIn(dir.resolve("pki"))).containsExactly("ca-root.crt", "ca-root.key", "greeting-client.crt",
                "greeting-client.key", "greeting-remote-cert.crt", "greeting-remote-cert.key");
        assertThat(run.out()).contains("wrote " + dir.resolve("pki/greeting-client.key"));
        for (String key : List.of("ca-root.key", "greeting-client.key", "greeting-remote-cert.key")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("pki").resolve(key)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(Files.readString(dir.resolve("pki/greeting-client.crt"))).contains("BEGIN CERTIFICATE");
    }

    @Test
    void certsScenarioThatCannotWriteOneFileWritesNoKeyAtAll() throws Exception {
        Path scenario = mutualScenario("30");
        Path pki = Files.createDirectories(dir.resolve("pki"));
        // the client's key cannot be placed: a folder is in the way
        Files.createDirectories(pki.resolve("greeting-client.key"));

        Cli.Run run = cli.run("certs", "scenario", scenario.toString(), "-o", pki.toString(), "--force");

        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains(pki.resolve("greeting-client.key").toString(), "is a folder")
                .doesNotContain("Exception");
        assertThat(namesIn(pki)).as("no key and no certificate of the other specs either")
                .containsExactly("greeting-client.key");
    }

    @Test
    void initCaOverAReadOnlyKeyIsRefusedAndTheOldCaStaysWhole() throws Exception {
        Path pki = dir.resolve("pki");
        cli.ok("certs", "init-ca", "--key", "ec256", "-o", pki.toString());
        byte[] certificate = Files.readAllBytes(pki.resolve("ca.crt"));
        byte[] key = Files.readAllBytes(pki.resolve("ca.key"));
        Files.setPosixFilePermissions(pki.resolve("ca.key"), PosixFilePermissions.fromString("r--------"));

        Cli.Run run = cli.run("certs", "init-ca", "--key", "ec256", "--cn", "Another CA", "-o", pki.toString(), "--force");

        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains(pki.resolve("ca.key") + ": cannot write: the file is read-only");
        assertThat(Files.readAllBytes(pki.resolve("ca.crt"))).as("the certificate still matches the key")
                .isEqualTo(certificate);
        assertThat(Files.readAllBytes(pki.resolve("ca.key"))).isEqualTo(key);
        assertThat(namesIn(pki)).containsExactly("ca.crt", "ca.key");
    }

    @Test
    void aCenturyOfValidityIsTheMostAScenarioCertificateGets() {
        CertificateSpec forever = new CertificateSpec("ca-root", CertificateKind.CA, "Root", null, null, null,
                KeyType.EC_P256, 3_000_000, null);

        assertThatThrownBy(() -> ScenarioCertificates.issue(List.of(forever)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("certificate 'ca-root': validity of 3000000 days is more than 36500 (100 years); "
                        + "use 1 to 36500");
    }

    @Test
    void certsScenarioWithAHugeValidityNamesTheFileAndWritesNothing() throws Exception {
        Path scenario = mutualScenario("3000000");
        Path pki = dir.resolve("pki");

        Cli.Run run = cli.run("certs", "scenario", scenario.toString(), "-o", pki.toString());

        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).startsWith(scenario.toString()).contains("3000000")
                .doesNotContain("Exception", "\tat ");
        assertThat(Files.exists(pki)).isFalse();
    }
}
