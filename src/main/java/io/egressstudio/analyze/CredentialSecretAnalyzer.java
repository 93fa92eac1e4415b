package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.egressstudio.mesh.WorkloadInfo;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0002, after Istio's IST0101 for credentials: a Gateway server's credentialName must name a Secret in the
 * namespace of the gateway pods it selects; a DestinationRule used by a gateway needs its Secret in the gateway's
 * namespace.
 */
final class CredentialSecretAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "gateway.CredentialSecret";
    }

    @Override
    public String description() {
        return "credentialName Secrets live in the namespace of the proxy that reads them";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.CREDENTIAL_SECRET_MISSING);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        MeshIndex index = view.index(cp);
        for (Rules.Gw gw : index.gateways()) {
            List<WorkloadInfo> proxies = gatewayProxies(view, cp, gw);
            List<Server> servers = Specs.orEmpty(gw.spec().getServers());
            for (int i = 0; i < servers.size(); i++) {
                Server server = servers.get(i);
                String credential = server.getTls() == null ? null : server.getTls().getCredentialName();
                if (credential == null) {
                    continue;
                }
                for (WorkloadInfo proxy : proxies) {
                    if (view.secret(proxy.namespace(), credential) == null) {
                        report.accept(Finding.of(Messages.CREDENTIAL_SECRET_MISSING, gw.key(),
                                "spec.servers[" + i + "].tls.credentialName", "Secret " + credential
                                        + " is not in " + proxy.namespace() + ", the namespace of gateway " + proxy.id()
                                        + " that this server runs on: the server has no certificate and TLS fails.",
                                "Create Secret " + credential + " (tls.crt, tls.key, and ca.crt for MUTUAL) in "
                                        + proxy.namespace() + "; a Secret in the Gateway resource's namespace is not read."));
                    }
                }
            }
        }
        for (Rules.Dr dr : index.destinationRules()) {
            if (!isGatewayNamespace(view, dr.namespace())) {
                continue;
            }
            for (TlsSettings s : TlsSettings.of(dr)) {
                String credential = s.tls().getCredentialName();
                // SIMPLE verifies the server only: the CA alone may sit in NAME-cacert (Istio's SDS convention)
                boolean caOnly = s.mode().equals("SIMPLE") && credential != null
                        && view.secret(dr.namespace(), credential + "-cacert") != null;
                if (credential != null && !caOnly && view.secret(dr.namespace(), credential) == null) {
                    report.accept(Finding.of(Messages.CREDENTIAL_SECRET_MISSING, dr.key(), s.path() + ".credentialName",
                            "Secret " + credential + " is not in " + dr.namespace() + ", where the gateway that uses "
                                    + "this rule runs: the gateway has no client certificate for " + dr.host() + ".",
                            "Create Secret " + credential + " (key, cert, cacert or tls.key, tls.crt, ca.crt) in "
                                    + dr.namespace() + "."));
                }
            }
        }
    }

    static List<WorkloadInfo> gatewayProxies(MeshView view, ControlPlane cp, Rules.Gw gw) {
        List<WorkloadInfo> out = new ArrayList<>();
        for (String ns : cp.configNamespaces()) {
            for (WorkloadInfo w : view.workloadsIn(ns)) {
                if (w.gateway() && w.selectedBy(gw.selector())) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    static boolean isGatewayNamespace(MeshView view, String namespace) {
        return view.workloadsIn(namespace).stream().anyMatch(WorkloadInfo::gateway);
    }
}
