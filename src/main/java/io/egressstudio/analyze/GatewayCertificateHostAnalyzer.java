package io.egressstudio.analyze;

import io.egressstudio.certs.CertificateInspector;
import io.egressstudio.certs.CertificateIssue;
import io.egressstudio.mesh.MeshView;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/** ES0019: a Gateway serves a host that its certificate's subjectAltNames do not cover; verifying clients refuse it. */
final class GatewayCertificateHostAnalyzer implements Analyzer {
    private final CertificateInspector inspector = new CertificateInspector();

    @Override
    public String name() {
        return "gateway.CertificateHosts";
    }

    @Override
    public String description() {
        return "a TLS Gateway server's certificate covers every host it serves";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.SERVER_CERTIFICATE_HOST_MISMATCH);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        for (GatewayServers.Terminating server : GatewayServers.terminating(view)) {
            List<X509Certificate> chain = SecretCertificates.presented(server.credential());
            if (chain.isEmpty()) {
                continue;
            }
            List<String> hosts = server.hosts();
            for (int h = 0; h < hosts.size(); h++) {
                String host = hosts.get(h);
                if (host.equals("*")) {
                    continue;
                }
                for (CertificateIssue issue : inspector.checkHost(chain.get(0), host)) {
                    if (issue.severity() == CertificateIssue.Severity.ERROR) {
                        report.accept(Finding.of(Messages.SERVER_CERTIFICATE_HOST_MISMATCH, server.gateway().key(),
                                server.path() + ".hosts[" + h + "]", "The certificate in Secret "
                                        + MeshView.key(server.credential()) + " (" + issue.subject() + ") "
                                        + issue.message() + ": clients that verify " + host
                                        + " fail the handshake (503 UF; curl exit 60).", issue.fix()));
                    }
                }
            }
        }
    }
}
