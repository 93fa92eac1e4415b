package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0003: DestinationRule credentialName at sidecars. Istio 1.9 (Maistra 2.1, 2.2 is 1.12) applies it at gateways
 * only; from Istio 1.14 (Maistra 2.3) a sidecar uses it when the rule has a workloadSelector and the Secret is in the
 * workload's namespace.
 */
final class SidecarCredentialAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "destinationrule.SidecarCredentialName";
    }

    @Override
    public String description() {
        return "credentialName on a sidecar DestinationRule is ignored before Maistra 2.3 or without a workloadSelector";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.SIDECAR_CREDENTIAL_IGNORED);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        for (Rules.Dr dr : view.index(cp).destinationRules()) {
            if (CredentialSecretAnalyzer.isGatewayNamespace(view, dr.namespace())) {
                continue;
            }
            for (TlsSettings s : TlsSettings.of(dr)) {
                String credential = s.tls().getCredentialName();
                if (credential == null) {
                    continue;
                }
                String why;
                if (!cp.credentialNameAtSidecars()) {
                    why = "Maistra " + cp.version() + " (Istio " + cp.istioVersion() + ") uses credentialName at "
                            + "gateways only";
                } else if (dr.workloadSelector().isEmpty()) {
                    why = "the rule has no workloadSelector";
                } else if (view.secret(dr.namespace(), credential) == null) {
                    why = "Secret " + credential + " is not in " + dr.namespace();
                } else {
                    continue;
                }
                boolean fallback = s.tls().getClientCertificate() != null && s.tls().getPrivateKey() != null;
                report.accept(Finding.of(Messages.SIDECAR_CREDENTIAL_IGNORED, dr.key(), s.path() + ".credentialName",
                        "Sidecars in " + dr.namespace() + " ignore credentialName " + credential + ": " + why + "; "
                                + (fallback ? "they use the clientCertificate and privateKey files instead."
                                : s.mode().equals("MUTUAL") ? "no client certificate is presented and MUTUAL servers "
                                + "reject the handshake." : "the credential's CA is not used."),
                        cp.credentialNameAtSidecars() ? "Add a workloadSelector and keep the Secret in " + dr.namespace()
                                + "." : "Mount the Secret into istio-proxy (sidecar.istio.io/userVolume and "
                                + "userVolumeMount) and set clientCertificate, privateKey and caCertificates, or "
                                + "originate the TLS at the egress gateway."));
            }
        }
    }
}
