package io.egressstudio.generate;

import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.SecretLayout;
import io.egressstudio.model.SecretPlacement;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Secrets that hold a certificate, in the namespace of the proxy that reads them. With no PEM material the
 * Secret names its keys in an annotation and carries no data: key material is never invented.
 */
final class SecretFactory {
    private SecretFactory() {
    }

    static void create(GenerationContext context, CertificateSpec certificate) {
        Optional<PemMaterial> material = context.options().certificates().apply(certificate);
        for (SecretPlacement placement : certificate.secrets()) {
            context.add(secret(context, certificate, placement, material.orElse(null)), certificate.id());
        }
    }

    static Secret secret(GenerationContext context, CertificateSpec certificate, SecretPlacement placement,
                         PemMaterial material) {
        SecretLayout layout = placement.layout();
        String caName = certificate.kind() == CertificateKind.CA ? certificate.id() : certificate.issuer();
        boolean caOnly = certificate.kind() == CertificateKind.CA;
        List<String> keys = caOnly ? List.of(layout.caKey(caName))
                : List.of(layout.certKey(certificate.id()), layout.keyKey(certificate.id()), layout.caKey(caName));
        ObjectMeta meta = context.meta(placement.name(), placement.namespace(), certificate.id());
        SecretBuilder secret = new SecretBuilder().withMetadata(meta)
                .withType(placement.tlsType() && layout == SecretLayout.TLS && !caOnly ? "kubernetes.io/tls" : "Opaque");
        if (material == null) {
            secret.editMetadata().addToAnnotations(ResourceNames.DATA_PENDING_ANNOTATION, String.join(",", keys))
                    .endMetadata();
            return secret.build();
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (caOnly) {
            put(data, keys.get(0), material.certificate());
        } else {
            put(data, keys.get(0), material.certificate());
            put(data, keys.get(1), material.privateKey());
            put(data, keys.get(2), material.caCertificate());
        }
        return secret.withData(data).build();
    }

    private static void put(Map<String, String> data, String key, String pem) {
        if (pem != null) {
            data.put(key, Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
