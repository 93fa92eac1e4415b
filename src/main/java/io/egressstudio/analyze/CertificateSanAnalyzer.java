package io.egressstudio.analyze;

import io.egressstudio.certs.CertificateInspector;
import io.egressstudio.certs.CertificateIssue;
import io.egressstudio.mesh.MeshView;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.function.Consumer;

/** ES0018: a server certificate without subjectAltName, or an X.509 v1 certificate (as the seed's scripts make). */
final class CertificateSanAnalyzer implements Analyzer {
    private final CertificateInspector inspector = new CertificateInspector();

    @Override
    public String name() {
        return "secret.CertificateSubjectAltNames";
    }

    @Override
    public String description() {
        return "certificates carry subjectAltNames and are X.509 v3";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.CERTIFICATE_WITHOUT_SAN);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        for (Secret secret : view.resources().ofKind("Secret", Secret.class)) {
            for (SecretCertificates.Entry entry : SecretCertificates.all(secret)) {
                for (CertificateIssue issue : inspector.inspect(entry.leaf())) {
                    boolean sanProblem = issue.check() == CertificateIssue.Check.V1_CERTIFICATE
                            || issue.check() == CertificateIssue.Check.NO_SAN;
                    if (sanProblem && issue.severity() != CertificateIssue.Severity.INFO) {
                        report.accept(Finding.of(Messages.CERTIFICATE_WITHOUT_SAN, entry.resource(), entry.field(),
                                issue.subject() + " " + issue.message() + ".", issue.fix()));
                    }
                }
            }
        }
    }
}
