package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * ES0027: a {@code tls} block with mode MUTUAL and neither clientCertificate nor credentialName. Istio's own validation
 * rejects such a rule ("client certificate required for mutual tls"); when it gets through, the proxy presents no
 * certificate and a server that asks for one ends the handshake.
 */
final class MutualWithoutClientCertificateAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "destinationrule.MutualWithoutClientCertificate";
    }

    @Override
    public String description() {
        return "tls.mode MUTUAL without a client certificate (clientCertificate or credentialName)";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.MUTUAL_WITHOUT_CLIENT_CERTIFICATE);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        Set<String> seen = new HashSet<>();
        for (ControlPlane cp : view.controlPlanes()) {
            for (Rules.Dr dr : view.index(cp).destinationRules()) {
                for (TlsSettings s : TlsSettings.of(dr)) {
                    boolean hasCertificate = s.tls().getClientCertificate() != null || s.tls().getCredentialName() != null;
                    if (!s.mode().equals("MUTUAL") || hasCertificate || !seen.add(dr.key() + " " + s.path())) {
                        continue;
                    }
                    report.accept(Finding.of(Messages.MUTUAL_WITHOUT_CLIENT_CERTIFICATE, dr.key(),
                            s.path() + ".clientCertificate",
                            "tls.mode MUTUAL for " + dr.host() + " names no client certificate: Istio rejects the rule "
                                    + "(client certificate required for mutual tls), and a proxy that used it would "
                                    + "present none, so a server that requires one ends the handshake.",
                            "Choose the client certificate to present (credentialName at a gateway, or "
                                    + "clientCertificate and privateKey files at a sidecar), or use SIMPLE if the server "
                                    + "does not ask for one."));
                }
            }
        }
    }
}
