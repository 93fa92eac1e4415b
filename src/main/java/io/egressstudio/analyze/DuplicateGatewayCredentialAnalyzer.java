package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ES0033: two Gateway resources for the same gateway proxies (the same selector) serve the same credentialName on the
 * same port (istioctl's duplicate certificate check). Browsers and HTTP/2 clients reuse a connection for every host the
 * certificate covers, so a request for one Gateway's host can arrive on the other's server and get 404.
 */
final class DuplicateGatewayCredentialAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "gateway.DuplicateCredential";
    }

    @Override
    public String description() {
        return "the same credential on the same port of the same gateway proxies in several Gateways";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.GATEWAY_DUPLICATE_CREDENTIAL);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        Map<String, Rules.Gw> first = new LinkedHashMap<>();
        for (Rules.Gw gw : view.index(cp).gateways()) {
            List<Server> servers = Specs.orEmpty(gw.spec().getServers());
            for (int i = 0; i < servers.size(); i++) {
                Server server = servers.get(i);
                String credential = server.getTls() == null ? null : server.getTls().getCredentialName();
                if (credential == null || server.getPort() == null || server.getPort().getNumber() == null) {
                    continue;
                }
                String key = gw.selector() + "|" + server.getPort().getNumber() + "|" + credential;
                Rules.Gw earlier = first.putIfAbsent(key, gw);
                if (earlier != null && earlier != gw) {
                    report.accept(Finding.of(Messages.GATEWAY_DUPLICATE_CREDENTIAL, gw.key(),
                            "spec.servers[" + i + "].tls.credentialName", gw.key() + " and " + earlier.key()
                                    + " both serve credential " + credential + " on port "
                                    + server.getPort().getNumber() + " of the gateway proxies " + gw.selector()
                                    + ": a client reusing a connection for the certificate's hosts can reach the "
                                    + "wrong server (404).",
                            "Serve the hosts of one certificate from one Gateway (one server with all its hosts), "
                                    + "or give each Gateway its own certificate."));
                }
            }
        }
    }
}
