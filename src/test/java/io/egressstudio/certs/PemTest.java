package io.egressstudio.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.model.KeyType;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

class PemTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @Test
    void certificatesRoundTripInOrder() throws Exception {
        String pem = Pem.certificates(List.of(Pki.SERVER.certificate(), Pki.CA.certificate()));
        assertThat(Pem.labels(pem)).containsExactly("CERTIFICATE", "CERTIFICATE");
        assertThat(Pem.readCertificates(pem, "chain.crt"))
                .containsExactly(Pki.SERVER.certificate(), Pki.CA.certificate());
    }

    @Test
    void readsOpenSslTrustedCertificateBlocks() throws Exception {
        String trusted = Pem.certificate(Pki.CA.certificate()).replace("BEGIN CERTIFICATE", "BEGIN TRUSTED CERTIFICATE")
                .replace("END CERTIFICATE", "END TRUSTED CERTIFICATE");
        assertThat(Pem.readCertificates(trusted, "trusted.crt")).containsExactly(Pki.CA.certificate());
    }

    @Test
    void privateKeysAreWrittenAsPkcs8AndReadBack() throws Exception {
        PrivateKey key = Pki.CLIENT.privateKey().orElseThrow();
        String pem = Pem.privateKey(key);
        assertThat(Pem.labels(pem)).containsExactly("PRIVATE KEY");
        assertThat(Pem.readPrivateKey(pem, "client.key", null)).isEqualTo(key);
    }

    @Test
    void encryptedPkcs8RoundTripsWithThePassphraseOnly() throws Exception {
        for (KeyType type : List.of(KeyType.RSA_2048, KeyType.EC_P256)) {
            KeyPair keys = Keys.generate(type);
            String pem = Pem.encryptedPrivateKey(keys.getPrivate(), PASSPHRASE);
            assertThat(Pem.labels(pem)).containsExactly("ENCRYPTED PRIVATE KEY");
            assertThat(Pem.isEncryptedKey(pem)).isTrue();
            assertThat(Pem.containsPrivateKey(pem)).isTrue();
            assertThat(Pem.readPrivateKey(pem, "k.key", PASSPHRASE.clone())).isEqualTo(keys.getPrivate());
            assertThatThrownBy(() -> Pem.readPrivateKey(pem, "k.key", "wrong".toCharArray()))
                    .isInstanceOf(BadMaterialException.class).hasMessage("k.key: cannot decrypt the private key: "
                            + "wrong passphrase?");
            assertThatThrownBy(() -> Pem.readPrivateKey(pem, "k.key", null))
                    .hasMessage("k.key: the private key is encrypted; give its passphrase");
        }
        assertThatThrownBy(() -> Pem.encryptedPrivateKey(Pki.CLIENT.privateKey().get(), new char[0]))
                .hasMessageContaining("empty");
    }

    @Test
    void readsPkcs1RsaKeys() throws Exception {
        // SEC1 "EC PRIVATE KEY" and legacy encrypted PEM are read in OpenSslInteropTest, from keys OpenSSL wrote.
        KeyPair keys = Keys.generate(KeyType.RSA_2048);
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(keys.getPrivate());
        }
        assertThat(Pem.labels(text.toString())).containsExactly("RSA PRIVATE KEY");
        PrivateKey read = Pem.readPrivateKey(text.toString(), "legacy.key", null);
        assertThat(Keys.matches(read, keys.getPublic())).isTrue();
        assertThat(Keys.matches(read, Pki.CA.certificate().getPublicKey())).isFalse();
    }

    @Test
    void badInputNamesTheSourceAndNeverEchoesKeyBytes() {
        String key = Pem.privateKey(Pki.CLIENT.privateKey().get());
        assertThatThrownBy(() -> Pem.readCertificates(key, "client.key"))
                .isInstanceOf(BadMaterialException.class)
                .hasMessage("client.key: holds no certificate (found PRIVATE KEY)");
        String cert = Pem.certificate(Pki.CA.certificate());
        assertThatThrownBy(() -> Pem.readPrivateKey(cert, "ca.crt", null))
                .hasMessage("ca.crt: holds no private key (found CERTIFICATE)");
        assertThatThrownBy(() -> Pem.readCertificates("", "empty.crt")).hasMessage("empty.crt: is empty");
        assertThatThrownBy(() -> Pem.readCertificates("hello", "x.crt")).hasMessageContaining("x.crt: is not PEM");
        assertThatThrownBy(() -> Pem.readCertificates("0\u0000\u0001", "x.der")).hasMessageContaining("binary");
        String broken = key.replace(key.split("\n")[3], "!!!!notbase64!!!!");
        assertThatThrownBy(() -> Pem.readPrivateKey(broken, "broken.key", null))
                .isInstanceOf(BadMaterialException.class)
                .hasMessageStartingWith("broken.key: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key.split("\n")[2]));
        assertThatThrownBy(() -> Pem.readPrivateKey(key + key, "two.key", null)).hasMessageContaining("2 private keys");
    }
}
