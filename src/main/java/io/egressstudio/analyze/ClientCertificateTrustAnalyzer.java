package io.egressstudio.analyze;

import io.egressstudio.certs.CertificateInspector;
import io.egressstudio.certs.CertificateIssue;
import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0020: a DestinationRule presents a client certificate to a MUTUAL Gateway (found through the host, or the
 * OpenShift Route in front of it) that the Gateway's {@code ca.crt} does not sign: the Gateway rejects the handshake.
 */
final class ClientCertificateTrustAnalyzer implements Analyzer {
    private final CertificateInspector inspector = new CertificateInspector();

    @Override
    public String name() {
        return "destinationrule.ClientCertificateTrust";
    }

    @Override
    public String description() {
        return "client certificates are signed by the CA the MUTUAL Gateway they reach trusts";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.CLIENT_CERTIFICATE_NOT_TRUSTED);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        List<GatewayServers.Terminating> mutualServers = GatewayServers.terminating(view).stream()
                .filter(GatewayServers.Terminating::mutual).toList();
        if (mutualServers.isEmpty()) {
            return;
        }
        for (ControlPlane cp : view.controlPlanes()) {
            for (Rules.Dr dr : view.index(cp).destinationRules()) {
                for (TlsSettings s : TlsSettings.of(dr)) {
                    if (!s.originates() || !"MUTUAL".equals(s.tls().getMode().name())) {
                        continue;
                    }
                    ClientCredential credential = clientCredential(view, dr, s);
                    if (credential == null) {
                        continue;
                    }
                    String sniOrHost = s.tls().getSni() != null ? s.tls().getSni() : dr.host();
                    for (GatewayServers.Terminating server : mutualServers) {
                        if (!serves(view, server, sniOrHost)) {
                            continue;
                        }
                        List<X509Certificate> trusted = SecretCertificates.trusted(server.credential());
                        if (trusted.isEmpty()) {
                            continue;
                        }
                        for (CertificateIssue issue : inspector.checkChain(credential.chain(), trusted.get(0))) {
                            if (issue.check() == CertificateIssue.Check.NOT_SIGNED_BY_CA) {
                                report.accept(Finding.of(Messages.CLIENT_CERTIFICATE_NOT_TRUSTED, dr.key(),
                                        s.path() + credential.field(), "The client certificate " + issue.subject()
                                                + " from Secret " + MeshView.key(credential.secret())
                                                + " is not signed by the CA in Secret " + MeshView.key(server.credential())
                                                + " that " + server.gateway().key() + " (MUTUAL) trusts: the gateway "
                                                + "rejects the handshake (503 UF, 'certificate required' / 'unknown ca').",
                                        "Issue the client certificate from that CA (egress-studio certs issue --client "
                                                + "NAME --ca DIR), or add its CA to the Gateway Secret's ca.crt."));
                            }
                        }
                    }
                }
            }
        }
    }

    private record ClientCredential(Secret secret, List<X509Certificate> chain, String field) {
    }

    /** The certificate the proxy presents: a credentialName Secret, or the Secret holding the mounted file. */
    private static ClientCredential clientCredential(MeshView view, Rules.Dr dr, TlsSettings s) {
        if (s.tls().getCredentialName() != null) {
            Secret secret = view.secret(dr.namespace(), s.tls().getCredentialName());
            List<X509Certificate> chain = secret == null ? List.of() : SecretCertificates.presented(secret);
            return chain.isEmpty() ? null : new ClientCredential(secret, chain, ".credentialName");
        }
        String file = s.tls().getClientCertificate();
        if (file == null) {
            return null;
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        for (Secret secret : view.resources().ofKind("Secret", Secret.class)) {
            if (dr.namespace().equals(secret.getMetadata().getNamespace())) {
                List<X509Certificate> chain = SecretCertificates.read(secret, name);
                if (!chain.isEmpty()) {
                    return new ClientCredential(secret, chain, ".clientCertificate");
                }
            }
        }
        return null;
    }

    /** The server takes this SNI itself, or an OpenShift Route for it leads to the server's gateway namespace. */
    private static boolean serves(MeshView view, GatewayServers.Terminating server, String sni) {
        boolean hostMatches = server.hosts().stream().anyMatch(h -> h.equals("*") || Hosts.matches(h, sni));
        if (!hostMatches) {
            return false;
        }
        List<io.fabric8.openshift.api.model.Route> routes = view.routesFor(sni);
        return routes.isEmpty() || routes.stream()
                .anyMatch(r -> server.proxy().namespace().equals(r.getMetadata().getNamespace()));
    }
}
