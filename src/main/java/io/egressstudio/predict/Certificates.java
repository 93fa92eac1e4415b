package io.egressstudio.predict;

import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshView;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads PEM certificates from Secrets and checks what a TLS handshake checks: that a chain leads to a trusted root,
 * and that a certificate carries an expected DNS name. Only {@code java.security.cert}; no key material is needed.
 */
final class Certificates {
    private Certificates() {
    }

    /** The decoded value of the first of {@code keys} the Secret holds (data is base64, stringData plain), or null. */
    static String value(Secret secret, String... keys) {
        if (secret == null) {
            return null;
        }
        for (String key : keys) {
            if (secret.getData() != null && secret.getData().get(key) != null) {
                try {
                    return new String(Base64.getMimeDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
                return secret.getStringData().get(key);
            }
        }
        return null;
    }

    /**
     * The CA bundle of a credential: the first of {@code keys} in its own Secret, else in the companion Secret
     * {@code <credential>-cacert}, which is where Istio also looks for it.
     */
    static String caBundle(MeshView view, String namespace, String credential, Secret secret, String... keys) {
        String ca = value(secret, keys);
        if (ca == null) {
            ca = value(view.secret(namespace, credential + "-cacert"), keys);
        }
        return ca;
    }

    static boolean hasData(Secret secret) {
        return secret != null && ((secret.getData() != null && !secret.getData().isEmpty())
                || (secret.getStringData() != null && !secret.getStringData().isEmpty()));
    }

    /** The certificates in a PEM text, leaf first; empty when it holds none or cannot be parsed. */
    static List<X509Certificate> parse(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        if (pem == null || !pem.contains("BEGIN CERTIFICATE")) {
            return out;
        }
        try {
            Collection<? extends java.security.cert.Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            for (java.security.cert.Certificate c : certs) {
                out.add((X509Certificate) c);
            }
        } catch (CertificateException e) {
            out.clear();
        }
        return out;
    }

    /** Whether {@code chain} (leaf first) leads, by issuer name and signature, to one of {@code roots}. */
    static boolean chainsTo(List<X509Certificate> chain, List<X509Certificate> roots) {
        if (chain.isEmpty() || roots.isEmpty()) {
            return false;
        }
        X509Certificate current = chain.get(0);
        List<X509Certificate> pool = new ArrayList<>(chain);
        for (int depth = 0; depth < 10; depth++) {
            for (X509Certificate root : roots) {
                if (root.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && verifies(current, root)) {
                    return true;
                }
                if (root.equals(current)) {
                    return true;
                }
            }
            X509Certificate next = null;
            for (X509Certificate c : pool) {
                if (c != current && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && verifies(current, c)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return false;
            }
            current = next;
        }
        return false;
    }

    private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The DNS names of a certificate's subjectAltName extension. */
    static List<String> dnsNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0))) {
                        out.add(san.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return out;
        }
        return out;
    }

    /** Whether a certificate's DNS subjectAltNames cover {@code name} (wildcards as in TLS: one label). */
    static boolean coversName(X509Certificate cert, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String san : dnsNames(cert)) {
            if (san.equals(n) || (san.startsWith("*.") && Hosts.matches(san, n) && n.indexOf('.') == n.length()
                    - san.length() + 1)) {
                return true;
            }
        }
        return false;
    }

    static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }
}
