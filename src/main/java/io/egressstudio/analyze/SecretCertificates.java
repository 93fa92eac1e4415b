package io.egressstudio.analyze;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.Pem;
import io.egressstudio.mesh.MeshView;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The certificates a Secret holds, in any of the layouts proxies read: {@code tls.crt}/{@code ca.crt},
 * {@code cert}/{@code cacert}, or file names ({@code NAME.crt}) mounted into a sidecar. Secrets without data (not
 * generated yet) hold none; unreadable PEM is skipped, not guessed at.
 */
final class SecretCertificates {
    /** One certificate entry: the chain under a data key (the certificate first, then any intermediates). */
    record Entry(Secret secret, String key, List<X509Certificate> chain) {
        X509Certificate leaf() {
            return chain.get(0);
        }

        boolean isCa() {
            return leaf().getBasicConstraints() >= 0;
        }

        String resource() {
            return MeshView.key(secret);
        }

        String field() {
            return "data." + key;
        }
    }

    private SecretCertificates() {
    }

    static List<Entry> all(Secret secret) {
        List<Entry> entries = new ArrayList<>();
        for (String key : keys(secret)) {
            if (key.endsWith(".crt") || key.equals("cert") || key.equals("cacert")) {
                List<X509Certificate> chain = read(secret, key);
                if (!chain.isEmpty()) {
                    entries.add(new Entry(secret, key, chain));
                }
            }
        }
        return entries;
    }

    /** The certificate the proxy presents: {@code tls.crt} or {@code cert}. */
    static List<X509Certificate> presented(Secret secret) {
        List<X509Certificate> chain = read(secret, "tls.crt");
        return chain.isEmpty() ? read(secret, "cert") : chain;
    }

    /** The CA the proxy trusts: {@code ca.crt} or {@code cacert}. */
    static List<X509Certificate> trusted(Secret secret) {
        List<X509Certificate> ca = read(secret, "ca.crt");
        return ca.isEmpty() ? read(secret, "cacert") : ca;
    }

    static List<X509Certificate> read(Secret secret, String key) {
        String pem = text(secret, key);
        if (pem == null || !pem.contains("BEGIN CERTIFICATE")) {
            return List.of();
        }
        try {
            return Pem.readCertificates(pem, MeshView.key(secret) + " " + key);
        } catch (BadMaterialException e) {
            return List.of();
        }
    }

    private static List<String> keys(Secret secret) {
        List<String> keys = new ArrayList<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            secret.getStringData().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        return keys;
    }

    static String text(Secret secret, String key) {
        Map<String, String> data = secret.getData();
        if (data != null && data.get(key) != null) {
            try {
                return new String(Base64.getMimeDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        Map<String, String> stringData = secret.getStringData();
        return stringData == null ? null : stringData.get(key);
    }
}
