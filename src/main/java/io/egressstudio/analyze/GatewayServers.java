package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.egressstudio.mesh.WorkloadInfo;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;

/** Gateway servers that terminate TLS, each with the credential Secret its gateway proxy really reads. */
final class GatewayServers {
    record Terminating(Rules.Gw gateway, int index, Server server, WorkloadInfo proxy, Secret credential) {
        String path() {
            return "spec.servers[" + index + "]";
        }

        boolean mutual() {
            return "MUTUAL".equals(server.getTls().getMode().name());
        }

        List<String> hosts() {
            return Specs.orEmpty(server.getHosts()).stream().map(io.egressstudio.mesh.Hosts::stripNamespace).toList();
        }
    }

    private GatewayServers() {
    }

    static List<Terminating> terminating(MeshView view) {
        List<Terminating> out = new ArrayList<>();
        for (ControlPlane cp : view.controlPlanes()) {
            for (Rules.Gw gw : view.index(cp).gateways()) {
                List<Server> servers = Specs.orEmpty(gw.spec().getServers());
                for (int i = 0; i < servers.size(); i++) {
                    Server server = servers.get(i);
                    if (server.getTls() == null || server.getTls().getMode() == null
                            || server.getTls().getCredentialName() == null) {
                        continue;
                    }
                    String mode = server.getTls().getMode().name();
                    if (!mode.equals("SIMPLE") && !mode.equals("MUTUAL")) {
                        continue;
                    }
                    for (WorkloadInfo proxy : CredentialSecretAnalyzer.gatewayProxies(view, cp, gw)) {
                        Secret secret = view.secret(proxy.namespace(), server.getTls().getCredentialName());
                        if (secret != null) {
                            out.add(new Terminating(gw, i, server, proxy, secret));
                        }
                    }
                }
            }
        }
        return out;
    }
}
