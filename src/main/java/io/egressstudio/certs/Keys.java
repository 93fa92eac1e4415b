package io.egressstudio.certs;

import io.egressstudio.model.KeyType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/** Key pairs: generation for each {@link KeyType}, a short description, and whether a private key fits a public one. */
public final class Keys {
    static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    public static KeyPair generate(KeyType type) {
        try {
            KeyPairGenerator generator;
            switch (type) {
                case RSA_2048, RSA_4096 -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(type == KeyType.RSA_2048 ? 2048 : 4096, RANDOM);
                }
                case EC_P256 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                }
                default -> throw new IllegalArgumentException("unknown key type " + type);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate " + type + " keys", e);
        }
    }

    /** The CLI spelling of a key type: {@code rsa2048}, {@code rsa4096}, {@code ec256}. */
    public static KeyType parseKeyType(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (t) {
            case "rsa2048", "rsa" -> KeyType.RSA_2048;
            case "rsa4096" -> KeyType.RSA_4096;
            case "ec256", "ecp256", "ec", "ecdsa", "ecdsap256", "p256" -> KeyType.EC_P256;
            default -> throw new IllegalArgumentException("unknown key type '" + text + "'; use rsa2048, rsa4096 or ec256");
        };
    }

    /** "RSA 2048", "EC P-256", ...: never the key itself. */
    public static String describe(java.security.Key key) {
        if (key instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits == 256 ? "EC P-256" : bits == 384 ? "EC P-384" : bits == 521 ? "EC P-521" : "EC " + bits;
        }
        return key.getAlgorithm();
    }

    /** Key strength in bits (RSA modulus, EC order), or 0 if unknown. */
    public static int bits(java.security.Key key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        return 0;
    }

    /** Whether the private key belongs to the public key: signs random bytes and verifies them. */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        try {
            String algorithm = signatureAlgorithm(publicKey);
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** SHA-256 with the key's algorithm: what this CA signs with. */
    static String signatureAlgorithm(java.security.Key key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm()
                    + "; use RSA or EC P-256");
        };
    }
}
