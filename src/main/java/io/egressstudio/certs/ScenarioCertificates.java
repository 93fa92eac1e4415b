package io.egressstudio.certs;

import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.SecretPlacement;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Material for a scenario's certificate specs, for the generator: issue them all (roots, intermediates, then the
 * certificates each CA signs), and make every Secret they are placed in. Key material stays in the returned objects
 * and the Secrets' data; the scenario keeps only the specs.
 */
public final class ScenarioCertificates {
    private ScenarioCertificates() {
    }

    /**
     * Issues every spec, CAs before what they sign. A spec without an issuer is a root CA; a CA spec with an issuer
     * is an intermediate.
     *
     * @return material by spec id, in the specs' order
     */
    public static Map<String, IssuedCertificate> issue(List<CertificateSpec> specs) {
        Map<String, CertificateSpec> byId = specs.stream()
                .collect(Collectors.toMap(CertificateSpec::id, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two certificates with id '" + a.id() + "'");
                }, LinkedHashMap::new));
        Map<String, CertificateAuthority> authorities = new LinkedHashMap<>();
        Map<String, IssuedCertificate> issued = new LinkedHashMap<>();
        for (CertificateSpec spec : specs) {
            issue(spec, byId, authorities, issued, new HashSet<>());
        }
        Map<String, IssuedCertificate> ordered = new LinkedHashMap<>();
        specs.forEach(s -> ordered.put(s.id(), issued.get(s.id())));
        return ordered;
    }

    private static void issue(CertificateSpec spec, Map<String, CertificateSpec> byId,
                              Map<String, CertificateAuthority> authorities, Map<String, IssuedCertificate> issued,
                              Set<String> visiting) {
        if (issued.containsKey(spec.id())) {
            return;
        }
        if (!visiting.add(spec.id())) {
            throw new IllegalArgumentException("certificate '" + spec.id() + "' is its own issuer (a cycle)");
        }
        CertificateRequest request;
        try {
            request = CertificateRequest.from(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("certificate '" + spec.id() + "': " + e.getMessage(), e);
        }
        if (spec.issuer() == null) {
            if (spec.kind() != CertificateKind.CA) {
                throw new IllegalArgumentException("certificate '" + spec.id() + "' has no issuer; only a CA "
                        + "may be self-signed");
            }
            CertificateAuthority root = CertificateAuthority.createRoot(request, java.time.Clock.systemUTC());
            authorities.put(spec.id(), root);
            issued.put(spec.id(), root.material());
            return;
        }
        CertificateSpec issuerSpec = byId.get(spec.issuer());
        if (issuerSpec == null || issuerSpec.kind() != CertificateKind.CA) {
            throw new IllegalArgumentException("certificate '" + spec.id() + "': issuer '" + spec.issuer()
                    + "' is not a CA certificate of this scenario");
        }
        issue(issuerSpec, byId, authorities, issued, visiting);
        CertificateAuthority issuer = authorities.get(issuerSpec.id());
        if (spec.kind() == CertificateKind.CA) {
            CertificateAuthority intermediate = issuer.createIntermediate(request);
            authorities.put(spec.id(), intermediate);
            issued.put(spec.id(), intermediate.material());
        } else {
            issued.put(spec.id(), issuer.issue(request));
        }
    }

    /** Every Secret the specs are placed in, in spec and placement order. */
    public static List<Secret> secrets(List<CertificateSpec> specs, Map<String, IssuedCertificate> material) {
        List<Secret> secrets = new ArrayList<>();
        for (CertificateSpec spec : specs) {
            IssuedCertificate issued = material.get(spec.id());
            if (issued == null) {
                throw new IllegalArgumentException("no material for certificate '" + spec.id() + "'");
            }
            for (SecretPlacement placement : spec.secrets()) {
                secrets.add(CertificateSecrets.secret(spec, placement, issued));
            }
        }
        return secrets;
    }
}
