package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0014: federation is mutual TLS between the meshes' federation gateways, by design. A peer without the other
 * mesh's root certificate or trust domain cannot verify it, and a DestinationRule asking for plaintext or plain TLS to
 * an imported service breaks the sidecar's Istio mTLS hop to the federation egress gateway.
 */
final class FederationEncryptionAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "federation.Encryption";
    }

    @Override
    public String description() {
        return "federation asked to go unencrypted, or peers without trust";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.FEDERATION_UNENCRYPTED);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        for (GenericKubernetesResource peer : view.federationResources("ServiceMeshPeer")) {
            String key = MeshView.key(peer);
            if (Specs.string(peer, "spec.security.certificateChain.name") == null) {
                report.accept(Finding.of(Messages.FEDERATION_UNENCRYPTED, key, "spec.security.certificateChain",
                        "ServiceMeshPeer " + peer.getMetadata().getName() + " names no ConfigMap with the peer's root "
                                + "certificate: the federation gateways cannot verify each other and no traffic flows.",
                        "Copy the peer's istio-ca-root-cert (root-cert.pem) into a ConfigMap in "
                                + peer.getMetadata().getNamespace() + " and name it in spec.security.certificateChain."));
            }
            if (Specs.string(peer, "spec.security.trustDomain") == null) {
                report.accept(Finding.of(Messages.FEDERATION_UNENCRYPTED, key, "spec.security.trustDomain",
                        "ServiceMeshPeer " + peer.getMetadata().getName() + " sets no trustDomain for the peer.",
                        "Set spec.security.trustDomain to the peer mesh's trust domain."));
            }
        }
        for (ControlPlane cp : view.controlPlanes()) {
            List<String> importedHosts = view.index(cp).services().stream()
                    .filter(s -> s.kind() == MeshService.Kind.IMPORTED).map(MeshService::host).toList();
            for (Rules.Dr dr : view.index(cp).destinationRules()) {
                if (dr.implied()) {
                    continue;
                }
                boolean imported = dr.host().endsWith("-imports.local")
                        || importedHosts.stream().anyMatch(h -> Hosts.matches(dr.host(), h));
                if (!imported) {
                    continue;
                }
                for (TlsSettings s : TlsSettings.of(dr)) {
                    if (!s.mode().equals("ISTIO_MUTUAL")) {
                        report.accept(Finding.of(Messages.FEDERATION_UNENCRYPTED, dr.key(), s.path() + ".mode",
                                dr.host() + " is a federated service; this rule asks for " + s.mode() + ", but federated "
                                        + "traffic is always Istio mTLS to the federation egress gateway.",
                                "Remove the rule or set tls.mode ISTIO_MUTUAL; there is no unencrypted federation."));
                    }
                }
            }
        }
    }
}
