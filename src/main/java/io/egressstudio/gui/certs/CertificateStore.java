package io.egressstudio.gui.certs;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.CertificateAuthority;
import io.egressstudio.certs.CertificateFiles;
import io.egressstudio.certs.CertificateInfo;
import io.egressstudio.certs.CertificateInspector;
import io.egressstudio.certs.CertificateRequest;
import io.egressstudio.certs.IssuedCertificate;
import io.egressstudio.certs.Keys;
import io.egressstudio.generate.CertificateFolder;
import io.egressstudio.generate.GeneratorOptions;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The certificates the designer issues for a scenario, one folder per scenario name under the user's config folder:
 * {@code $XDG_CONFIG_HOME/egress-studio/certs/NAME/} (default {@code ~/.config/egress-studio/certs/NAME/}), laid out
 * as {@code certs scenario} writes it ({@code ID.crt}, {@code ID.key}), so that {@code generate --certs} and
 * Cluster ▸ Certificates… read it too. The folder is 0700, keys 0600, every file written atomically. Keys never enter
 * the scenario, and nothing here logs them.
 *
 * <p>Issuing again keeps what is still right (same names, signed by the current CA, not expired) and issues only the
 * rest, so that material already applied to a cluster stays valid.
 */
public final class CertificateStore {
    /** A config folder to use instead of {@code $XDG_CONFIG_HOME/egress-studio} (tests, portable installs). */
    public static final String CONFIG_PROPERTY = "egressstudio.config";
    static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    /** What one issuing did. */
    public record IssueReport(Path folder, List<String> issued, List<String> kept) {
        public IssueReport {
            issued = List.copyOf(issued);
            kept = List.copyOf(kept);
        }
    }

    private final Path root;
    private final Clock clock;

    /** @param root the folder holding one folder per scenario */
    public CertificateStore(Path root) {
        this(root, Clock.systemUTC());
    }

    CertificateStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** The store under the user's config folder (or {@value #CONFIG_PROPERTY}). */
    public static CertificateStore defaultStore() {
        return new CertificateStore(defaultRoot(System.getProperty(CONFIG_PROPERTY), System.getenv("XDG_CONFIG_HOME"),
                Path.of(System.getProperty("user.home"))));
    }

    static Path defaultRoot(String configProperty, String xdgConfigHome, Path home) {
        Path config;
        if (configProperty != null && !configProperty.isBlank()) {
            config = Path.of(configProperty);
        } else if (xdgConfigHome != null && !xdgConfigHome.isBlank() && Path.of(xdgConfigHome).isAbsolute()) {
            config = Path.of(xdgConfigHome).resolve("egress-studio");
        } else {
            config = home.resolve(".config").resolve("egress-studio");
        }
        return config.resolve("certs");
    }

    public Path root() {
        return root;
    }

    /** The folder of a scenario's certificates (which may not exist yet). */
    public Path folderFor(String scenarioName) {
        String safe = scenarioName == null || scenarioName.isBlank() ? "unnamed"
                : scenarioName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
        return root.resolve(safe.startsWith(".") ? "_" + safe : safe);
    }

    /** The scenario's folder when something was issued into it, else null: what Cluster ▸ Apply's plan reads. */
    public Path issuedFolder(String scenarioName) {
        Path folder = folderFor(scenarioName);
        return Files.isDirectory(folder) ? folder : null;
    }

    /**
     * The generator's certificate input for a scenario: its Secrets filled from the issued files, those not issued
     * yet left pending. What the YAML pane and apply use; the same as {@code generate --certs FOLDER}.
     */
    public GeneratorOptions generatorOptions(Scenario scenario) {
        Path folder = folderFor(scenario.name());
        return Files.isDirectory(folder) ? new GeneratorOptions(new CertificateFolder(folder))
                : GeneratorOptions.defaults();
    }

    /** The issued certificate of each spec that has one in the folder, by spec id (never key material). */
    public Map<String, CertificateInfo> issued(Scenario scenario) {
        Map<String, CertificateInfo> out = new LinkedHashMap<>();
        for (CertificateSpec spec : scenario.certificates()) {
            issued(scenario.name(), spec.id()).ifPresent(info -> out.put(spec.id(), info));
        }
        return out;
    }

    /** What the issued certificate of one spec says, if it has been issued (an unreadable file counts as not). */
    public Optional<CertificateInfo> issued(String scenarioName, String specId) {
        Path file = folderFor(scenarioName).resolve(specId + ".crt");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CertificateInspector(clock, CertificateInspector.DEFAULT_WARN_DAYS)
                    .describe(CertificateFiles.readCertificates(file).get(0)));
        } catch (BadMaterialException e) {
            return Optional.empty();
        }
    }

    /**
     * Issues every spec of the scenario that has no valid material in its folder yet, CAs before what they sign.
     *
     * @param progress told about each certificate as it is kept or issued (ids and subjects only)
     */
    public IssueReport issue(Scenario scenario, Consumer<String> progress) throws BadMaterialException {
        Path folder = folderFor(scenario.name());
        createPrivateFolder(folder);
        Map<String, CertificateSpec> byId = new LinkedHashMap<>();
        scenario.certificates().forEach(c -> byId.put(c.id(), c));
        Run run = new Run(folder, byId, progress);
        for (CertificateSpec spec : scenario.certificates()) {
            run.material(spec, new HashSet<>());
        }
        return new IssueReport(folder, run.issued, run.kept);
    }

    private void createPrivateFolder(Path folder) throws BadMaterialException {
        try {
            Files.createDirectories(folder);
            for (Path p : List.of(root, folder)) {
                if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(p, FOLDER_PERMISSIONS);
                }
            }
        } catch (IOException e) {
            throw new BadMaterialException(folder.toString(), "cannot create the folder: " + e.getMessage());
        }
    }

    /** One issuing: the material of each spec, loaded or new, and which it was. */
    private final class Run {
        private final Path folder;
        private final Map<String, CertificateSpec> byId;
        private final Consumer<String> progress;
        private final Map<String, IssuedCertificate> material = new LinkedHashMap<>();
        private final Map<String, CertificateAuthority> authorities = new LinkedHashMap<>();
        private final List<String> issued = new ArrayList<>();
        private final List<String> kept = new ArrayList<>();

        Run(Path folder, Map<String, CertificateSpec> byId, Consumer<String> progress) {
            this.folder = folder;
            this.byId = byId;
            this.progress = progress;
        }

        IssuedCertificate material(CertificateSpec spec, Set<String> visiting) throws BadMaterialException {
            if (material.containsKey(spec.id())) {
                return material.get(spec.id());
            }
            if (!visiting.add(spec.id())) {
                throw new IllegalArgumentException("certificate '" + spec.id() + "' is its own issuer (a cycle)");
            }
            CertificateAuthority issuer = null;
            boolean issuerIsNew = false;
            if (spec.issuer() != null) {
                CertificateSpec issuerSpec = byId.get(spec.issuer());
                if (issuerSpec == null || issuerSpec.kind() != CertificateKind.CA) {
                    throw new IllegalArgumentException("certificate '" + spec.id() + "': issuer '" + spec.issuer()
                            + "' is not a CA certificate of this scenario");
                }
                material(issuerSpec, visiting);
                issuer = authorities.get(issuerSpec.id());
                issuerIsNew = issued.contains(issuerSpec.id());
            } else if (spec.kind() != CertificateKind.CA) {
                throw new IllegalArgumentException("certificate '" + spec.id() + "' has no issuer; only a CA may be "
                        + "self-signed");
            }
            CertificateRequest request = CertificateRequest.from(spec);
            Optional<IssuedCertificate> existing = issuerIsNew ? Optional.empty() : load(spec, request, issuer);
            IssuedCertificate result;
            if (existing.isPresent()) {
                result = existing.get();
                kept.add(spec.id());
                progress.accept("Kept " + spec.id() + " (" + CertificateInspector.subject(result.certificate()) + ")");
            } else {
                progress.accept("Issuing " + spec.id() + " (CN=" + spec.commonName() + ")…");
                result = create(spec, request, issuer);
                CertificateFiles.writeIssued(result, folder, spec.id(), null, true);
                issued.add(spec.id());
            }
            if (spec.kind() == CertificateKind.CA) {
                authorities.put(spec.id(), CertificateAuthority.of(result.certificate(), result.privateKey().orElseThrow(),
                        result.issuers(), folder.resolve(spec.id() + ".crt").toString()));
            }
            material.put(spec.id(), result);
            return result;
        }

        private IssuedCertificate create(CertificateSpec spec, CertificateRequest request, CertificateAuthority issuer) {
            if (spec.kind() == CertificateKind.CA) {
                return (issuer == null ? CertificateAuthority.createRoot(request, clock)
                        : issuer.createIntermediate(request)).material();
            }
            return issuer.issue(request);
        }

        /** The spec's files when they still describe it: same names, signed by its issuer now, not expired. */
        private Optional<IssuedCertificate> load(CertificateSpec spec, CertificateRequest request,
                                                 CertificateAuthority issuer) {
            Path certificateFile = folder.resolve(spec.id() + ".crt");
            Path keyFile = folder.resolve(spec.id() + ".key");
            if (!Files.isRegularFile(certificateFile) || !Files.isRegularFile(keyFile)) {
                return Optional.empty();
            }
            try {
                List<X509Certificate> chain = CertificateFiles.readCertificates(certificateFile);
                PrivateKey key = CertificateFiles.readPrivateKey(keyFile, null);
                X509Certificate certificate = chain.get(0);
                Instant now = clock.instant();
                boolean current = commonName(certificate).equals(request.commonName())
                        && new HashSet<>(CertificateInspector.dnsNames(certificate)).equals(new HashSet<>(request.dnsNames()))
                        && (certificate.getBasicConstraints() >= 0) == (spec.kind() == CertificateKind.CA)
                        && certificate.getNotAfter().toInstant().isAfter(now)
                        && Keys.matches(key, certificate.getPublicKey())
                        && (issuer == null ? CertificateInspector.isSelfSigned(certificate)
                        : CertificateInspector.signedBy(certificate, issuer.certificate()));
                if (!current) {
                    return Optional.empty();
                }
                List<X509Certificate> issuers = new ArrayList<>();
                if (issuer != null) {
                    issuers.add(issuer.certificate());
                    issuers.addAll(issuer.issuers());
                }
                IssuedCertificate loaded = new IssuedCertificate(certificate, key, issuers);
                if (spec.kind() == CertificateKind.CA) {
                    CertificateAuthority.of(certificate, key, issuers, certificateFile.toString());
                }
                return Optional.of(loaded);
            } catch (BadMaterialException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return "";
        }
        return "";
    }
}
