package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;

/**
 * The step between a proxy's route and the next hop: the proxy (a sidecar or a gateway) sends to the chosen cluster,
 * with the TLS its DestinationRule asks for. Federated imports leave here for the federation egress gateway instead.
 */
final class ClusterSender {
    private final TlsOrigination tls;
    private final Federation federation;
    private final NextHops next;

    ClusterSender(MeshView view) {
        this.tls = new TlsOrigination(view);
        this.federation = new Federation(view);
        // A next hop may be a gateway proxy that sends again, so the next hops hold this sender: Istio's hop chain.
        this.next = new NextHops(view, this);
    }

    /** Whatever answers once a request has left a proxy; also where a client without a sidecar connects directly. */
    NextHops next() {
        return next;
    }

    /** A proxy (sidecar or gateway) sends the request to a cluster, with the TLS its DestinationRule asks for. */
    Outcome send(Trace t, MeshIndex index, String proxyId, String proxyNamespace, WorkloadInfo proxy,
                 Target target, Wire wire, boolean gateway, ControlPlane mesh, int depth) {
        MeshService service = target.service();
        ServicePort port = target.port();
        if (service.kind() == MeshService.Kind.IMPORTED) {
            return federation.send(t, index, proxyId, service, port, wire, depth);
        }
        if (gateway && service.kind() == MeshService.Kind.SERVICE_ENTRY && "NONE".equals(service.resolution())) {
            throw t.end(Outcome.NO_ROUTE, service.key() + " has resolution NONE: the gateway forwards to the original "
                    + "destination address, which is the gateway itself, and the request loops until it fails (503). "
                    + "Fix: use resolution DNS for hosts routed through an egress gateway.");
        }
        Origination o = tls.originate(t, index, proxyNamespace, proxy, service, port, target.subset(), gateway, mesh);
        String sni = o.tls() ? o.sni() : wire.appTls() ? wire.sni() : null;
        Wire onward = new Wire(o, wire.appTls(), wire.appHttp(), sni, wire.host(), wire.path());
        // Istio mTLS around the application's TLS is fine (the server's sidecar unwraps it); SIMPLE or MUTUAL is not.
        if (o.tls() && !o.mode().equals("ISTIO_MUTUAL") && wire.appTls()) {
            t.hop(proxyId, service.host() + ":" + port.number(), Encryption.valueOf(o.mode()));
            throw t.end(Outcome.DOUBLE_TLS, "The application already sends TLS and the proxy originates " + o.mode()
                    + " TLS over it: double TLS. The server reads the inner ClientHello as data; curl fails with exit 35 "
                    + "(wrong version number), the proxy logs 503 UF. Fix: let the application send plaintext (declare "
                    + "the port HTTP) or remove the TLS origination.");
        }
        int endpointPort = port.endpointPort();
        t.sentBy(proxy);
        t.hop(proxyId, service.host() + ":" + endpointPort, onward.encryption());
        return next.atService(t, service, port, onward, mesh, depth + 1);
    }
}
