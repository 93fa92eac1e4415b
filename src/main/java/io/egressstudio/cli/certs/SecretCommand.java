package io.egressstudio.cli.certs;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.CertificateFiles;
import io.egressstudio.certs.CertificateSecrets;
import io.egressstudio.model.SecretLayout;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "secret", mixinStandardHelpOptions = true, versionProvider = CertsSubcommand.Version.class,
        description = {"Print (or write with -o) a Secret holding a certificate, its key and a CA certificate, for "
                + "'oc apply -f -'.",
            "Layouts: tls (tls.crt, tls.key, ca.crt), generic (cert, key, cacert), files (NAME.crt, NAME.key, CA.crt; "
                    + "NAME and CA are the base names of --cert and --ca). Type tls (kubernetes.io/tls) needs layout "
                    + "tls.",
            "Put it in the namespace of the proxy that reads it: the gateway pod's for credentialName, the "
                    + "workload's for files mounted into its sidecar.",
            "The YAML on standard output holds the real key (base64); with -o the file gets permissions 0600."})
final class SecretCommand extends CertsSubcommand {
    enum Type { TLS, OPAQUE }

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "certificate (chain) PEM")
    Path certFile;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "its private key PEM")
    Path keyFile;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "CA certificate for ca.crt/cacert (for MUTUAL: the CA the reader trusts for peers)")
    Path caFile;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "the Secret's name")
    String name;

    @Option(names = "--namespace", required = true, paramLabel = "NS", description = "the Secret's namespace")
    String namespace;

    @Option(names = "--layout", paramLabel = "tls|generic|files", defaultValue = "TLS",
            description = "data keys (default: tls)")
    SecretLayout layout;

    @Option(names = "--type", paramLabel = "tls|opaque", defaultValue = "OPAQUE",
            description = "Secret type: kubernetes.io/tls or Opaque (default: opaque, as 'oc create secret generic')")
    Type type;

    @Option(names = "--key-passphrase-file", paramLabel = "FILE",
            description = "passphrase of an encrypted --key (first line of FILE); the Secret gets it decrypted")
    Path keyPassphraseFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the YAML to FILE (0600)")
    Path output;

    @Option(names = "--redact", description = "replace the key data with a placeholder (for review, not for apply)")
    boolean redact;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Override
    int execute() throws BadMaterialException {
        char[] passphrase = passphrase(keyPassphraseFile);
        try {
            List<X509Certificate> chain = CertificateFiles.readCertificates(certFile);
            PrivateKey key = CertificateFiles.readPrivateKey(keyFile, passphrase);
            X509Certificate ca = null;
            if (caFile != null) {
                List<X509Certificate> cas = CertificateFiles.readCertificates(caFile);
                ca = cas.get(cas.size() - 1);
            }
            if (!io.egressstudio.certs.Keys.matches(key, chain.get(0).getPublicKey())) {
                throw new BadMaterialException(keyFile.toString(), "this private key does not belong to the "
                        + "certificate in " + certFile);
            }
            X509Certificate caCertificate = ca;
            Secret secret = about("--name/--namespace/--layout", () -> CertificateSecrets.secret(name, namespace,
                    layout, type == Type.TLS, baseName(certFile), caFile == null ? "ca" : baseName(caFile), chain,
                    key, caCertificate));
            String yaml = CertificateSecrets.toYaml(secret, !redact);
            if (output == null) {
                out().print(yaml);
                out().flush();
                return 0;
            }
            if (Files.exists(output) && !force) {
                throw new BadMaterialException(output.toString(), "already exists; pass --force to replace it");
            }
            CertificateFiles.writeSecretText(output, yaml);
            out().println("wrote " + output + ": " + CertificateSecrets.describe(secret)
                    + (redact ? ", key redacted" : ", holds the private key: permissions 0600"));
            return 0;
        } finally {
            wipe(passphrase);
        }
    }

    /** {@code greeting-client-app.crt} → {@code greeting-client-app}. */
    private static String baseName(Path file) {
        String name = String.valueOf(file.getFileName());
        for (String extension : List.of(".crt", ".pem", ".cert", ".cer", ".key")) {
            if (name.endsWith(extension) && name.length() > extension.length()) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }
}
