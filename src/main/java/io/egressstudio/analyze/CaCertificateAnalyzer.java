package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.function.Consumer;

/** ES0001, after Istio's IST0128/IST0129: SIMPLE or MUTUAL origination that never checks the server's certificate. */
final class CaCertificateAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "destinationrule.CaCertificates";
    }

    @Override
    public String description() {
        return "TLS originated without caCertificates (nor a credential with a CA) does not verify the server";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.TLS_WITHOUT_VERIFICATION);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        for (Rules.Dr dr : view.index(cp).destinationRules()) {
            for (TlsSettings s : TlsSettings.of(dr)) {
                if (!s.originates() || s.tls().getCaCertificates() != null
                        || Boolean.TRUE.equals(s.tls().getInsecureSkipVerify()) || credentialHasCa(view, dr, s)) {
                    continue;
                }
                report.accept(Finding.of(Messages.TLS_WITHOUT_VERIFICATION, dr.key(), s.path() + ".caCertificates",
                        "tls.mode " + s.mode() + " for " + dr.host() + (s.port() == null ? "" : " port " + s.port())
                                + " has no caCertificates: the proxy accepts any server certificate.",
                        "Set caCertificates to the CA that signs the server's certificate (or use a credentialName "
                                + "Secret with a cacert/ca.crt key), and subjectAltNames to the names it must carry."));
            }
        }
    }

    private static boolean credentialHasCa(MeshView view, Rules.Dr dr, TlsSettings s) {
        String name = s.tls().getCredentialName();
        if (name == null) {
            return false;
        }
        Secret secret = view.secret(dr.namespace(), name);
        if (secret == null || secret.getData() == null) {
            return false;
        }
        return secret.getData().containsKey("cacert") || secret.getData().containsKey("ca.crt")
                || view.secret(dr.namespace(), name + "-cacert") != null;
    }
}
