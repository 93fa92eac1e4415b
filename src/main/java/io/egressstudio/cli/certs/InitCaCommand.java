package io.egressstudio.cli.certs;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.CertificateAuthority;
import io.egressstudio.certs.CertificateFiles;
import io.egressstudio.certs.CertificateInspector;
import io.egressstudio.certs.CertificateRequest;
import io.egressstudio.certs.Keys;
import io.egressstudio.model.KeyType;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init-ca", mixinStandardHelpOptions = true, versionProvider = CertsSubcommand.Version.class,
        description = {"Create a CA: writes ca.crt and ca.key (permissions 0600) into the output folder.",
            "With --parent DIR it is an intermediate CA signed by the CA in DIR, and ca-chain.crt holds the CAs "
                    + "above it (root last)."})
final class InitCaCommand extends CertsSubcommand {
    @Option(names = "--cn", paramLabel = "CN", description = "the CA's common name (default: ${DEFAULT-VALUE})",
            defaultValue = "Egress Studio Root CA")
    String commonName;

    @Option(names = "--key", paramLabel = "rsa2048|rsa4096|ec256", converter = KeyTypeConverter.class,
            defaultValue = "rsa2048", description = "key type (default: ${DEFAULT-VALUE})")
    KeyType keyType;

    @Option(names = "--days", paramLabel = "N", converter = DaysConverter.class, defaultValue = "3650",
            description = "validity in days (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "folder to write into (default: the current folder)")
    Path output;

    @Option(names = "--parent", paramLabel = "DIR",
            description = "make an intermediate CA, signed by the CA in DIR (its ca.crt and ca.key)")
    Path parent;

    @Option(names = "--parent-passphrase-file", paramLabel = "FILE",
            description = "passphrase of the parent CA's encrypted key (first line of FILE)")
    Path parentPassphraseFile;

    @Option(names = "--key-passphrase-file", paramLabel = "FILE",
            description = "encrypt ca.key (PKCS#8, AES-256) with the passphrase in FILE (first line)")
    Path keyPassphraseFile;

    @Option(names = "--force", description = "replace ca.crt and ca.key if they exist")
    boolean force;

    @Override
    int execute() throws BadMaterialException {
        char[] keyPassphrase = passphrase(keyPassphraseFile);
        char[] parentPassphrase = passphrase(parentPassphraseFile);
        try {
            String cn = parent != null && "Egress Studio Root CA".equals(commonName)
                    ? "Egress Studio Intermediate CA" : commonName;
            CertificateRequest request = about("--cn", () -> CertificateRequest.ca(cn, keyType, days));
            CertificateFiles.refuseExisting(List.of(output.resolve(CertificateFiles.CA_CERTIFICATE),
                    output.resolve(CertificateFiles.CA_KEY)), force);
            CertificateAuthority authority;
            if (parent != null && parent.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
                throw new BadMaterialException("--parent", parent + " is also the output folder; write the "
                        + "intermediate CA into another folder with -o DIR");
            }
            if (parent != null) {
                CertificateAuthority parentCa = CertificateFiles.loadAuthority(parent, parentPassphrase);
                authority = about(parent.toString(), () -> parentCa.createIntermediate(request));
            } else {
                authority = CertificateAuthority.createRoot(request, java.time.Clock.systemUTC());
            }
            CertificateFiles.writeAuthority(authority, output, keyPassphrase, force);
            X509Certificate certificate = authority.certificate();
            out().println("wrote " + output.resolve(CertificateFiles.CA_CERTIFICATE) + ": "
                    + CertificateInspector.subject(certificate) + ", " + Keys.describe(certificate.getPublicKey())
                    + ", serial " + CertificateInspector.serialHex(certificate.getSerialNumber()) + ", valid until "
                    + LocalDate.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC)
                    + (authority.isRoot() ? "" : ", signed by "
                    + CertificateInspector.subject(authority.issuers().get(0))));
            out().println("wrote " + output.resolve(CertificateFiles.CA_KEY) + ": private key"
                    + (keyPassphrase != null ? ", encrypted" : "") + ", permissions 0600; keep it off clusters");
            if (!authority.isRoot()) {
                out().println("wrote " + output.resolve(CertificateFiles.CA_CHAIN)
                        + ": the CAs above it; peers trust its last certificate, the root");
            }
            return 0;
        } finally {
            wipe(keyPassphrase);
            wipe(parentPassphrase);
        }
    }
}
