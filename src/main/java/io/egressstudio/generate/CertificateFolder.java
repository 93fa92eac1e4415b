package io.egressstudio.generate;

import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * PEM material from a folder laid out as {@code certs scenario} writes it: {@code ID.crt} and {@code ID.key} per
 * certificate spec, the issuer's certificate as {@code ISSUER.crt}. A CA's key is never read: its Secrets carry only
 * the CA certificate.
 */
public final class CertificateFolder implements Function<CertificateSpec, Optional<PemMaterial>> {
    private final Path folder;

    public CertificateFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public Optional<PemMaterial> apply(CertificateSpec spec) {
        Optional<String> certificate = read(spec.id() + ".crt");
        if (certificate.isEmpty()) {
            return Optional.empty();
        }
        if (spec.kind() == CertificateKind.CA) {
            return Optional.of(new PemMaterial(certificate.get(), null, certificate.get()));
        }
        Optional<String> key = read(spec.id() + ".key");
        Optional<String> ca = spec.issuer() == null ? Optional.empty() : read(spec.issuer() + ".crt");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PemMaterial(certificate.get(), key.get(), ca.orElse(null)));
    }

    private Optional<String> read(String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(io.egressstudio.io.InputFiles.bytes(file, io.egressstudio.io.InputFiles.MAX_PEM_BYTES),
                    StandardCharsets.UTF_8));
        } catch (io.egressstudio.io.InputException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), new IOException(e.getMessage()));
        }
    }
}
