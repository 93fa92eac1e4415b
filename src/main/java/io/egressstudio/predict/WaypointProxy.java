package io.egressstudio.predict;

import io.egressstudio.mesh.Ambient;
import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;
import java.util.Map;

/**
 * A waypoint (the Envoy istiod deploys for a Gateway of class {@code istio-waypoint}) serving a ServiceEntry bound to
 * it: it terminates the HBONE tunnel (so it knows the client pod's identity), enforces the AuthorizationPolicies
 * attached to it or to the entry by targetRefs, routes by the HTTPRoutes whose parent is the entry (istiod's mesh
 * VirtualServices for the host), and sends to the external host with the TLS a DestinationRule asks for. The waypoint
 * connects to the external host directly, not over HBONE.
 */
final class WaypointProxy {
    private final MeshView view;
    private final ClusterSender sender;
    private final Authorization authorization;

    WaypointProxy(MeshView view, ClusterSender sender) {
        this.view = view;
        this.sender = sender;
        this.authorization = new Authorization(view);
    }

    Outcome at(Trace t, Request r, WorkloadInfo client, Ambient.Waypoint w, MeshService service, ServicePort port,
               Wire wire, ControlPlane cp) {
        WorkloadInfo proxy = new WorkloadInfo(w.namespace(), w.name(),
                Map.of("gateway.networking.k8s.io/gateway-name", w.name()), false, true, false, w.key(), Map.of());
        String label = "waypoint " + w.id();
        MeshIndex index = view.index(cp);
        t.say("Waypoint " + w.id() + " (the Envoy istiod deploys for the Gateway of class " + Ambient.WAYPOINT_CLASS
                + ") terminates the HBONE tunnel and handles " + service.host() + ":" + port.number() + " as declared "
                + port.protocol() + ".");
        SidecarOutbound.checkListener(t, port, r, "the waypoint's");
        authorization.decide(t, label, authorization.attachedToWaypoint(w.namespace(), w.name(), service), true,
                port.protocol().isHttp(), wire, port.number());
        Target target = new Target(service, port, null);
        Rules.Vs vs = index.meshVirtualService(w.namespace(), service.host());
        if (vs != null) {
            target = VirtualServiceRouting.route(t, index, vs, "mesh", port.protocol(), r.port(), r.path(),
                    r.appTls() ? r.host() : null, w.namespace(), proxy.labels(), service, port, false);
        } else {
            t.say("Route: no HTTPRoute with " + service.key() + " as parent (nor a VirtualService) for " + service.host()
                    + "; the waypoint's default route to " + service.host() + ":" + port.number() + ".");
        }
        t.sentBy(proxy);
        return sender.send(t, index, w.id(), w.namespace(), proxy, target, wire, false, cp, 1);
    }
}
