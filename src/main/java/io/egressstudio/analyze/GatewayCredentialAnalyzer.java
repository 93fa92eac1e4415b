package io.egressstudio.analyze;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.CertificateSecrets;
import io.egressstudio.certs.Keys;
import io.egressstudio.certs.Pem;
import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.egressstudio.mesh.WorkloadInfo;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * ES0034: the Secret a Gateway server's {@code credentialName} names (in the gateway proxy's namespace) cannot serve:
 * no certificate or key under the keys Istio reads ({@code tls.crt}/{@code tls.key}, or {@code cert}/{@code key}),
 * PEM that does not parse, an encrypted key, a key that is not the certificate's, or for MUTUAL no CA to verify clients
 * ({@code ca.crt}/{@code cacert}, or the Secret {@code NAME-cacert}). istioctl checks the same keys; the gateway
 * rejects the credential and the server's listener has no certificate. A missing Secret is ES0002; a Secret without
 * data (still to be filled in) or with its private key redacted is not checked.
 */
final class GatewayCredentialAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "gateway.CredentialMaterial";
    }

    @Override
    public String description() {
        return "Gateway credential Secrets with missing keys, unreadable PEM or a key that does not match";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.GATEWAY_CREDENTIAL_MALFORMED);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        for (Rules.Gw gw : view.index(cp).gateways()) {
            List<Server> servers = Specs.orEmpty(gw.spec().getServers());
            for (int i = 0; i < servers.size(); i++) {
                Server server = servers.get(i);
                if (server.getTls() == null || server.getTls().getCredentialName() == null
                        || server.getTls().getMode() == null) {
                    continue;
                }
                String mode = server.getTls().getMode().name();
                if (!mode.equals("SIMPLE") && !mode.equals("MUTUAL")) {
                    continue;
                }
                Set<String> checked = new HashSet<>();
                for (WorkloadInfo proxy : CredentialSecretAnalyzer.gatewayProxies(view, cp, gw)) {
                    String credential = server.getTls().getCredentialName();
                    Secret secret = view.secret(proxy.namespace(), credential);
                    if (secret == null || !checked.add(proxy.namespace()) || !hasData(secret) || redacted(secret)) {
                        continue;
                    }
                    String problem = problem(view, proxy.namespace(), credential, secret, mode.equals("MUTUAL"));
                    if (problem != null) {
                        report.accept(Finding.of(Messages.GATEWAY_CREDENTIAL_MALFORMED, gw.key(),
                                "spec.servers[" + i + "].tls.credentialName", "Secret " + proxy.namespace() + "/"
                                        + credential + " cannot serve this " + mode + " server: " + problem
                                        + ". The gateway rejects the credential and the server has no certificate.",
                                "Recreate the Secret with tls.crt (the certificate chain), tls.key (its unencrypted "
                                        + "private key)" + (mode.equals("MUTUAL") ? " and ca.crt (the CA that "
                                        + "signs the clients' certificates)" : "") + "."));
                    }
                }
            }
        }
    }

    /** What is wrong with the credential, or null. */
    private static String problem(MeshView view, String namespace, String credential, Secret secret, boolean mutual) {
        String certKey = SecretCertificates.text(secret, "tls.crt") != null ? "tls.crt" : "cert";
        String keyKey = SecretCertificates.text(secret, "tls.key") != null ? "tls.key" : "key";
        String certText = SecretCertificates.text(secret, certKey);
        String keyText = SecretCertificates.text(secret, keyKey);
        if (certText == null || keyText == null) {
            return "it has no " + (certText == null ? "tls.crt (or cert)" : "tls.key (or key)");
        }
        List<X509Certificate> chain = SecretCertificates.read(secret, certKey);
        if (chain.isEmpty()) {
            return certKey + " holds no readable PEM certificate";
        }
        if (Pem.isEncryptedKey(keyText)) {
            return keyKey + " is an encrypted private key, which the gateway cannot read";
        }
        PrivateKey key;
        try {
            key = Pem.readPrivateKey(keyText, MeshView.key(secret) + " " + keyKey, null);
        } catch (BadMaterialException e) {
            return keyKey + " holds no readable PEM private key";
        }
        if (!Keys.matches(key, chain.get(0).getPublicKey())) {
            return "the private key in " + keyKey + " is not the key of the certificate in " + certKey + " ("
                    + chain.get(0).getSubjectX500Principal().getName() + ")";
        }
        if (mutual && SecretCertificates.trusted(secret).isEmpty()
                && view.secret(namespace, credential + "-cacert") == null) {
            return "it has no ca.crt (or cacert), and there is no Secret " + credential + "-cacert, so the server "
                    + "cannot verify client certificates";
        }
        return null;
    }

    /** A Secret shown with its private key hidden (the app's YAML pane, a redacted export): its key cannot be checked. */
    private static boolean redacted(Secret secret) {
        return secret.getData() != null && secret.getData().containsValue(CertificateSecrets.REDACTED)
                || secret.getStringData() != null && secret.getStringData().containsValue(CertificateSecrets.REDACTED);
    }

    private static boolean hasData(Secret secret) {
        return secret.getData() != null && !secret.getData().isEmpty()
                || secret.getStringData() != null && !secret.getStringData().isEmpty();
    }
}
