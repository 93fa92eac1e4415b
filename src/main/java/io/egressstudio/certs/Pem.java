package io.egressstudio.certs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * PEM in and out. Certificates as {@code CERTIFICATE}; private keys as PKCS#8 ({@code PRIVATE KEY}), or encrypted
 * PKCS#8 ({@code ENCRYPTED PRIVATE KEY}: PBES2, PBKDF2 with HMAC-SHA256, AES-256-CBC, as OpenSSL 3 writes it).
 * Reading also accepts PKCS#1 {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY} and OpenSSL's legacy encrypted PEM.
 *
 * <p>Error messages name the source and the problem, never key bytes.
 */
public final class Pem {
    /** PBKDF2 iterations for encrypted keys (OpenSSL 3 writes 2048; more costs a little time, once). */
    static final int PBKDF2_ITERATIONS = 100_000;
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    private Pem() {
    }

    /** BouncyCastle as a provider object, never registered globally. */
    static Provider bouncyCastle() {
        return ProviderHolder.BC;
    }

    private static final class ProviderHolder {
        static final Provider BC = new BouncyCastleProvider();
    }

    // ---------------------------------------------------------------- writing

    public static String certificate(X509Certificate certificate) {
        return certificates(List.of(certificate));
    }

    /** Certificates one after another, as a chain file ({@code tls.crt}: leaf first) or a bundle. */
    public static String certificates(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The key as unencrypted PKCS#8 PEM. Secret: write it only to a 0600 file or a Secret's data. */
    public static String privateKey(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException e) {
            throw new IllegalArgumentException("cannot encode the private key as PKCS#8", e);
        }
    }

    /** The key as passphrase-encrypted PKCS#8 PEM ({@code ENCRYPTED PRIVATE KEY}). */
    public static String encryptedPrivateKey(PrivateKey key, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setRandom(Keys.RANDOM)
                    .setPassword(passphrase)
                    .setProvider(bouncyCastle())
                    .build();
            return write(new JcaPKCS8Generator(key, encryptor));
        } catch (OperatorCreationException | PemGenerationException e) {
            throw new IllegalStateException("cannot encrypt the private key", e);
        }
    }

    private static String write(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof JcaPKCS8Generator generator) {
                writer.writeObject(generator);
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static String csr(PKCS10CertificationRequest csr) {
        return write(csr);
    }

    // ---------------------------------------------------------------- reading

    /** The PEM block labels in {@code text}, in order ("CERTIFICATE", "PRIVATE KEY", ...). */
    public static List<String> labels(String text) {
        List<String> labels = new ArrayList<>();
        Matcher matcher = BEGIN.matcher(text);
        while (matcher.find()) {
            labels.add(matcher.group(1));
        }
        return labels;
    }

    /** Whether {@code text} holds a private key of any kind (so that it can be kept out of output). */
    public static boolean containsPrivateKey(String text) {
        return labels(text).stream().anyMatch(l -> l.endsWith("PRIVATE KEY"));
    }

    /** Whether the private key in {@code text} needs a passphrase. */
    public static boolean isEncryptedKey(String text) {
        return labels(text).contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED");
    }

    /** Every certificate in {@code text}, in order. Other blocks (keys, parameters) are skipped. */
    public static List<X509Certificate> readCertificates(String text, String source) throws BadMaterialException {
        requirePem(text, source);
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = readNext(parser, source)) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                } else if (object instanceof X509TrustedCertificateBlock trusted) {
                    certificates.add(converter.getCertificate(trusted.getCertificateHolder()));
                }
            }
        } catch (CertificateException e) {
            throw new BadMaterialException(source, "a CERTIFICATE block is not a valid X.509 certificate", e);
        } catch (IOException e) {
            throw new BadMaterialException(source, "cannot read: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new BadMaterialException(source, "holds no certificate (found " + describeLabels(text) + ")");
        }
        return certificates;
    }

    /** The one private key in {@code text}; {@code passphrase} is needed only if it is encrypted. */
    public static PrivateKey readPrivateKey(String text, String source, char[] passphrase) throws BadMaterialException {
        requirePem(text, source);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        List<PrivateKey> keys = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = readNext(parser, source)) != null) {
                if (object instanceof PEMKeyPair pair) {
                    keys.add(converter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassphrase(passphrase, source);
                    try {
                        var decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(bouncyCastle())
                                .build(passphrase);
                        keys.add(converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor)));
                    } catch (PKCSException | OperatorCreationException e) {
                        throw new BadMaterialException(source, "cannot decrypt the private key: wrong passphrase?");
                    }
                } else if (object instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassphrase(passphrase, source);
                    try {
                        var decryptor = new JcePEMDecryptorProviderBuilder().setProvider(bouncyCastle())
                                .build(passphrase);
                        keys.add(converter.getPrivateKey(encrypted.decryptKeyPair(decryptor).getPrivateKeyInfo()));
                    } catch (IOException e) {
                        throw new BadMaterialException(source, "cannot decrypt the private key: wrong passphrase?");
                    }
                }
            }
        } catch (PEMException e) {
            throw new BadMaterialException(source, "the private key is malformed or of an unsupported type");
        } catch (IOException e) {
            throw new BadMaterialException(source, "cannot read the private key");
        }
        if (keys.isEmpty()) {
            throw new BadMaterialException(source, "holds no private key (found " + describeLabels(text) + ")");
        }
        if (keys.size() > 1) {
            throw new BadMaterialException(source, "holds " + keys.size() + " private keys; expected one");
        }
        return keys.get(0);
    }

    private static void requirePassphrase(char[] passphrase, String source) throws BadMaterialException {
        if (passphrase == null || passphrase.length == 0) {
            throw new BadMaterialException(source, "the private key is encrypted; give its passphrase");
        }
    }

    /** One PEM object; the message of a parse failure never echoes the content. */
    private static Object readNext(PEMParser parser, String source) throws BadMaterialException {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new BadMaterialException(source, "malformed PEM: a block is not valid base64 or DER");
        }
    }

    /** Fails unless {@code text} is non-empty PEM text (not binary, at least one BEGIN line). */
    public static void requirePemText(String text, String source) throws BadMaterialException {
        requirePem(text, source);
    }

    static void requirePem(String text, String source) throws BadMaterialException {
        if (text == null || text.isBlank()) {
            throw new BadMaterialException(source, "is empty");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadMaterialException(source, "is binary, not PEM text (DER? convert it with "
                    + "'openssl x509 -inform der' or 'openssl pkey -inform der')");
        }
        if (labels(text).isEmpty()) {
            throw new BadMaterialException(source, "is not PEM: no '-----BEGIN ...-----' line");
        }
    }

    private static String describeLabels(String text) {
        List<String> labels = labels(text);
        return labels.isEmpty() ? "no PEM blocks" : String.join(", ", labels);
    }
}
