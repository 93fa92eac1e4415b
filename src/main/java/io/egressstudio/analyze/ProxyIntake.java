package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Protocol;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.egressstudio.mesh.WorkloadInfo;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * What a proxy that enforces AuthorizationPolicies receives, as far as its configuration says: for a gateway, the
 * servers of the Gateway resources that select it (does any of them hand TCP to the RBAC filter, does any terminate
 * Istio mTLS); for a sidecar, whether its PeerAuthentication disables mTLS.
 */
final class ProxyIntake {
    /** A gateway server: its Gateway, its position, and what the RBAC filter behind it sees. */
    record GatewayServer(Rules.Gw gateway, int index, boolean tcp, boolean istioMutual) {
        String where() {
            return gateway.key() + " spec.servers[" + index + "]";
        }
    }

    private ProxyIntake() {
    }

    static List<GatewayServer> servers(MeshView view, WorkloadInfo gateway) {
        ControlPlane cp = view.controlPlaneOf(gateway.namespace());
        if (cp == null) {
            return List.of();
        }
        List<GatewayServer> out = new ArrayList<>();
        for (Rules.Gw gw : view.index(cp).gatewaysSelecting(gateway.labels())) {
            List<Server> servers = Specs.orEmpty(gw.spec().getServers());
            for (int i = 0; i < servers.size(); i++) {
                Server s = servers.get(i);
                Protocol protocol = s.getPort() == null ? Protocol.UNKNOWN : Protocol.of(s.getPort().getProtocol());
                String mode = s.getTls() == null || s.getTls().getMode() == null ? "" : s.getTls().getMode().name();
                boolean passthrough = mode.equals("PASSTHROUGH") || mode.equals("AUTO_PASSTHROUGH");
                // HTTP and HTTPS that the gateway terminates reach the HTTP connection manager; the rest is TCP
                boolean tcp = passthrough || !(protocol.isHttp() || protocol == Protocol.HTTPS);
                out.add(new GatewayServer(gw, i, tcp, mode.equals("ISTIO_MUTUAL")));
            }
        }
        return out;
    }

    /**
     * A port of a Kubernetes Service in front of a sidecar that is not declared HTTP (its RBAC filter there is a TCP
     * one), as {@code Service/ns/name port N}, or null when every port is HTTP.
     */
    static String tcpPort(MeshView view, WorkloadInfo sidecar) {
        ControlPlane cp = view.controlPlaneOf(sidecar.namespace());
        if (cp == null) {
            return null;
        }
        for (io.egressstudio.mesh.MeshService s : view.index(cp).services()) {
            if (s.kind() != io.egressstudio.mesh.MeshService.Kind.KUBERNETES
                    || !view.workloadsSelectedBy(s).contains(sidecar)) {
                continue;
            }
            for (io.egressstudio.mesh.ServicePort p : s.ports()) {
                if (!p.protocol().isHttp()) {
                    return s.key() + " port " + p.number() + " (" + p.protocol() + ")";
                }
            }
        }
        return null;
    }

    /** Whether a sidecar's PeerAuthentication disables mTLS for the whole workload, and which one says so. */
    static Rules.Pa mtlsDisabledBy(MeshView view, WorkloadInfo sidecar) {
        ControlPlane cp = view.controlPlaneOf(sidecar.namespace());
        if (cp == null) {
            return null;
        }
        MeshIndex.MtlsMode mode = view.index(cp).mtlsMode(sidecar, -1);
        return "DISABLE".equals(mode.mode()) ? mode.decidedBy() : null;
    }
}
