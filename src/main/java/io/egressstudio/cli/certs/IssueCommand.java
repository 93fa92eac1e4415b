package io.egressstudio.cli.certs;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.CertificateAuthority;
import io.egressstudio.certs.CertificateFiles;
import io.egressstudio.certs.CertificateInfo;
import io.egressstudio.certs.CertificateInspector;
import io.egressstudio.certs.CertificateRequest;
import io.egressstudio.certs.HostNames;
import io.egressstudio.certs.Csr;
import io.egressstudio.certs.IssuedCertificate;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.KeyType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "issue", mixinStandardHelpOptions = true, versionProvider = CertsSubcommand.Version.class,
        description = {"Issue a server or client certificate from the CA in --ca DIR: writes NAME.crt (the "
                + "certificate, then any intermediate CAs) and NAME.key (permissions 0600).",
            "NAME is the first host for --server ('*' becomes 'wildcard'), the name for --client.",
            "With --csr FILE the CA signs your request instead; no key is written (it stays with you)."})
final class IssueCommand extends CertsSubcommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Role role;

    static final class Role {
        @Option(names = "--server", arity = "1..*", paramLabel = "HOST",
                description = "a server certificate for these hosts (DNS names, *.wildcards or IP addresses), "
                        + "all SANs; the first is the common name")
        List<String> hosts;

        @Option(names = "--client", paramLabel = "NAME", description = "a client certificate for NAME")
        String client;
    }

    @Option(names = "--ip", arity = "1..*", paramLabel = "IP", description = "more SANs: IP addresses")
    List<String> ips = new ArrayList<>();

    @Option(names = "--csr", paramLabel = "FILE", description = "sign this PKCS#10 request (PEM) instead of "
            + "making a key; its subject and SANs are kept, other requested extensions are not")
    Path csrFile;

    @Option(names = "--key", paramLabel = "rsa2048|rsa4096|ec256", converter = KeyTypeConverter.class,
            defaultValue = "rsa2048", description = "key type (default: ${DEFAULT-VALUE})")
    KeyType keyType;

    @Option(names = "--days", paramLabel = "N", converter = DaysConverter.class, defaultValue = "365",
            description = "validity in days, never past the CA's own (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "folder to write into (default: the current folder)")
    Path output;

    @Option(names = {"--ca", "--ca-dir"}, paramLabel = "DIR",
            description = "folder with the CA's ca.crt and ca.key (default: the output folder)")
    Path caFolder;

    @Option(names = "--ca-passphrase-file", paramLabel = "FILE",
            description = "passphrase of the CA's encrypted key (first line of FILE)")
    Path caPassphraseFile;

    @Option(names = "--key-passphrase-file", paramLabel = "FILE",
            description = "encrypt NAME.key (PKCS#8, AES-256) with the passphrase in FILE (first line)")
    Path keyPassphraseFile;

    @Option(names = "--name", paramLabel = "NAME", description = "file name instead of the default NAME")
    String name;

    @Option(names = "--force", description = "replace NAME.crt and NAME.key if they exist")
    boolean force;

    @Override
    int execute() throws BadMaterialException {
        char[] caPassphrase = passphrase(caPassphraseFile);
        char[] keyPassphrase = passphrase(keyPassphraseFile);
        try {
            boolean server = role.hosts != null;
            String option = server ? "--server" : "--client";
            String baseName = about("--name", () -> fileName(name != null ? name
                    : server ? role.hosts.get(0) : role.client));
            CertificateFiles.refuseExisting(csrFile != null ? List.of(output.resolve(baseName + ".crt"))
                    : List.of(output.resolve(baseName + ".crt"), output.resolve(baseName + ".key")), force);
            CertificateAuthority ca = CertificateFiles.loadAuthority(caFolder != null ? caFolder : output,
                    caPassphrase);
            IssuedCertificate issued;
            if (csrFile != null) {
                Csr csr = CertificateFiles.readCsr(csrFile);
                List<String> extraDns = server ? role.hosts : List.of();
                CertificateKind kind = server ? CertificateKind.SERVER : CertificateKind.CLIENT;
                issued = about(csrFile.toString(), () -> ca.sign(csr, kind, extraDns, ips, days));
            } else {
                for (String ip : ips) {
                    if (!HostNames.isIpLiteral(ip)) {
                        throw new BadMaterialException("--ip", "'" + ip + "' is not an IPv4 or IPv6 address");
                    }
                }
                CertificateRequest request = about(option, () -> {
                    if (server) {
                        List<String> hosts = new ArrayList<>(role.hosts);
                        hosts.addAll(ips);
                        return CertificateRequest.server(hosts, keyType, days);
                    }
                    CertificateRequest client = CertificateRequest.client(role.client, keyType, days);
                    List<String> clientIps = new ArrayList<>(client.ipAddresses());
                    clientIps.addAll(ips);
                    return new CertificateRequest(CertificateKind.CLIENT, client.commonName(), client.dnsNames(),
                            clientIps, keyType, days);
                });
                issued = about(option, () -> ca.issue(request));
            }
            List<Path> written = CertificateFiles.writeIssued(issued, output, baseName, keyPassphrase, force);
            CertificateInfo info = new CertificateInspector().describe(issued.certificate());
            LocalDate until = LocalDate.ofInstant(info.notAfter(), ZoneOffset.UTC);
            out().println("wrote " + written.get(0) + ": " + info.subject() + ", SANs " + info.subjectAlternativeNames()
                    + ", " + String.join(", ", info.extendedKeyUsage()) + ", " + info.key() + ", serial "
                    + info.serial() + ", valid until " + until
                    + (info.daysLeft() < days - 1 ? " (capped at the CA's expiry)" : "")
                    + ", issued by " + CertificateInspector.subject(ca.certificate()));
            if (written.size() > 1) {
                out().println("wrote " + written.get(1) + ": private key" + (keyPassphrase != null ? ", encrypted" : "")
                        + ", permissions 0600");
            } else {
                out().println("signed " + csrFile + "; the private key stays with you");
            }
            return 0;
        } finally {
            wipe(caPassphrase);
            wipe(keyPassphrase);
        }
    }

    /** A file base name from a host or client name: '*' becomes 'wildcard', ':' (IPv6) '-', nothing else odd. */
    static String fileName(String name) {
        String file = name.trim().replace("*", "wildcard").replace(':', '-');
        if (file.isEmpty() || !file.matches("[A-Za-z0-9._-]+") || file.startsWith(".")) {
            throw new IllegalArgumentException("'" + name + "' cannot be a file name; pass --name NAME "
                    + "(letters, digits, '.', '-', '_')");
        }
        return file;
    }
}
