package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0031: a VirtualService bound to a Gateway names a host that none of the Gateway's servers accepts, or the Gateway
 * it names does not exist (istioctl: "VirtualService host not found in gateway", "referenced gateway not found"). The
 * gateway proxy builds routes only for hosts its servers accept, so the route never applies there.
 */
final class GatewayHostAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "virtualservice.GatewayHosts";
    }

    @Override
    public String description() {
        return "VirtualService hosts that the Gateways they are bound to do not accept";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.VIRTUAL_SERVICE_HOST_NOT_IN_GATEWAY);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        MeshIndex index = view.index(cp);
        for (Rules.Vs vs : index.virtualServices()) {
            for (int g = 0; g < vs.gateways().size(); g++) {
                String ref = vs.gateways().get(g);
                if (ref.equals("mesh")) {
                    continue;
                }
                Rules.Gw gateway = index.gateways().stream().filter(gw -> gw.ref().equals(ref)).findFirst()
                        .orElse(null);
                if (gateway == null) {
                    report.accept(Finding.of(Messages.VIRTUAL_SERVICE_HOST_NOT_IN_GATEWAY, vs.key(),
                            "spec.gateways[" + g + "]", vs.key() + " is bound to Gateway " + ref + ", which is not "
                                    + "in mesh " + cp.name() + ": its routes apply on no gateway.",
                            "Name an existing Gateway as namespace/name, or create Gateway " + ref + "."));
                    continue;
                }
                List<String> accepted = acceptedHosts(gateway);
                for (int h = 0; h < vs.hosts().size(); h++) {
                    String host = vs.hosts().get(h);
                    if (accepted.stream().noneMatch(a -> Hosts.matches(a, host) || Hosts.matches(host, a))) {
                        report.accept(Finding.of(Messages.VIRTUAL_SERVICE_HOST_NOT_IN_GATEWAY, vs.key(),
                                "spec.hosts[" + h + "]", vs.key() + " names host " + host + " on Gateway "
                                        + gateway.key() + ", whose servers accept only " + accepted + ": the "
                                        + "gateway builds no route for it.",
                                "Add " + host + " to the hosts of a server of " + gateway.key()
                                        + ", or correct the VirtualService's host."));
                    }
                }
            }
        }
    }

    /** The hosts a Gateway's servers accept, without their {@code namespace/} part. */
    private static List<String> acceptedHosts(Rules.Gw gateway) {
        List<String> out = new ArrayList<>();
        for (Server server : Specs.orEmpty(gateway.spec().getServers())) {
            for (String host : Specs.orEmpty(server.getHosts())) {
                int slash = host.indexOf('/');
                out.add(slash < 0 ? host : host.substring(slash + 1));
            }
        }
        return out;
    }
}
