package io.egressstudio.cli.certs;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.CertificateFiles;
import io.egressstudio.certs.CertificateInfo;
import io.egressstudio.certs.CertificateInspector;
import io.egressstudio.certs.CertificateIssue;
import io.egressstudio.certs.Csr;
import io.egressstudio.certs.HostNames;
import io.egressstudio.certs.Keys;
import io.egressstudio.certs.Pem;
import io.egressstudio.model.CertificateKind;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = CertsSubcommand.Version.class,
        description = {"Describe and check certificates (PEM): v3 and extensions, SANs, key usage, validity and days "
                + "left; with --ca, the chain to that CA; with --host, whether the SANs cover the host; across all "
                + "files, duplicate serials.",
            "Private keys in a FILE are described (type and size) and redacted unless --reveal is given.",
            "Exit code: 0 no errors found, 1 errors found, 2 a file cannot be read."})
final class InspectCommand extends CertsSubcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "PEM files: certificates (a chain: leaf first), "
            + "keys, certificate requests")
    List<Path> files;

    @Option(names = "--ca", paramLabel = "CA.crt", description = "check that each certificate chains to this CA")
    Path caFile;

    @Option(names = "--host", arity = "1..*", paramLabel = "HOST",
            description = "check that each certificate's SANs cover HOST (a Route host, ServiceEntry host or SNI)")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--purpose", paramLabel = "server|client|ca",
            description = "check key usage for this role (default: server with --host, else none)")
    CertificateKind purpose;

    @Option(names = "--warn-days", paramLabel = "N", converter = DaysConverter.class, defaultValue = "30",
            description = "warn when fewer days are left (default: ${DEFAULT-VALUE})")
    int warnDays;

    @Option(names = "--key-passphrase-file", paramLabel = "FILE",
            description = "passphrase to open encrypted keys for --reveal (first line of FILE)")
    Path keyPassphraseFile;

    @Option(names = "--reveal", description = "print private keys found in the files (they are redacted otherwise)")
    boolean reveal;

    @Override
    int execute() throws BadMaterialException {
        CertificateInspector inspector = new CertificateInspector(Clock.systemUTC(), warnDays);
        X509Certificate ca = null;
        if (caFile != null) {
            List<X509Certificate> cas = CertificateFiles.readCertificates(caFile);
            ca = cas.get(cas.size() - 1);
        }
        for (String host : hosts) {
            if (!HostNames.isIpLiteral(host)) {
                var problem = HostNames.dnsNameProblem(host);
                if (problem.isPresent()) {
                    throw new BadMaterialException("--host", problem.get());
                }
            }
        }
        CertificateKind role = purpose != null ? purpose : hosts.isEmpty() ? null : CertificateKind.SERVER;
        char[] passphrase = passphrase(keyPassphraseFile);
        List<CertificateIssue> issues = new ArrayList<>();
        List<X509Certificate> all = new ArrayList<>();
        try {
            // Read everything first, so that an unreadable file fails before any output.
            List<String> texts = new ArrayList<>();
            for (Path file : files) {
                String text = CertificateFiles.read(file);
                Pem.requirePemText(text, file.toString());
                texts.add(text);
            }
            for (int f = 0; f < files.size(); f++) {
                Path file = files.get(f);
                String text = texts.get(f);
                List<String> labels = Pem.labels(text);
                boolean anything = false;
                if (labels.contains("CERTIFICATE") || labels.contains("TRUSTED CERTIFICATE")
                        || labels.contains("X509 CERTIFICATE")) {
                    List<X509Certificate> chain = Pem.readCertificates(text, file.toString());
                    all.addAll(chain);
                    for (int i = 0; i < chain.size(); i++) {
                        X509Certificate certificate = chain.get(i);
                        print(file, i, chain.size(), inspector.describe(certificate));
                        issues.addAll(inspector.inspect(certificate));
                    }
                    X509Certificate leaf = chain.get(0);
                    if (ca != null) {
                        issues.addAll(inspector.checkChain(chain, ca));
                    }
                    for (String host : hosts) {
                        issues.addAll(inspector.checkHost(leaf, host));
                    }
                    if (role != null) {
                        issues.addAll(inspector.checkPurpose(leaf, role));
                    }
                    anything = true;
                }
                if (labels.contains("CERTIFICATE REQUEST") || labels.contains("NEW CERTIFICATE REQUEST")) {
                    Csr csr = Csr.parse(text, file.toString());
                    out().println(file + ": certificate request");
                    out().println("  subject:    " + csr.subject());
                    out().println("  SANs:       DNS " + csr.dnsNames() + ", IP " + csr.ipAddresses());
                    out().println("  key:        " + Keys.describe(csr.publicKey()));
                    anything = true;
                }
                if (Pem.containsPrivateKey(text)) {
                    describeKey(file, text, passphrase, pairedCertificate(f, texts), issues);
                    anything = true;
                }
                if (!anything) {
                    throw new BadMaterialException(file.toString(), "holds no certificate, key or certificate "
                            + "request (found " + String.join(", ", labels) + ")");
                }
            }
        } finally {
            wipe(passphrase);
        }
        issues.addAll(inspector.checkDuplicateSerials(all));
        return report(issues);
    }

    /** The certificate a key belongs with: in the same file, or in a FILE of the same base name (a.crt, a.key). */
    private X509Certificate pairedCertificate(int keyIndex, List<String> texts) {
        String base = baseName(files.get(keyIndex));
        List<Integer> candidates = new ArrayList<>();
        candidates.add(keyIndex);
        for (int i = 0; i < files.size(); i++) {
            if (i != keyIndex && baseName(files.get(i)).equals(base)) {
                candidates.add(i);
            }
        }
        for (int i : candidates) {
            if (Pem.labels(texts.get(i)).contains("CERTIFICATE")) {
                try {
                    return Pem.readCertificates(texts.get(i), files.get(i).toString()).get(0);
                } catch (BadMaterialException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String baseName(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(dot > 0 ? name.substring(0, dot) : name).toString();
    }

    private void describeKey(Path file, String text, char[] passphrase, X509Certificate paired,
                             List<CertificateIssue> issues) throws BadMaterialException {
        boolean encrypted = Pem.isEncryptedKey(text);
        if (encrypted && passphrase == null) {
            out().println(file + ": private key, encrypted (redacted)");
            return;
        }
        PrivateKey key = Pem.readPrivateKey(text, file.toString(), passphrase);
        out().println(file + ": private key, " + Keys.describe(key) + (encrypted ? ", encrypted" : "")
                + (reveal ? "" : " (redacted; --reveal prints it)"));
        if (paired != null) {
            issues.addAll(new CertificateInspector().checkKeyPair(paired, key));
        }
        if (reveal) {
            out().print(Pem.privateKey(key));
        }
    }

    private void print(Path file, int index, int count, CertificateInfo info) {
        out().println(file + ": certificate" + (count > 1 ? " " + (index + 1) + " of " + count : ""));
        out().println("  subject:    " + info.subject());
        out().println("  issuer:     " + info.issuer() + (info.selfSigned() ? " (self-signed)" : ""));
        out().println("  version:    " + info.version());
        out().println("  serial:     " + info.serial());
        out().println("  key:        " + info.key() + ", signed " + info.signatureAlgorithm());
        out().println("  valid:      " + info.notBefore() + " to " + info.notAfter() + " (" + info.daysLeft()
                + " days left)");
        out().println("  SANs:       " + (info.subjectAlternativeNames().isEmpty() ? "none"
                : String.join(", ", info.subjectAlternativeNames())));
        out().println("  key usage:  " + (info.keyUsage().isEmpty() ? "none" : String.join(", ", info.keyUsage())));
        out().println("  ext. usage: " + (info.extendedKeyUsage().isEmpty() ? "none"
                : String.join(", ", info.extendedKeyUsage())));
        out().println("  CA:         " + (info.ca() ? "yes" + (info.pathLength() >= 0 ? ", path length "
                + info.pathLength() : "") : "no"));
        out().println("  sha256:     " + info.fingerprint());
    }

    private int report(List<CertificateIssue> issues) {
        if (issues.isEmpty()) {
            out().println("no findings");
            return 0;
        }
        out().println("findings:");
        for (CertificateIssue issue : issues) {
            out().println("  " + String.format(Locale.ROOT, "%-7s", issue.severity()) + " " + issue.check() + " "
                    + issue.subject() + ": " + issue.message());
            if (issue.fix() != null) {
                out().println("          fix: " + issue.fix());
            }
        }
        return issues.stream().anyMatch(i -> i.severity() == CertificateIssue.Severity.ERROR) ? FINDINGS : 0;
    }
}
