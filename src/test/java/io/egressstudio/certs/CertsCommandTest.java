package io.egressstudio.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code certs} commands run in-process through {@code EgressStudioCommand.run(out, err, args...)}. */
class CertsCommandTest {
    @TempDir
    Path dir;
    private final Cli cli = new Cli();

    private String p(String relative) {
        return dir.resolve(relative).toString();
    }

    @Test
    void initCaIssueAndInspect() throws Exception {
        Cli.Run init = cli.ok("certs", "init-ca", "--cn", "Mesh CA", "--key", "ec256", "--days", "100", "-o", p("pki"));
        assertThat(init.out()).contains("wrote " + p("pki/ca.crt") + ": CN=Mesh CA, EC P-256", "permissions 0600");
        // the CA comes from the output folder when --ca is not given
        Cli.Run server = cli.ok("certs", "issue", "--server", "greeting.remote.com", "*.apps.example.com", "--ip",
                "10.0.0.7", "-o", p("pki"));
        assertThat(server.out()).contains("wrote " + p("pki/greeting.remote.com.crt"),
                "[DNS:greeting.remote.com, DNS:*.apps.example.com, IP:10.0.0.7]", "serverAuth", "issued by CN=Mesh CA",
                "wrote " + p("pki/greeting.remote.com.key") + ": private key, permissions 0600",
                "(capped at the CA's expiry)");
        cli.ok("certs", "issue", "--client", "greeting-client", "--key", "ec256", "--days", "30", "-o", p("out"),
                "--ca", p("pki"));
        cli.ok("certs", "issue", "--server", "*.example.org", "--key", "ec256", "-o", p("out"), "--ca-dir", p("pki"));

        assertThat(permissions("pki/ca.key")).isEqualTo("rw-------");
        assertThat(permissions("pki/greeting.remote.com.key")).isEqualTo("rw-------");
        assertThat(permissions("out/greeting-client.key")).isEqualTo("rw-------");
        assertThat(permissions("out/wildcard.example.org.key")).isEqualTo("rw-------");
        assertThat(permissions("pki/ca.crt")).isEqualTo("rw-r--r--");
        assertThat(permissions("out/greeting-client.crt")).isEqualTo("rw-r--r--");

        Cli.Run clean = cli.run("certs", "inspect", p("pki/greeting.remote.com.crt"), p("pki/greeting.remote.com.key"),
                "--ca", p("pki/ca.crt"), "--host", "greeting.remote.com", "--host", "hr.apps.example.com");
        assertThat(clean.exit()).as(clean.all()).isZero();
        assertThat(clean.out()).contains("version:    3", "SANs:       DNS:greeting.remote.com, DNS:*.apps.example.com, "
                + "IP:10.0.0.7", "ext. usage: serverAuth", "(99 days left)", "private key, RSA 2048 (redacted",
                "no findings");

        Cli.Run wrongHost = cli.run("certs", "inspect", p("pki/greeting.remote.com.crt"), "--host", "other.remote.com");
        assertThat(wrongHost.exit()).isEqualTo(1);
        assertThat(wrongHost.out()).contains("ERROR   HOST_NOT_COVERED CN=greeting.remote.com", "fix: ");

        Cli.Run clientAsServer = cli.run("certs", "inspect", p("out/greeting-client.crt"), "--purpose", "server",
                "--ca", p("pki/ca.crt"));
        assertThat(clientAsServer.exit()).isEqualTo(1);
        assertThat(clientAsServer.out()).contains("WRONG_KEY_USAGE", "lacks serverAuth",
                "WARNING EXPIRES_SOON");
    }

    @Test
    void anIntermediateCaFromTheCli() throws Exception {
        cli.ok("certs", "init-ca", "--key", "ec256", "-o", p("root"));
        Cli.Run intermediate = cli.ok("certs", "init-ca", "--parent", p("root"), "--key", "ec256", "-o", p("int"));
        assertThat(intermediate.out()).contains("CN=Egress Studio Intermediate CA", "signed by CN=Egress Studio Root CA",
                "ca-chain.crt");
        cli.ok("certs", "issue", "--server", "leaf.example.com", "--key", "ec256", "-o", p("int"));
        assertThat(Pem.labels(Files.readString(dir.resolve("int/leaf.example.com.crt"))))
                .containsExactly("CERTIFICATE", "CERTIFICATE");
        Cli.Run inspect = cli.run("certs", "inspect", p("int/leaf.example.com.crt"), "--ca", p("root/ca.crt"),
                "--host", "leaf.example.com");
        assertThat(inspect.exit()).as(inspect.all()).isZero();
        assertThat(inspect.out()).contains("certificate 1 of 2", "certificate 2 of 2", "path length 0");
    }

    @Test
    void secretLayoutsAndTypes() throws Exception {
        material();
        Cli.Run tls = cli.ok("certs", "secret", "--cert", p("greeting.remote.com.crt"), "--key",
                p("greeting.remote.com.key"), "--ca", p("ca.crt"), "--name", "greeting-remote-secret", "--namespace",
                "istio-system-service", "--type", "tls");
        Secret secret = Serialization.unmarshal(tls.out(), Secret.class);
        assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("istio-system-service");
        assertThat(secret.getData()).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");
        assertThat(decode(secret, "tls.key")).isEqualTo(Files.readString(dir.resolve("greeting.remote.com.key")));
        assertThat(decode(secret, "ca.crt")).isEqualTo(Files.readString(dir.resolve("ca.crt")));

        Secret generic = Serialization.unmarshal(cli.ok("certs", "secret", "--cert", p("greeting-client.crt"), "--key",
                p("greeting-client.key"), "--ca", p("ca.crt"), "--name", "greeting-client-secret", "--namespace",
                "istio-system-client", "--layout", "generic").out(), Secret.class);
        assertThat(generic.getType()).isEqualTo("Opaque");
        assertThat(generic.getData()).containsOnlyKeys("cert", "key", "cacert");

        Files.copy(dir.resolve("ca.crt"), dir.resolve("ca-root.crt"));
        Secret files = Serialization.unmarshal(cli.ok("certs", "secret", "--cert", p("greeting-client.crt"), "--key",
                p("greeting-client.key"), "--ca", p("ca-root.crt"), "--name", "greeting-client-secret", "--namespace",
                "greetings-client", "--layout", "files").out(), Secret.class);
        assertThat(files.getData()).containsOnlyKeys("greeting-client.crt", "greeting-client.key", "ca-root.crt");

        Cli.Run written = cli.ok("certs", "secret", "--cert", p("greeting-client.crt"), "--key",
                p("greeting-client.key"), "--name", "s", "--namespace", "ns", "-o", p("secret.yaml"));
        assertThat(written.out()).startsWith("wrote " + p("secret.yaml") + ": Secret ns/s (Opaque) keys [tls.crt, tls.key]")
                .doesNotContain(generic.getData().get("key"));
        assertThat(permissions("secret.yaml")).isEqualTo("rw-------");
        assertThat(Serialization.unmarshal(Files.readString(dir.resolve("secret.yaml")), Secret.class).getData())
                .containsOnlyKeys("tls.crt", "tls.key");

        Cli.Run redacted = cli.ok("certs", "secret", "--cert", p("greeting-client.crt"), "--key",
                p("greeting-client.key"), "--name", "s", "--namespace", "ns", "--redact");
        assertThat(redacted.out()).contains("tls.key: \"" + CertificateSecrets.REDACTED + "\"");
    }

    @Test
    void encryptedPkcs8RoundTripsWithThePassphrase() throws Exception {
        Files.writeString(dir.resolve("ca-pass"), "ca passphrase\n");
        Files.writeString(dir.resolve("key-pass"), "key passphrase\r\n");
        Files.writeString(dir.resolve("wrong-pass"), "nope\n");
        cli.ok("certs", "init-ca", "--key", "ec256", "-o", p("pki"), "--key-passphrase-file", p("ca-pass"));
        assertThat(Files.readString(dir.resolve("pki/ca.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        Cli.Run locked = cli.run("certs", "issue", "--client", "c", "-o", p("pki"));
        assertThat(locked.exit()).isEqualTo(2);
        assertThat(locked.err()).contains(p("pki/ca.key") + ": the private key is encrypted");
        Cli.Run wrong = cli.run("certs", "issue", "--client", "c", "-o", p("pki"), "--ca-passphrase-file",
                p("wrong-pass"));
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains(p("pki/ca.key") + ": cannot decrypt the private key: wrong passphrase?");

        cli.ok("certs", "issue", "--client", "c", "--key", "ec256", "-o", p("pki"), "--ca-passphrase-file",
                p("ca-pass"), "--key-passphrase-file", p("key-pass"));
        String encrypted = Files.readString(dir.resolve("pki/c.key"));
        assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(permissions("pki/c.key")).isEqualTo("rw-------");
        var key = Pem.readPrivateKey(encrypted, "c.key", "key passphrase".toCharArray());
        assertThat(Keys.matches(key, CertificateFiles.readCertificates(dir.resolve("pki/c.crt")).get(0)
                .getPublicKey())).isTrue();

        // a Secret needs the key in the clear: the passphrase opens it
        Cli.Run secret = cli.ok("certs", "secret", "--cert", p("pki/c.crt"), "--key", p("pki/c.key"),
                "--key-passphrase-file", p("key-pass"), "--name", "c", "--namespace", "ns");
        String data = decode(Serialization.unmarshal(secret.out(), Secret.class), "tls.key");
        assertThat(Pem.labels(data)).containsExactly("PRIVATE KEY");
        assertThat(Pem.readPrivateKey(data, "tls.key", null)).isEqualTo(key);

        Cli.Run describe = cli.ok("certs", "inspect", p("pki/c.key"));
        assertThat(describe.out()).contains("private key, encrypted (redacted)");
    }

    @Test
    void keysAreRedactedUnlessRevealed() throws Exception {
        material();
        Cli.Run redacted = cli.ok("certs", "inspect", p("greeting-client.key"));
        assertThat(redacted.out()).contains("private key, EC P-256 (redacted; --reveal prints it)")
                .doesNotContain("PRIVATE KEY");
        Cli.Run revealed = cli.ok("certs", "inspect", p("greeting-client.key"), "--reveal");
        assertThat(revealed.out()).contains(Files.readString(dir.resolve("greeting-client.key")));
        Cli.Run mismatch = cli.run("certs", "inspect", p("greeting-client.crt"), p("greeting-client.key"),
                p("greeting.remote.com.crt"), p("greeting.remote.com.key"));
        assertThat(mismatch.exit()).as(mismatch.all()).isZero();
        Files.copy(dir.resolve("greeting-client.key"), dir.resolve("swapped.key"));
        Files.copy(dir.resolve("greeting.remote.com.crt"), dir.resolve("swapped.crt"));
        Cli.Run swapped = cli.run("certs", "inspect", p("swapped.crt"), p("swapped.key"));
        assertThat(swapped.exit()).isEqualTo(1);
        assertThat(swapped.out()).contains("KEY_MISMATCH");
    }

    @Test
    void badInputExitsTwoWithALocatedMessageAndNoStackTrace() throws Exception {
        material();
        Files.writeString(dir.resolve("garbage.crt"), "not a certificate\n");
        Files.write(dir.resolve("binary.der"), new byte[] {0x30, (byte) 0x82, 0x01, 0x00, 0x00});
        Files.createDirectories(dir.resolve("empty"));
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("certs", "issue", "--client", "c", "-o", p("out"), "--ca", p("empty")),
                p("empty/ca.crt") + ": no such file");
        cases.put(List.of("certs", "issue", "--client", "c", "-o", p("out"), "--ca", p("missing")),
                p("missing") + ": no such folder");
        cases.put(List.of("certs", "issue", "--server", "bad_host", "-o", p("out"), "--ca", dir.toString()),
                "--server: 'bad_host'");
        cases.put(List.of("certs", "issue", "--server", "x.example.com", "--ip", "999.1.1.1", "-o", p("out"), "--ca",
                dir.toString()), "'999.1.1.1' is not an IPv4 or IPv6 address");
        cases.put(List.of("certs", "issue", "--server", "a.example.com", "--client", "b"), "mutually exclusive");
        cases.put(List.of("certs", "issue", "--client", "c", "--days", "0"), "'0' days");
        cases.put(List.of("certs", "issue", "--client", "c", "--key", "dsa"), "unknown key type 'dsa'");
        cases.put(List.of("certs", "issue", "--client", "greeting-client", "-o", dir.toString()),
                p("greeting-client.crt") + ": already exists; pass --force");
        cases.put(List.of("certs", "init-ca", "-o", dir.toString()), p("ca.crt") + ": already exists");
        cases.put(List.of("certs", "init-ca", "--parent", dir.toString(), "-o", dir.toString(), "--force"),
                "--parent: " + dir + " is also the output folder");
        cases.put(List.of("certs", "issue", "--client", "x", "--csr", p("garbage.crt"), "-o", p("out"), "--ca",
                dir.toString()), p("garbage.crt") + ": is not PEM");
        cases.put(List.of("certs", "inspect", p("nothing.crt")), p("nothing.crt") + ": no such file");
        cases.put(List.of("certs", "inspect", p("binary.der")), p("binary.der") + ": is binary, not PEM text");
        cases.put(List.of("certs", "inspect", p("greeting-client.crt"), "--ca", p("garbage.crt")),
                p("garbage.crt") + ": is not PEM");
        cases.put(List.of("certs", "inspect", p("greeting-client.crt"), "--host", "bad_host"), "--host: 'bad_host'");
        cases.put(List.of("certs", "secret", "--cert", p("greeting-client.crt"), "--key", p("greeting.remote.com.key"),
                "--name", "s", "--namespace", "ns"), p("greeting.remote.com.key")
                + ": this private key does not belong to the certificate in " + p("greeting-client.crt"));
        cases.put(List.of("certs", "secret", "--cert", p("greeting-client.key"), "--key", p("greeting-client.key"),
                "--name", "s", "--namespace", "ns"), p("greeting-client.key") + ": holds no certificate (found PRIVATE KEY)");
        cases.put(List.of("certs", "secret", "--cert", p("greeting-client.crt"), "--key", p("greeting-client.crt"),
                "--name", "s", "--namespace", "ns"), p("greeting-client.crt") + ": holds no private key");
        cases.put(List.of("certs", "secret", "--cert", p("greeting-client.crt"), "--key", p("greeting-client.key"),
                "--name", "s", "--namespace", "ns", "--layout", "generic", "--type", "tls"),
                "type kubernetes.io/tls needs the keys tls.crt and tls.key");
        cases.put(List.of("certs", "secret", "--cert", p("greeting-client.crt"), "--key", p("greeting-client.key"),
                "--name", "s", "--namespace", "Istio_System"), "'Istio_System' is not a valid namespace");
        cases.put(List.of("certs", "secret", "--cert", p("greeting-client.crt"), "--key", p("greeting-client.key"),
                "--namespace", "ns"), "Missing required option: '--name=NAME'");
        cases.put(List.of("certs", "secret", "--cert", p("greeting-client.crt"), "--key", p("greeting-client.key"),
                "--name", "s", "--namespace", "ns", "--layout", "weird"), "Invalid value for option '--layout'");
        for (var entry : cases.entrySet()) {
            Cli.Run run = cli.run(entry.getKey().toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", entry.getKey()) + "\n" + run.all()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", entry.getKey())).contains(entry.getValue())
                    .doesNotContain("\tat ", "Exception");
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void certsAloneShowsItsCommands() {
        Cli.Run help = cli.ok("certs");
        assertThat(help.out()).contains("init-ca", "issue", "inspect", "secret");
        assertThat(cli.ok("certs", "issue", "--version").out()).startsWith("egress-studio ");
        assertThat(cli.ok("certs", "issue", "--help").out()).contains("--server", "--client", "--ca, --ca-dir",
                "--csr", "--key-passphrase-file");
    }

    /**
     * No command output, and nothing printed to the process's stdout/stderr (where logging goes), holds key material,
     * except the Secret YAML that 'certs secret' prints for 'oc apply'. A saved scenario holds none either.
     */
    @Test
    void keyMaterialAppearsNowhereButKeyFilesAndSecretYaml() throws Exception {
        ByteArrayOutputStream processOutput = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capture = new PrintStream(processOutput, true, StandardCharsets.UTF_8);
        List<Cli.Run> secretStdout = new ArrayList<>();
        try {
            System.setOut(capture);
            System.setErr(capture);
            material();
            Files.writeString(dir.resolve("pass"), "pw\n");
            cli.ok("certs", "issue", "--client", "locked", "--key", "ec256", "--key-passphrase-file", p("pass"), "-o",
                    dir.toString());
            cli.ok("certs", "inspect", p("greeting.remote.com.crt"), p("greeting.remote.com.key"), p("locked.key"),
                    "--ca", p("ca.crt"));
            cli.run("certs", "inspect", p("greeting-client.crt"), p("greeting-client.key"), "--host", "x.example.com");
            cli.run("certs", "inspect", p("locked.key"), "--key-passphrase-file", p("pass"));
            cli.ok("certs", "secret", "--cert", p("greeting-client.crt"), "--key", p("greeting-client.key"), "--name",
                    "s", "--namespace", "ns", "-o", p("s.yaml"));
            secretStdout.add(cli.ok("certs", "secret", "--cert", p("greeting.remote.com.crt"), "--key",
                    p("greeting.remote.com.key"), "--ca", p("ca.crt"), "--name", "s", "--namespace", "ns"));
            cli.run("certs", "secret", "--cert", p("greeting.remote.com.crt"), "--key", p("greeting-client.key"),
                    "--name", "s", "--namespace", "ns");
            cli.run("certs", "issue", "--client", "greeting-client", "-o", dir.toString());

            Scenario scenario = BuiltInScenarios.get("1a-mutual");
            Map<String, IssuedCertificate> material = ScenarioCertificates.issue(scenario.certificates().stream()
                    .map(c -> new io.egressstudio.model.CertificateSpec(c.id(), c.kind(), c.commonName(), c.dnsNames(),
                            c.ipAddresses(), c.issuer(), io.egressstudio.model.KeyType.EC_P256, c.validityDays(),
                            c.secrets())).toList());
            ScenarioCertificates.secrets(scenario.certificates(), material);
            ScenarioFile.save(scenario, dir.resolve("saved.yaml"));
            material.values().forEach(m -> m.toString());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        List<String> secrets = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path key : files.filter(f -> f.toString().endsWith(".key")).toList()) {
                String pem = Files.readString(key);
                secrets.add(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
                pem.lines().filter(l -> !l.startsWith("-----")).forEach(secrets::add);
            }
        }
        assertThat(secrets).hasSizeGreaterThan(10);
        List<String> places = new ArrayList<>();
        for (Cli.Run run : cli.runs) {
            places.add(run.err());
            if (!secretStdout.contains(run)) {
                places.add(run.out());
            }
        }
        places.add(processOutput.toString(StandardCharsets.UTF_8));
        places.add(Files.readString(dir.resolve("saved.yaml")));
        for (String place : places) {
            assertThat(place).doesNotContain("PRIVATE KEY");
            for (String secret : secrets) {
                assertThat(place).doesNotContain(secret);
            }
        }
        // while the YAML meant for 'oc apply' carries the real key
        String applied = secretStdout.get(0).out();
        assertThat(applied).contains(Base64.getEncoder().encodeToString(
                Files.readString(dir.resolve("greeting.remote.com.key")).getBytes(StandardCharsets.US_ASCII)));
    }

    /** A CA, a server and a client certificate in {@code dir}, as the CLI writes them. */
    private void material() {
        cli.ok("certs", "init-ca", "--key", "ec256", "-o", dir.toString());
        cli.ok("certs", "issue", "--server", "greeting.remote.com", "--key", "ec256", "-o", dir.toString());
        cli.ok("certs", "issue", "--client", "greeting-client", "--key", "ec256", "-o", dir.toString());
    }

    private String permissions(String relative) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(relative)));
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.US_ASCII);
    }
}
