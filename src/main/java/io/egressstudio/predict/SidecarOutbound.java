package io.egressstudio.predict;

import io.egressstudio.mesh.Ambient;
import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.IpAddresses;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Protocol;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;

/**
 * The first proxy a request meets: the client's own sidecar, or none. Follows pilot's order at that proxy: the
 * listener (is the host registered on the port, and does the port's declared protocol fit the bytes), the route (a
 * VirtualService bound to {@code mesh}) and the cluster (a registered host, PassthroughCluster or BlackHoleCluster).
 * The TLS the sidecar then originates and the next hop are the {@link ClusterSender}'s.
 */
final class SidecarOutbound {
    private final MeshView view;
    private final ClusterSender sender;
    private final Ztunnel ztunnel;

    SidecarOutbound(MeshView view, ClusterSender sender) {
        this.view = view;
        this.sender = sender;
        this.ztunnel = new Ztunnel(view, sender);
    }

    Outcome fromClient(Trace t, Request r) {
        ControlPlane cp = view.controlPlaneOf(r.fromNamespace());
        WorkloadInfo client = view.clientWorkload(r.fromNamespace(), r.fromWorkload());
        String from = r.from();
        if (client.key() != null) {
            t.use(client.key());
        }
        if (cp != null) {
            t.use(cp.key());
        }
        Ambient.Enrolment ambient = client.sidecar() ? null : view.ambientEnrolment(client);
        if (ambient != null && ambient.ambient()) {
            if (!client.declared()) {
                t.say("The set has no Deployment " + from + "; it is assumed to run in its namespace's data plane.");
            }
            return ztunnel.fromClient(t, r, client, cp, ambient);
        }
        if (!client.declared()) {
            t.say("The set has no Deployment " + from + "; it is assumed to " + (client.sidecar()
                    ? "have a sidecar: " : "have no sidecar: ") + view.sidecarReason(client) + ".");
        } else if (!client.sidecar()) {
            t.say(from + " has no sidecar: " + view.sidecarReason(client) + ".");
        }
        Wire wire = Wire.fromApplication(r);
        if (ambient != null && ambient.asked()) {
            t.say(from + " asks for ambient mode, " + ambient.reason() + ".");
        }
        if (!client.sidecar()) {
            t.hop(from, r.host() + ":" + r.port(), wire.encryption());
            t.say("The application connects to " + r.host() + ":" + r.port() + " directly.");
            return sender.next().atDestination(t, r.host(), r.port(), wire, null, null, 0);
        }
        MeshIndex index = view.index(cp);
        t.say("Sidecar of " + from + " (" + cp.title() + " mesh " + cp.name() + ", outbound policy " + index.outboundPolicy(
                r.fromNamespace(), client.labels()) + ") receives " + describeApp(r) + " for " + r.host() + ":" + r.port()
                + ".");
        // a connection to an IP reaches the entry whose addresses cover it (its listener is bound to them)
        boolean byAddress = IpAddresses.isLiteral(r.host());
        MeshIndex.ServiceLookup lookup = byAddress
                ? index.lookupServiceByAddress(r.fromNamespace(), client.labels(), r.host())
                : index.lookupService(r.fromNamespace(), client.labels(), r.host(), r.port());
        for (MeshService hidden : lookup.hidden()) {
            t.say(hidden.key() + " registers " + hidden.host() + " but is not visible here: "
                    + (hidden.visibleTo(r.fromNamespace()) ? "Sidecar " + (lookup.sidecar() == null ? "" : lookup.sidecar().key())
                    + " does not import it in its egress hosts (for port " + r.port() + ")." : "its exportTo "
                    + hidden.exportTo()
                    + " does not include namespace " + r.fromNamespace() + "."));
        }
        MeshService service = lookup.service();
        ServicePort port = service == null ? null : Target.portOf(service, r.port());
        if (service != null && port == null) {
            t.say(service.key() + " registers " + service.host() + " but not port " + r.port() + ".");
        }
        if (byAddress && service != null) {
            t.say("Listener: " + r.host() + " is in the addresses " + service.addresses() + " of " + service.key()
                    + " (host " + service.host() + ").");
        } else if (port != null && boundToAddresses(service, port)) {
            t.use(service.key());
            t.say("Listener: " + service.key() + " declares " + service.host() + " with addresses "
                    + service.addresses() + " on opaque " + port.protocol() + " port " + port.number() + ": the "
                    + "sidecar's listener for it is bound to those addresses, and a connection to the address "
                    + r.host() + " resolves to does not reach it (opaque TCP has no Host header to match by name).");
            service = null;
            port = null;
        }
        if (port == null && r.appTls() && !byAddress) {
            Outcome routed = sniRoutedOnCoveredListener(t, index, client, r, wire, from, cp);
            if (routed != null) {
                return routed;
            }
        }
        if (port == null) {
            Rules.Vs vs = r.appHttp() ? index.meshVirtualService(r.fromNamespace(), r.host()) : null;
            if (vs != null && index.hasHttpListener(r.port())
                    && RouteMatches.http(vs, "mesh", r.port(), r.path()) != null) {
                t.say("Listener: the sidecar's HTTP listener on port " + r.port() + " holds a virtual host for "
                        + r.host() + " from " + vs.key() + ", though the host is not registered on that port.");
                Target target = VirtualServiceRouting.route(t, index, vs, "mesh", Protocol.HTTP, r.port(), r.path(),
                        null, r.fromNamespace(), client.labels(), null, null, false);
                if (target.service() != null) {
                    return sender.send(t, index, from, r.fromNamespace(), client, target, wire, false, cp, 0);
                }
            }
            return unknownHost(t, index, client, r, wire);
        }
        t.use(service.key());
        if (lookup.sidecar() != null) {
            t.use(lookup.sidecar().key());
        }
        t.say("Listener: " + service.host() + " is registered by " + service.key() + " with port " + port.number()
                + " declared " + port.protocol() + ".");
        checkListener(t, port, r, "the sidecar's");
        Ambient.Binding waypoint = view.waypointBinding(service);
        if (waypoint != null && waypoint.bound()) {
            t.say(service.key() + " is bound to waypoint " + waypoint.waypoint().id() + ", but a sidecar sends to the "
                    + "service itself: only ambient (ztunnel) clients go through the waypoint, so its routes and the "
                    + "policies attached to it are not on this path.");
        }

        Target target = new Target(service, port, null);
        Rules.Vs vs = index.meshVirtualService(r.fromNamespace(), byAddress ? service.host() : r.host());
        if (vs != null) {
            target = VirtualServiceRouting.route(t, index, vs, "mesh", port.protocol(), r.port(), r.path(),
                    r.appTls() ? r.host() : null, r.fromNamespace(), client.labels(), service, port, false);
        } else {
            t.say("Route: no VirtualService bound to mesh for " + r.host() + "; the default route to "
                    + service.host() + ":" + port.number() + ".");
        }
        return sender.send(t, index, from, r.fromNamespace(), client, target, wire, false, cp, 0);
    }

    /**
     * TLS for a host no entry registers can still be routed: a mesh VirtualService's tls route puts a filter chain
     * for its sniHosts on the sidecar's listener of every registered TLS service its hosts cover (Istio's wildcard
     * egress task routes en.wikipedia.org by SNI *.wikipedia.org while only www.wikipedia.org is registered). Null when
     * no such route takes the request.
     */
    private Outcome sniRoutedOnCoveredListener(Trace t, MeshIndex index, WorkloadInfo client, Request r, Wire wire,
                                               String from, ControlPlane cp) {
        Rules.Vs vs = index.meshVirtualService(r.fromNamespace(), r.host());
        if (vs == null || RouteMatches.tls(vs, "mesh", r.port(), r.host()) == null) {
            return null;
        }
        MeshService listener = null;
        for (MeshService s : index.services()) {
            ServicePort p = s.port(r.port());
            if (p != null && p.protocol().isTls() && vs.hosts().stream().anyMatch(h -> Hosts.matches(h, s.host()))
                    && s.visibleTo(r.fromNamespace())
                    && MeshIndex.sidecarImports(index.sidecarFor(r.fromNamespace(), client.labels()), r.fromNamespace(),
                    s, r.port())) {
                listener = s;
                break;
            }
        }
        if (listener == null) {
            return null;
        }
        t.use(listener.key());
        t.say("Listener: " + r.host() + " is not registered, but the sidecar's listener on port " + r.port() + " (for "
                + listener.host() + ", registered by " + listener.key() + ") holds " + vs.key() + "'s tls route for "
                + "SNI " + r.host() + ": the VirtualService's hosts " + vs.hosts() + " cover that service.");
        Target target = VirtualServiceRouting.route(t, index, vs, "mesh", Protocol.TLS, r.port(), r.path(), r.host(),
                r.fromNamespace(), client.labels(), null, null, false);
        return target.service() == null ? null
                : sender.send(t, index, from, r.fromNamespace(), client, target, wire, false, cp, 0);
    }

    /** A ServiceEntry's opaque TCP port with addresses: Istio listens on those addresses only, not by name. */
    private static boolean boundToAddresses(MeshService service, ServicePort port) {
        Protocol p = port.protocol();
        return service.kind() == MeshService.Kind.SERVICE_ENTRY && !service.addresses().isEmpty()
                && (p == Protocol.TCP || p == Protocol.MONGO || p == Protocol.REDIS);
    }

    private static String describeApp(Request r) {
        return r.appTls() ? "the application's own TLS" : r.appHttp() ? "plaintext HTTP" : "opaque TCP";
    }

    private Outcome unknownHost(Trace t, MeshIndex index, WorkloadInfo client, Request r, Wire wire) {
        String policy = index.outboundPolicy(r.fromNamespace(), client.labels());
        Rules.Sc sidecar = index.sidecarFor(r.fromNamespace(), client.labels());
        if (sidecar != null && sidecar.spec().getOutboundTrafficPolicy() != null) {
            t.use(sidecar.key());
        }
        String unknown = r.host() + ":" + r.port() + " is not in the mesh's registry for this client";
        if (ControlPlane.REGISTRY_ONLY.equals(policy)) {
            t.hop(r.from(), "BlackHoleCluster", wire.encryption());
            String symptom = r.appHttp() ? "the sidecar answers HTTP 502 and Kiali draws the edge to BlackHoleCluster"
                    : r.appTls() ? "the connection is closed during the TLS handshake (curl exit 35), counted as "
                    + "istio_tcp_connections_closed_total to BlackHoleCluster with flag UH"
                    : "the connection is closed at once (flag UH, curl exit 56) by BlackHoleCluster";
            throw t.end(Outcome.BLACKHOLE, "Cluster: " + unknown + " and the outbound policy is REGISTRY_ONLY: the "
                    + "request goes to BlackHoleCluster; " + symptom + ". Fix: register the host with a ServiceEntry.");
        }
        t.say("Cluster: " + unknown + " and the outbound policy is ALLOW_ANY: the sidecar forwards it unmanaged "
                + "through PassthroughCluster (no DestinationRule, no mTLS applies to it).");
        t.hop(r.from(), r.host() + ":" + r.port() + " (PassthroughCluster)", wire.encryption());
        Outcome there = sender.next().atDestination(t, r.host(), r.port(), wire, null, null, 1);
        // PASSTHROUGH only when the server answers: a failure there is the more useful outcome to report.
        if (there == Outcome.OK) {
            t.say("Kiali and the metrics show the edge to PassthroughCluster (destination_service_name=\"PassthroughCluster\").");
            return Outcome.PASSTHROUGH;
        }
        return there;
    }

    /** The sidecar's listener for the port parses the bytes as the port's declared protocol. */
    static void checkListener(Trace t, ServicePort port, Request r, String proxy) {
        Protocol p = port.protocol();
        if (p.isHttp() && r.appTls()) {
            throw t.end(Outcome.PROTOCOL_MISMATCH, "The application sends TLS to port " + port.number()
                    + ", which is declared " + p + ": " + proxy + " HTTP listener cannot parse it and answers 400 with "
                    + "flag DPE; curl fails with exit 35 (wrong version number). Fix: declare the port HTTPS or TLS, "
                    + "or send plaintext and let a DestinationRule originate TLS.");
        }
        if (p.isHttp() && !r.appHttp()) {
            throw t.end(Outcome.PROTOCOL_MISMATCH, "The application sends opaque TCP to port " + port.number()
                    + ", declared " + p + ": the HTTP codec rejects the bytes (400 DPE, connection closed). Fix: declare "
                    + "the port TCP.");
        }
        if (p.isTls() && !r.appTls()) {
            throw t.end(Outcome.PROTOCOL_MISMATCH, "The application sends plaintext to port " + port.number()
                    + ", declared " + p + ": that listener expects a TLS ClientHello to read the SNI, finds none and "
                    + "the connection fails (curl exit 52/56). Fix: declare the port HTTP (and originate TLS with a "
                    + "DestinationRule if the server needs it), or send https.");
        }
    }
}

