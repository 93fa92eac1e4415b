package io.egressstudio.predict;

import io.egressstudio.mesh.Ambient;
import io.egressstudio.mesh.AuthorizationPolicies;
import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.IpAddresses;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;
import java.util.List;

/**
 * The first hop of a pod in ambient mode: the ztunnel on its node captures the connection and works at L4 only. It
 * matches the destination by address (a ServiceEntry's VIP, which its DNS proxy hands out); for an entry bound to a
 * waypoint it tunnels the connection over HBONE (mTLS, HTTP/2 CONNECT to port 15008) to the {@link WaypointProxy};
 * otherwise it sends the bytes as they are, as a passthrough: no TLS origination, no route, no L7 policy. Sources:
 * docs/research/gateway-api-and-ambient-egress.md §3.4 (ztunnel {@code src/proxy/outbound.rs}).
 */
final class Ztunnel {
    private final MeshView view;
    private final ClusterSender sender;
    private final WaypointProxy waypoint;
    private final AuthorizationPolicies policies;

    Ztunnel(MeshView view, ClusterSender sender) {
        this.view = view;
        this.sender = sender;
        this.waypoint = new WaypointProxy(view, sender);
        this.policies = AuthorizationPolicies.of(view);
    }

    static String node(Request r) {
        return "ztunnel (node of " + r.from() + ")";
    }

    Outcome fromClient(Trace t, Request r, WorkloadInfo client, ControlPlane cp, Ambient.Enrolment enrolment) {
        String ztunnel = node(r);
        t.say(r.from() + " has no sidecar and runs in ambient mode (" + cp.title() + " mesh " + cp.name() + "): "
                + enrolment.reason() + ". The ztunnel on its node captures its outbound connection to " + r.host() + ":"
                + r.port() + "; ztunnel works at L4 and reads no HTTP.");
        Wire wire = Wire.fromApplication(r);
        t.hop(r.from(), ztunnel, wire.encryption());
        MeshIndex index = view.index(cp);
        boolean byAddress = IpAddresses.isLiteral(r.host());
        MeshIndex.ServiceLookup lookup = byAddress
                ? index.lookupServiceByAddress(r.fromNamespace(), client.labels(), r.host())
                : index.lookupService(r.fromNamespace(), client.labels(), r.host(), r.port());
        MeshService service = lookup.service();
        ServicePort port = service == null ? null : Target.portOf(service, r.port());
        if (service != null && port == null) {
            t.say(service.key() + " registers " + service.host() + " but not port " + r.port() + ".");
        }
        if (service != null && port != null && service.kind() == MeshService.Kind.SERVICE_ENTRY
                && Hosts.isWildcard(service.host()) && !"DYNAMIC_DNS".equals(service.resolution())
                && service.addresses().isEmpty()) {
            t.use(service.key());
            t.say("ztunnel: " + service.key() + " registers the wildcard " + service.host() + ", which gets no VIP "
                    + "(istiod allocates addresses for exact hosts, or for DYNAMIC_DNS): ztunnel cannot recognise the "
                    + "connection as that entry.");
            service = null;
        }
        if (service == null || port == null) {
            return passthrough(t, r, wire, ztunnel);
        }
        t.use(service.key());
        t.sentBy(client);
        if (service.kind() != MeshService.Kind.SERVICE_ENTRY) {
            return inMesh(t, r, service, port, wire, cp, ztunnel);
        }
        Ambient.Binding binding = view.waypointBinding(service);
        if (binding != null && binding.bound()) {
            Ambient.Waypoint w = binding.waypoint();
            t.use(w.key());
            t.say("ztunnel: " + r.host() + " is " + service.key() + " (istiod gives it a VIP; ztunnel's DNS proxy "
                    + "answers with it), bound to waypoint " + w.id() + " by " + binding.source()
                    + " (status istio.io/WaypointBound=True: Successfully attached to waypoint " + w.id() + "; the "
                    + "waypoint is taken as ready, its Gateway's status.addresses cannot be read offline). ztunnel "
                    + "tunnels the connection over HBONE: mTLS with " + r.from() + "'s identity "
                    + policies.principal(client) + ", HTTP/2 CONNECT to the waypoint's port 15008.");
            t.hop(ztunnel, "waypoint " + w.id() + ":15008", Encryption.ISTIO_MUTUAL);
            return waypoint.at(t, r, client, w, service, port, wire, cp);
        }
        String why = binding == null || binding.requested() == null
                ? "neither " + service.key() + " nor its namespace has the label " + Ambient.USE_WAYPOINT
                + (binding != null && binding.source() != null ? " (" + binding.source() + ")" : "")
                : "istiod does not bind it to a waypoint (istio.io/WaypointBound=False): " + binding.problem();
        t.say("ztunnel: " + r.host() + " is " + service.key() + ", which uses no waypoint: " + why + ".");
        ignoredWithoutWaypoint(t, index, client, service, port, r);
        t.say("ztunnel sends the connection straight to " + service.host() + ":" + port.endpointPort()
                + " as plain TCP, the application's bytes unchanged, like a passthrough: only L4 telemetry "
                + "(istio_tcp_*, reporter=source).");
        t.hop(ztunnel, service.host() + ":" + port.endpointPort(), wire.encryption());
        return sender.next().atService(t, service, port, wire, cp, 1);
    }

    /** What the user configured for the host that only a waypoint would apply, each said to be ignored. */
    private void ignoredWithoutWaypoint(Trace t, MeshIndex index, WorkloadInfo client, MeshService service,
                                        ServicePort port, Request r) {
        MeshIndex.DrLookup dr = index.lookupDestinationRule(r.fromNamespace(), client.labels(), service);
        if (dr.rule() != null && TrafficPredictor.tlsFor(dr.rule(), null, port.number(), new String[1]) != null) {
            t.say(dr.rule().key() + " sets TLS for " + service.host() + ", but ztunnel originates no TLS: a "
                    + "DestinationRule's tls applies at a waypoint (or a sidecar) only.");
        }
        io.egressstudio.mesh.Rules.Vs vs = index.meshVirtualService(r.fromNamespace(), service.host());
        if (vs != null) {
            t.say(vs.key() + (view.origin(vs.key()) != null && view.origin(vs.key()).startsWith("implied by")
                    ? " (" + view.origin(vs.key()) + ")" : "") + " routes " + service.host() + ", but without a "
                    + "waypoint the route is not respected (route status ResolvedWaypoints: MissingUseWaypointLabel, "
                    + "\"in ambient mode, route will not be respected\").");
        }
        List<AuthorizationPolicies.Policy> attached = policies.all().stream()
                .filter(p -> AuthorizationPolicies.targetsService(p, service)).toList();
        for (AuthorizationPolicies.Policy p : attached) {
            t.say(p.key() + " targets " + service.key() + ", but is enforced nowhere (status WaypointAccepted=False, "
                    + "AncestorNotBound: " + service.key() + " is not bound to a waypoint); istiod never sends a "
                    + "targetRef policy to ztunnel.");
        }
    }

    /** No service matches the destination address: ztunnel forwards it unchanged to where the client dialled. */
    private Outcome passthrough(Trace t, Request r, Wire wire, String ztunnel) {
        t.say("ztunnel: " + r.host() + ":" + r.port() + " matches no service or workload ztunnel knows, so it builds "
                + "the connection as passthrough (\"no upstream found\") to the original destination. ztunnel has no "
                + "outbound traffic policy (REGISTRY_ONLY is a sidecar's), and no DestinationRule, route or L7 policy "
                + "applies: only L4 telemetry, destination_service unknown.");
        t.hop(ztunnel, r.host() + ":" + r.port() + " (passthrough)", wire.encryption());
        Outcome there = sender.next().atDestination(t, r.host(), r.port(), wire, null, null, 1);
        return there == Outcome.OK ? Outcome.PASSTHROUGH : there;
    }

    /**
     * A Service of the cluster: to a pod in ambient mode ztunnel sends HBONE to that node's ztunnel; to any other pod
     * it sends the bytes as they are.
     */
    private Outcome inMesh(Trace t, Request r, MeshService service, ServicePort port, Wire wire, ControlPlane cp,
                           String ztunnel) {
        List<WorkloadInfo> pods = view.workloadsSelectedBy(service);
        WorkloadInfo pod = pods.isEmpty() ? null : pods.get(0);
        if (pod != null && view.ambientEnrolment(pod).ambient()) {
            t.say("ztunnel: " + service.key() + " selects " + pod.id() + ", also in ambient mode: ztunnel sends HBONE "
                    + "(mTLS) to the ztunnel of its node, which hands it to the pod.");
            t.hop(ztunnel, pod.id() + ":" + port.endpointPort(), Encryption.ISTIO_MUTUAL);
            return t.ok(pod.id() + ":" + port.endpointPort());
        }
        t.say("ztunnel: " + service.key() + (pod == null ? " has no pod in the set that is in ambient mode"
                : " selects " + pod.id() + ", which is not in ambient mode") + ": ztunnel sends the connection as "
                + "plain TCP.");
        t.hop(ztunnel, service.host() + ":" + port.number(), wire.encryption());
        return sender.next().atKubernetesService(t, service, port, wire, cp, 1);
    }
}
