package io.egressstudio.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the openssl CLI, using only files that {@code egress-studio certs} wrote: openssl verifies the
 * chains for the right purposes, reads the v3 extensions, and completes a mutual TLS handshake between
 * {@code s_server -Verify} and {@code s_client -cert -key}.
 */
class OpenSslInteropTest {
    private static final String HOST = "greeting.remote.com";
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT .*:(\\d+)$");

    @TempDir
    static Path dir;
    static final Cli CLI = new Cli();

    @BeforeAll
    static void writeMaterialWithTheCli() {
        CLI.ok("certs", "init-ca", "--cn", "Interop Root CA", "-o", dir.resolve("ca").toString());
        CLI.ok("certs", "issue", "--server", HOST, "*.apps.example.com", "--ip", "127.0.0.1", "-o", dir.toString(),
                "--ca", dir.resolve("ca").toString());
        CLI.ok("certs", "issue", "--client", "greeting-client", "--key", "ec256", "-o", dir.toString(),
                "--ca-dir", dir.resolve("ca").toString());
        CLI.ok("certs", "init-ca", "--cn", "Stranger CA", "--key", "ec256", "-o", dir.resolve("other").toString());
        CLI.ok("certs", "issue", "--client", "stranger", "-o", dir.resolve("other").toString());
    }

    @Test
    void verifyAcceptsEachCertificateForItsPurposeOnly() throws Exception {
        OpenSsl.Result server = OpenSsl.run(dir, "verify", "-x509_strict", "-CAfile", "ca/ca.crt", "-purpose",
                "sslserver", HOST + ".crt");
        assertThat(server.output()).contains(HOST + ".crt: OK");
        assertThat(server.exit()).isZero();
        OpenSsl.Result client = OpenSsl.run(dir, "verify", "-x509_strict", "-CAfile", "ca/ca.crt", "-purpose",
                "sslclient", "greeting-client.crt");
        assertThat(client.output()).contains("greeting-client.crt: OK");

        OpenSsl.Result wrongPurpose = OpenSsl.run(dir, "verify", "-CAfile", "ca/ca.crt", "-purpose", "sslclient",
                HOST + ".crt");
        assertThat(wrongPurpose.exit()).isNotZero();
        assertThat(wrongPurpose.output()).contains("unsuitable certificate purpose");
        OpenSsl.Result wrongCa = OpenSsl.run(dir, "verify", "-CAfile", "ca/ca.crt", "other/stranger.crt");
        assertThat(wrongCa.exit()).isNotZero();
        assertThat(wrongCa.output()).contains("unable to get local issuer certificate");
    }

    @Test
    void x509TextShowsV3SansExtendedKeyUsageAndKeyIdentifiers() throws Exception {
        String text = OpenSsl.run(dir, "x509", "-noout", "-text", "-in", HOST + ".crt").output();
        assertThat(text).contains("Version: 3 (0x2)", "X509v3 Subject Alternative Name",
                "DNS:greeting.remote.com", "DNS:*.apps.example.com", "IP Address:127.0.0.1",
                "TLS Web Server Authentication", "X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier",
                "X509v3 Basic Constraints: critical", "CA:FALSE", "X509v3 Key Usage: critical",
                "Digital Signature, Key Encipherment", "Public-Key: (2048 bit)");
        String client = OpenSsl.run(dir, "x509", "-noout", "-text", "-in", "greeting-client.crt").output();
        assertThat(client).contains("Version: 3 (0x2)", "TLS Web Client Authentication", "DNS:greeting-client",
                "Public-Key: (256 bit)", "id-ecPublicKey",
                "Signature Algorithm: sha256WithRSAEncryption").doesNotContain("TLS Web Server Authentication");
        String ca = OpenSsl.run(dir, "x509", "-noout", "-text", "-in", "ca/ca.crt").output();
        assertThat(ca).contains("CA:TRUE", "Certificate Sign, CRL Sign");
    }

    @Test
    void serialsAreUniqueAndReadTheSameInOpenSsl() throws Exception {
        String server = OpenSsl.run(dir, "x509", "-noout", "-serial", "-in", HOST + ".crt").output().trim();
        String client = OpenSsl.run(dir, "x509", "-noout", "-serial", "-in", "greeting-client.crt").output().trim();
        X509Certificate certificate = CertificateFiles.readCertificates(dir.resolve(HOST + ".crt")).get(0);
        assertThat(server).isEqualTo("serial=" + CertificateInspector.serialHex(certificate.getSerialNumber()));
        assertThat(server).isNotEqualTo(client);
        assertThat(new BigInteger(server.substring("serial=".length()), 16).bitLength()).isGreaterThanOrEqualTo(64);
    }

    @Test
    void mutualTlsHandshakeBetweenSServerAndSClient() throws Exception {
        Handshake handshake = handshake("-cert", "greeting-client.crt", "-key", "greeting-client.key");
        assertThat(handshake.client().exit()).as(handshake.client().output()).isZero();
        assertThat(handshake.client().output()).contains("Verification: OK", "Verified peername: " + HOST);
        assertThat(handshake.server()).contains("subject=CN = greeting-client", "hello from s_client");
    }

    @Test
    void sServerRejectsAClientWithoutACertificate() throws Exception {
        Handshake handshake = handshake();
        // TLS 1.3: the client may finish its side before the server's alert arrives, so only the server's verdict counts
        assertThat(handshake.server()).contains("peer did not return a certificate")
                .doesNotContain("hello from s_client");
    }

    @Test
    void sServerRejectsAClientCertificateFromAnotherCa() throws Exception {
        Handshake handshake = handshake("-cert", "other/stranger.crt", "-key", "other/stranger.key");
        // as above, the server's verdict is the one that does not race with the client's exit
        assertThat(handshake.server()).contains("certificate verify failed").doesNotContain("hello from s_client");
    }

    @Test
    void sClientRejectsAServerWhoseSansDoNotCoverTheHost() throws Exception {
        Handshake handshake = handshakeVerifying("other.remote.com", "-cert", "greeting-client.crt", "-key",
                "greeting-client.key");
        assertThat(handshake.client().exit()).isNotZero();
        assertThat(handshake.client().output()).contains("hostname mismatch");
    }

    @Test
    void intermediateChainsVerify() throws Exception {
        CLI.ok("certs", "init-ca", "--parent", dir.resolve("ca").toString(), "--cn", "Interop Intermediate",
                "--key", "ec256", "-o", dir.resolve("intermediate").toString());
        CLI.ok("certs", "issue", "--server", "leaf.example.com", "-o", dir.resolve("intermediate").toString());
        assertThat(Files.readString(dir.resolve("intermediate/leaf.example.com.crt")))
                .containsPattern("(?s)BEGIN CERTIFICATE.*BEGIN CERTIFICATE");
        OpenSsl.Result verify = OpenSsl.run(dir, "verify", "-x509_strict", "-CAfile", "ca/ca.crt", "-untrusted",
                "intermediate/leaf.example.com.crt", "-purpose", "sslserver", "intermediate/leaf.example.com.crt");
        assertThat(verify.output()).contains("intermediate/leaf.example.com.crt: OK");
        assertThat(OpenSsl.run(dir, "x509", "-noout", "-text", "-in", "intermediate/ca.crt").output())
                .contains("CA:TRUE, pathlen:0");
    }

    @Test
    void encryptedKeysInteroperateBothWays() throws Exception {
        Files.writeString(dir.resolve("pass.txt"), "s3cret passphrase\n");
        CLI.ok("certs", "issue", "--client", "locked", "--key-passphrase-file", dir.resolve("pass.txt").toString(),
                "-o", dir.toString(), "--ca", dir.resolve("ca").toString());
        assertThat(Files.readString(dir.resolve("locked.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(OpenSsl.run(dir, "pkey", "-in", "locked.key", "-passin", "file:pass.txt", "-noout").exit())
                .isZero();
        Files.writeString(dir.resolve("wrong.txt"), "not it\n");
        assertThat(OpenSsl.run(dir, "pkey", "-in", "locked.key", "-passin", "file:wrong.txt", "-noout").exit())
                .isNotZero();
        String asn1 = OpenSsl.run(dir, "asn1parse", "-in", "locked.key").output();
        assertThat(asn1).contains("PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc");

        // and keys openssl wrote: encrypted PKCS#8, legacy encrypted PEM, SEC1, PKCS#1
        assertThat(OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-aes-256-cbc", "-pass", "file:pass.txt", "-out", "ossl-enc.key").exit()).isZero();
        assertThat(OpenSsl.run(dir, "genrsa", "-traditional", "-aes256", "-passout", "file:pass.txt", "-out",
                "ossl-legacy.key", "2048").exit()).isZero();
        assertThat(OpenSsl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ossl-sec1.key")
                .exit()).isZero();
        assertThat(OpenSsl.run(dir, "genrsa", "-traditional", "-out", "ossl-pkcs1.key", "2048").exit()).isZero();
        char[] passphrase = CertificateFiles.readPassphrase(dir.resolve("pass.txt"));
        assertThat(Keys.describe(CertificateFiles.readPrivateKey(dir.resolve("ossl-enc.key"), passphrase)))
                .isEqualTo("EC P-256");
        assertThat(Files.readString(dir.resolve("ossl-legacy.key"))).contains("Proc-Type: 4,ENCRYPTED");
        assertThat(Keys.describe(CertificateFiles.readPrivateKey(dir.resolve("ossl-legacy.key"), passphrase)))
                .isEqualTo("RSA 2048");
        assertThat(Files.readString(dir.resolve("ossl-sec1.key"))).contains("BEGIN EC PRIVATE KEY");
        assertThat(Keys.describe(CertificateFiles.readPrivateKey(dir.resolve("ossl-sec1.key"), null)))
                .isEqualTo("EC P-256");
        assertThat(Keys.describe(CertificateFiles.readPrivateKey(dir.resolve("ossl-pkcs1.key"), null)))
                .isEqualTo("RSA 2048");
    }

    @Test
    void signsACsrThatOpenSslMade() throws Exception {
        assertThat(OpenSsl.run(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "csr-made.key", "-out", "csr-made.csr", "-subj", "/O=Acme/CN=csr.example.com",
                "-addext", "subjectAltName=DNS:csr.example.com,IP:10.9.8.7", "-addext",
                "basicConstraints=critical,CA:TRUE").exit()).isZero();
        Cli.Run run = CLI.ok("certs", "issue", "--server", "alt.example.com", "--csr", dir.resolve("csr-made.csr").toString(),
                "--name", "csr-made", "-o", dir.toString(), "--ca", dir.resolve("ca").toString());
        assertThat(run.out()).contains("the private key stays with you");
        String text = OpenSsl.run(dir, "x509", "-noout", "-text", "-in", "csr-made.crt").output();
        assertThat(text).contains("Subject: O = Acme, CN = csr.example.com", "DNS:csr.example.com",
                "DNS:alt.example.com", "IP Address:10.9.8.7", "CA:FALSE", "TLS Web Server Authentication");
        assertThat(OpenSsl.run(dir, "verify", "-x509_strict", "-CAfile", "ca/ca.crt", "-purpose", "sslserver",
                "csr-made.crt").output()).contains("csr-made.crt: OK");
        // the key openssl made pairs with the certificate we signed
        assertThat(Keys.matches(CertificateFiles.readPrivateKey(dir.resolve("csr-made.key"), null),
                CertificateFiles.readCertificates(dir.resolve("csr-made.crt")).get(0).getPublicKey())).isTrue();
    }

    @Test
    void theSeedsOpenSslScriptsProduceWhatTheInspectorFlags() throws Exception {
        // scripts/certs/create-ca-root-certs-keys.sh and create-client-certs-keys.sh, as the seed runs them
        Path seed = Files.createDirectories(dir.resolve("seed"));
        assertThat(OpenSsl.run(seed, "req", "-x509", "-newkey", "rsa:2048", "-days", "365", "-nodes", "-keyout",
                "ca-root.key", "-out", "ca-root.crt", "-subj", "/O=seed/CN=skoussou.com").exit()).isZero();
        for (String prefix : List.of("curl", "greeting")) {
            assertThat(OpenSsl.run(seed, "req", "-out", prefix + "-client.csr", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", prefix + "-client.key", "-subj", "/CN=client.example.com/O=client organization")
                    .exit()).isZero();
            assertThat(OpenSsl.run(seed, "x509", "-req", "-days", "365", "-CA", "ca-root.crt", "-CAkey",
                    "ca-root.key", "-set_serial", "1", "-in", prefix + "-client.csr", "-out", prefix + "-client.crt")
                    .exit()).isZero();
        }
        Cli.Run run = CLI.run("certs", "inspect", seed.resolve("curl-client.crt").toString(),
                seed.resolve("greeting-client.crt").toString(), "--ca", seed.resolve("ca-root.crt").toString(),
                "--host", "client.example.com");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("version:    1", "V1_CERTIFICATE", "DUPLICATE_SERIAL", "serial 01", "NO_SAN")
                .doesNotContain("NOT_SIGNED_BY_CA");
        // the same CA in our own workbench: issue from it (it is v3 with CA:TRUE), and the result is clean
        Files.copy(seed.resolve("ca-root.crt"), seed.resolve("ca.crt"));
        Files.copy(seed.resolve("ca-root.key"), seed.resolve("ca.key"));
        CLI.ok("certs", "issue", "--client", "greeting-client-app", "-o", seed.toString());
        Cli.Run clean = CLI.run("certs", "inspect", seed.resolve("greeting-client-app.crt").toString(), "--ca",
                seed.resolve("ca-root.crt").toString(), "--purpose", "client");
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("no findings");
    }

    // ------------------------------------------------------------------ harness

    record Handshake(OpenSsl.Result client, String server) {
    }

    private static Handshake handshake(String... clientArgs) throws Exception {
        return handshakeVerifying(HOST, clientArgs);
    }

    /** s_server requiring a client certificate signed by ca.crt; s_client verifying {@code verifyHost}. */
    private static Handshake handshakeVerifying(String verifyHost, String... clientArgs) throws Exception {
        Process serverProcess = OpenSsl.start(dir, "s_server", "-accept", "127.0.0.1:0", "-naccept", "1",
                "-cert", HOST + ".crt", "-key", HOST + ".key", "-CAfile", "ca/ca.crt", "-Verify", "1",
                "-verify_return_error");
        try (OpenSsl.Background server = new OpenSsl.Background(serverProcess, l -> ACCEPT.matcher(l).find())) {
            String accept = server.awaitLine();
            assertThat(accept).as("s_server did not start").isNotNull();
            Matcher matcher = ACCEPT.matcher(accept);
            assertThat(matcher.find()).isTrue();
            String port = matcher.group(1);
            List<String> args = new java.util.ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + port,
                    "-CAfile", "ca/ca.crt", "-verify_return_error", "-verify_hostname", verifyHost,
                    "-servername", verifyHost, "-brief"));
            args.addAll(List.of(clientArgs));
            OpenSsl.Result client = OpenSsl.runWithInput(dir, "hello from s_client\n", args.toArray(String[]::new));
            return new Handshake(client, server.awaitOutput());
        }
    }
}
