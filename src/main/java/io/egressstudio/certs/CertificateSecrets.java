package io.egressstudio.certs;

import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.SecretLayout;
import io.egressstudio.model.SecretPlacement;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Secrets that hold a certificate for the mesh, in the layouts Istio reads:
 * <ul>
 *   <li>{@link SecretLayout#TLS}: {@code tls.crt}, {@code tls.key}, {@code ca.crt}, a Gateway's
 *       {@code credentialName}; the only layout that type {@code kubernetes.io/tls} allows;</li>
 *   <li>{@link SecretLayout#GENERIC}: {@code cert}, {@code key}, {@code cacert}, the generic credentialName layout;</li>
 *   <li>{@link SecretLayout#FILES}: {@code NAME.crt}, {@code NAME.key}, {@code CA.crt}, mounted into a sidecar as
 *       files that a DestinationRule names by path.</li>
 * </ul>
 * The Secret goes in the namespace of the proxy that reads it (the gateway pod's, or the workload's), which the
 * {@link SecretPlacement} gives. The certificate entry holds the certificate and its intermediates; the CA entry the
 * root. A CA spec's Secret holds only the CA certificate: a CA key never goes to a cluster.
 *
 * <p>fabric8's {@code Secret.toString()} prints the data: never log a Secret; show one with
 * {@link #toYaml(Secret, boolean)} and {@code reveal = false}.
 */
public final class CertificateSecrets {
    public static final String TYPE_TLS = "kubernetes.io/tls";
    public static final String TYPE_OPAQUE = "Opaque";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "egress-studio";
    public static final String CERTIFICATE_ANNOTATION = "egress-studio.io/certificate";
    /** What a redacted private key entry shows instead of its data. */
    public static final String REDACTED = "<redacted private key>";
    private static final Pattern SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private CertificateSecrets() {
    }

    /**
     * The Secret for one placement of a scenario certificate. FILES uses the spec's id as the file base name and
     * its issuer's id for the CA file ({@link #fileBaseName}, {@link #caFileBaseName}), so that a DestinationRule can
     * name {@code /etc/certs/<id>.crt} and {@code /etc/certs/<issuer>.crt}.
     */
    public static Secret secret(CertificateSpec spec, SecretPlacement placement, IssuedCertificate material) {
        Objects.requireNonNull(placement, "placement");
        Secret secret;
        if (spec.kind() == CertificateKind.CA) {
            if (Boolean.TRUE.equals(placement.tlsType())) {
                throw new IllegalArgumentException("certificate '" + spec.id() + "': a CA's Secret holds only its "
                        + "certificate, so it cannot be of type " + TYPE_TLS);
            }
            secret = caSecret(placement.name(), placement.namespace(), placement.layout(), spec.id(),
                    material.root());
        } else {
            PrivateKey key = material.privateKey().orElseThrow(() -> new IllegalArgumentException(
                    "certificate '" + spec.id() + "' has no private key here (signed from a CSR)"));
            secret = secret(placement.name(), placement.namespace(), placement.layout(),
                    Boolean.TRUE.equals(placement.tlsType()), fileBaseName(spec), caFileBaseName(spec),
                    material.chain(), key, material.root());
        }
        return new SecretBuilder(secret).editMetadata().addToAnnotations(CERTIFICATE_ANNOTATION, spec.id())
                .endMetadata().build();
    }

    /**
     * A Secret with a certificate chain, its key and (optionally) the CA certificate.
     *
     * @param baseName   FILES layout: the {@code NAME} of {@code NAME.crt} and {@code NAME.key}
     * @param caBaseName FILES layout: the {@code CA} of {@code CA.crt}
     * @param ca         the CA certificate to include ({@code ca.crt}, {@code cacert}); null for none
     */
    public static Secret secret(String name, String namespace, SecretLayout layout, boolean tlsType, String baseName,
                                String caBaseName, List<X509Certificate> chain, PrivateKey key, X509Certificate ca) {
        checkNames(name, namespace);
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate for Secret '" + name + "'");
        }
        Objects.requireNonNull(key, "key");
        if (tlsType && layout != SecretLayout.TLS) {
            throw new IllegalArgumentException("type " + TYPE_TLS + " needs the keys tls.crt and tls.key; use "
                    + "layout tls, or type opaque for the " + layout.name().toLowerCase() + " layout");
        }
        if (!Keys.matches(key, chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException("the private key does not belong to the certificate '"
                    + CertificateInspector.subject(chain.get(0)) + "'");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put(dataKey(layout.certKey(baseName)), base64(Pem.certificates(chain)));
        data.put(dataKey(layout.keyKey(baseName)), base64(Pem.privateKey(key)));
        if (ca != null) {
            data.put(dataKey(layout.caKey(caBaseName)), base64(Pem.certificate(ca)));
        }
        return build(name, namespace, tlsType ? TYPE_TLS : TYPE_OPAQUE, data);
    }

    /** A Secret with only a CA certificate (e.g. {@code <credentialName>-cacert} for a MUTUAL Gateway). */
    public static Secret caSecret(String name, String namespace, SecretLayout layout, String caBaseName,
                                  X509Certificate ca) {
        checkNames(name, namespace);
        Map<String, String> data = new LinkedHashMap<>();
        data.put(dataKey(layout.caKey(caBaseName)), base64(Pem.certificate(ca)));
        return build(name, namespace, TYPE_OPAQUE, data);
    }

    private static Secret build(String name, String namespace, String type, Map<String, String> data) {
        return new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(MANAGED_BY_LABEL, MANAGED_BY).endMetadata()
                .withType(type)
                .withData(data)
                .build();
    }

    /** The FILES layout base name of a scenario certificate: its id. */
    public static String fileBaseName(CertificateSpec spec) {
        return spec.id();
    }

    /** The FILES layout base name of the CA file: the issuer's id ({@code ca} for a spec without one). */
    public static String caFileBaseName(CertificateSpec spec) {
        return spec.issuer() != null ? spec.issuer() : spec.kind() == CertificateKind.CA ? spec.id() : "ca";
    }

    /** The Secret as YAML for {@code oc apply}; with {@code reveal = false}, private keys are replaced. */
    public static String toYaml(Secret secret, boolean reveal) {
        return Serialization.asYaml(reveal ? secret : redacted(secret));
    }

    /** A copy whose private key entries say {@value #REDACTED}: for display, not for applying. */
    public static Secret redacted(Secret secret) {
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> data.put(k, isPrivateKey(decode(v)) ? REDACTED : v));
        }
        Map<String, String> stringData = new LinkedHashMap<>();
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> stringData.put(k, isPrivateKey(v) ? REDACTED : v));
        }
        return new SecretBuilder(secret).withData(data.isEmpty() ? null : data)
                .withStringData(stringData.isEmpty() ? null : stringData).build();
    }

    /** A one-line description, safe to log: names, type and data keys, never data. */
    public static String describe(Secret secret) {
        return "Secret " + secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName()
                + " (" + secret.getType() + ") keys " + (secret.getData() == null ? List.of()
                : List.copyOf(secret.getData().keySet()));
    }

    private static boolean isPrivateKey(String text) {
        return text != null && Pem.containsPrivateKey(text);
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String dataKey(String key) {
        if (!DATA_KEY.matcher(key).matches() || key.length() > 253) {
            throw new IllegalArgumentException("'" + key + "' cannot be a Secret key: use letters, digits, "
                    + "'-', '_' and '.'");
        }
        return key;
    }

    private static void checkNames(String name, String namespace) {
        if (name == null || name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid Secret name: lower-case letters, "
                    + "digits, '-' and '.', starting and ending with a letter or digit");
        }
        if (namespace == null || namespace.length() > 63 || !LABEL.matcher(namespace).matches()) {
            throw new IllegalArgumentException("'" + namespace + "' is not a valid namespace: at most 63 "
                    + "lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
    }
}
