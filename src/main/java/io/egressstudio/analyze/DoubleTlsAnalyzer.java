package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.ServicePort;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ES0007: a port declared HTTPS or TLS tells the sidecar that the application sends TLS; a DestinationRule that also
 * originates SIMPLE or MUTUAL TLS on it wraps TLS in TLS (curl exit 35, wrong version number).
 */
final class DoubleTlsAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "destinationrule.DoubleTls";
    }

    @Override
    public String description() {
        return "TLS origination on a port where the application already sends TLS";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.DOUBLE_TLS);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        MeshIndex index = view.index(cp);
        for (MeshService s : index.services()) {
            if (s.kind() != MeshService.Kind.SERVICE_ENTRY) {
                continue;
            }
            Rules.Dr dr = index.lookupDestinationRule(s.namespace(), Map.of(), s).rule();
            if (dr == null || dr.implied() || CredentialSecretAnalyzer.isGatewayNamespace(view, dr.namespace())) {
                continue;
            }
            for (ServicePort p : s.ports()) {
                if (!p.protocol().isTls()) {
                    continue;
                }
                for (TlsSettings t : TlsSettings.of(dr)) {
                    if (t.subset() == null && t.originates() && t.appliesTo(p.number())) {
                        report.accept(Finding.of(Messages.DOUBLE_TLS, dr.key(), t.path() + ".mode",
                                s.key() + " declares port " + p.number() + " " + p.protocol() + ", so the application "
                                        + "sends TLS there, and this rule originates " + t.mode() + " TLS on top: "
                                        + "double TLS, curl exit 35 (wrong version number).",
                                "Declare the port HTTP (the application sends plaintext, e.g. port 80 with targetPort "
                                        + "443) and keep the origination, or remove the origination."));
                    }
                }
            }
        }
    }
}
