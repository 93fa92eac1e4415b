package io.egressstudio.analyze;

import io.egressstudio.certs.CertificateInspector;
import io.egressstudio.certs.CertificateIssue;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** ES0016, ES0017: a certificate in a Secret that has expired (or is not valid yet), or expires within 30 days. */
final class CertificateValidityAnalyzer implements Analyzer {
    private final CertificateInspector inspector;

    CertificateValidityAnalyzer() {
        this(Clock.systemUTC());
    }

    CertificateValidityAnalyzer(Clock clock) {
        this.inspector = new CertificateInspector(clock, CertificateInspector.DEFAULT_WARN_DAYS);
    }

    @Override
    public String name() {
        return "secret.CertificateValidity";
    }

    @Override
    public String description() {
        return "certificates in Secrets are valid now and for the next 30 days";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.CERTIFICATE_EXPIRED, Messages.CERTIFICATE_EXPIRES_SOON);
    }

    @Override
    public void analyze(io.egressstudio.mesh.MeshView view, Consumer<Finding> report) {
        for (Secret secret : view.resources().ofKind("Secret", Secret.class)) {
            for (SecretCertificates.Entry entry : SecretCertificates.all(secret)) {
                for (CertificateIssue issue : inspector.validity(entry.leaf())) {
                    MessageType type = issue.check() == CertificateIssue.Check.EXPIRES_SOON
                            ? Messages.CERTIFICATE_EXPIRES_SOON : Messages.CERTIFICATE_EXPIRED;
                    report.accept(Finding.of(type, entry.resource(), entry.field(),
                            issue.subject() + " " + issue.message() + ": proxies that use it fail their TLS handshakes"
                                    + (type == Messages.CERTIFICATE_EXPIRED ? " (503 UF)." : " from then on."),
                            issue.fix()));
                }
            }
        }
    }
}
