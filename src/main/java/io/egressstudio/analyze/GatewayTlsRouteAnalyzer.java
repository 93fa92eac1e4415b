package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Protocol;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0006: a VirtualService's route type must fit the Gateway server it binds to: {@code http} routes behind a server
 * that terminates TLS (or plain HTTP), {@code tls} routes behind a PASSTHROUGH server. Otherwise the gateway answers
 * 404, or the VirtualService has no effect.
 */
final class GatewayTlsRouteAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "virtualservice.GatewayTlsMismatch";
    }

    @Override
    public String description() {
        return "tls routes on a terminating Gateway server, or http routes on a PASSTHROUGH one";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.GATEWAY_VS_TLS_MISMATCH);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        MeshIndex index = view.index(cp);
        for (Rules.Gw gw : index.gateways()) {
            List<Server> servers = Specs.orEmpty(gw.spec().getServers());
            for (Rules.Vs vs : index.virtualServicesBoundTo(gw.ref())) {
                boolean http = !Specs.orEmpty(vs.spec().getHttp()).isEmpty();
                boolean tls = !Specs.orEmpty(vs.spec().getTls()).isEmpty();
                for (int i = 0; i < servers.size(); i++) {
                    Server server = servers.get(i);
                    if (!overlaps(server, gw, vs)) {
                        continue;
                    }
                    Protocol protocol = Protocol.of(server.getPort() == null ? null : server.getPort().getProtocol());
                    String mode = server.getTls() == null || server.getTls().getMode() == null ? null
                            : server.getTls().getMode().name();
                    boolean passthrough = "PASSTHROUGH".equals(mode) || "AUTO_PASSTHROUGH".equals(mode);
                    boolean terminates = protocol.isHttp() || (protocol == Protocol.HTTPS && !passthrough);
                    if (terminates && tls && !http) {
                        report.accept(Finding.of(Messages.GATEWAY_VS_TLS_MISMATCH, vs.key(), "spec.tls",
                                vs.key() + " has only tls routes, but " + gw.key() + " spec.servers[" + i + "] ("
                                        + protocol + (mode == null ? "" : " " + mode) + ") terminates TLS: after "
                                        + "termination the gateway matches http routes only and answers 404.",
                                "Write the routes under http:, or make the server tls.mode PASSTHROUGH."));
                    } else if (passthrough && http && !tls) {
                        report.accept(Finding.of(Messages.GATEWAY_VS_TLS_MISMATCH, vs.key(), "spec.http",
                                vs.key() + " has only http routes, but " + gw.key() + " spec.servers[" + i + "] passes "
                                        + "TLS through: the gateway cannot read HTTP and the routes have no effect.",
                                "Use tls routes with match.sniHosts, or terminate TLS (SIMPLE with a credentialName)."));
                    }
                }
            }
        }
    }

    private static boolean overlaps(Server server, Rules.Gw gw, Rules.Vs vs) {
        for (String h : Specs.orEmpty(server.getHosts())) {
            String serverHost = Hosts.fqdn(Hosts.stripNamespace(h), gw.namespace());
            for (String vsHost : vs.hosts()) {
                if (Hosts.overlap(serverHost, vsHost)) {
                    return true;
                }
            }
        }
        return false;
    }
}
