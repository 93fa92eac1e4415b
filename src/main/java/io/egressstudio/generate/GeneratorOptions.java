package io.egressstudio.generate;

import io.egressstudio.model.CertificateSpec;
import java.util.Optional;
import java.util.function.Function;

/**
 * @param certificates the PEM material for a certificate spec, when the user has it; without it, Secrets are
 *                     generated with their keys named but no data, and marked as pending
 */
public record GeneratorOptions(Function<CertificateSpec, Optional<PemMaterial>> certificates) {
    public GeneratorOptions {
        certificates = certificates != null ? certificates : spec -> Optional.empty();
    }

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(null);
    }
}
