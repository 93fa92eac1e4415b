package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Protocol;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.Specs;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.L4MatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.openshift.api.model.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Predicts what a request does, following Istio's own decision order at each proxy: the listener (port and declared
 * protocol), the route (a VirtualService bound to {@code mesh} or to a gateway), the cluster (a registered host,
 * PassthroughCluster or BlackHoleCluster), the TLS the proxy originates for that cluster, and the next hop (an egress
 * gateway's Gateway server and VirtualService; a sidecar and its PeerAuthentication; a plaintext or TLS server; an
 * OpenShift Route and another mesh's ingress Gateway). Every decision comes from the resources, never from names.
 */
public final class TrafficPredictor {
    private static final int MAX_DEPTH = 8;

    private final MeshView view;

    public TrafficPredictor(MeshView view) {
        this.view = view;
    }

    public MeshView view() {
        return view;
    }

    /** Thrown inside one prediction when an outcome is reached. */
    private static final class Done extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Outcome outcome;

        Done(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /** The hops, explanation and deciding resources of one prediction as it is built. */
    private static final class Trace {
        final List<Hop> hops = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        final Set<String> resources = new LinkedHashSet<>();

        void say(String line) {
            lines.add(line);
        }

        void use(String key) {
            if (key != null) {
                resources.add(key);
            }
        }

        void hop(String from, String to, Encryption encryption) {
            hops.add(new Hop(from, to, encryption));
        }

        Done end(Outcome outcome, String line) {
            if (line != null) {
                lines.add(line);
            }
            return new Done(outcome);
        }
    }

    /** TLS a proxy originates on a hop. {@code mode} is DISABLE, SIMPLE, MUTUAL or ISTIO_MUTUAL. */
    private record Origination(String mode, String sni, boolean clientCertificate, String caCertificates,
                               String trustDomain, List<X509Certificate> clientChain, List<X509Certificate> trusted,
                               List<String> subjectAltNames) {
        Origination(String mode, String sni, boolean clientCertificate, String caCertificates, String trustDomain) {
            this(mode, sni, clientCertificate, caCertificates, trustDomain, List.of(), List.of(), List.of());
        }

        boolean tls() {
            return !mode.equals("DISABLE");
        }
    }

    /** What reaches the next hop: the proxy's TLS (or none), around the application's own bytes. */
    private record Wire(Origination origination, boolean appTls, boolean appHttp, String sni, String host, String path) {
        boolean outerTls() {
            return (origination != null && origination.tls()) || appTls;
        }

        String outerMode() {
            if (origination != null && origination.tls()) {
                return origination.mode();
            }
            return appTls ? "APP_TLS" : "NONE";
        }

        Encryption encryption() {
            return encryptionOf(origination, appTls);
        }

        Wire plain() {
            return new Wire(null, false, appHttp || appTls, null, host, path);
        }
    }

    static Encryption encryptionOf(Origination o, boolean appTls) {
        if (o != null && o.tls()) {
            return Encryption.valueOf(o.mode());
        }
        return appTls ? Encryption.APP_TLS : Encryption.NONE;
    }

    public Prediction predict(Request request) {
        Trace t = new Trace();
        Outcome outcome;
        try {
            outcome = fromClient(t, request);
        } catch (Done done) {
            outcome = done.outcome;
        }
        if (t.hops.isEmpty()) {
            t.hop(request.from(), request.host() + ":" + request.port(), request.appTls() ? Encryption.APP_TLS : Encryption.NONE);
        }
        return new Prediction(request, outcome, t.hops, t.lines, List.copyOf(t.resources));
    }

    // ------------------------------------------------------------------------------------------------ the client

    private Outcome fromClient(Trace t, Request r) {
        ControlPlane cp = view.controlPlaneOf(r.fromNamespace());
        WorkloadInfo client = view.clientWorkload(r.fromNamespace(), r.fromWorkload());
        String from = r.from();
        if (client.key() != null) {
            t.use(client.key());
        }
        if (cp != null) {
            t.use(cp.key());
        }
        if (!client.declared()) {
            t.say("The set has no Deployment " + from + "; it is assumed to " + (client.sidecar()
                    ? "have a sidecar, since namespace " + r.fromNamespace() + " is a member of mesh " + cp.name() + "."
                    : "have no sidecar, since namespace " + r.fromNamespace() + " is not a member of any mesh."));
        } else if (cp == null) {
            t.say("Namespace " + r.fromNamespace() + " is not a member of any mesh: " + from + " has no sidecar.");
        } else if (!client.sidecar()) {
            t.say(from + " has no sidecar: its pod template lacks the annotation " + MeshView.INJECT
                    + ": \"true\" (Maistra does not inject automatically).");
        }
        Wire wire = new Wire(null, r.appTls(), r.appHttp(), r.appTls() ? r.host() : null, r.host(), r.path());
        if (!client.sidecar()) {
            t.hop(from, r.host() + ":" + r.port(), wire.encryption());
            t.say("The application connects to " + r.host() + ":" + r.port() + " directly.");
            return atDestination(t, r.host(), r.port(), wire, null, null, 0);
        }
        MeshIndex index = view.index(cp);
        t.say("Sidecar of " + from + " (mesh " + cp.name() + ", outbound policy " + index.outboundPolicy(
                r.fromNamespace(), client.labels()) + ") receives " + describeApp(r) + " for " + r.host() + ":" + r.port()
                + ".");
        MeshIndex.ServiceLookup lookup = index.lookupService(r.fromNamespace(), client.labels(), r.host());
        for (MeshService hidden : lookup.hidden()) {
            t.say(hidden.key() + " registers " + hidden.host() + " but is not visible here: "
                    + (hidden.visibleTo(r.fromNamespace()) ? "Sidecar " + (lookup.sidecar() == null ? "" : lookup.sidecar().key())
                    + " does not import it in its egress hosts." : "its exportTo " + hidden.exportTo()
                    + " does not include namespace " + r.fromNamespace() + "."));
        }
        MeshService service = lookup.service();
        ServicePort port = service == null ? null : portOf(service, r.port());
        if (service != null && port == null) {
            t.say(service.key() + " registers " + service.host() + " but not port " + r.port() + ".");
        }
        if (port == null) {
            Rules.Vs vs = r.appHttp() ? index.meshVirtualService(r.fromNamespace(), r.host()) : null;
            if (vs != null && index.hasHttpListener(r.port()) && matchHttp(vs, "mesh", r.port(), r.path()) != null) {
                t.say("Listener: the sidecar's HTTP listener on port " + r.port() + " holds a virtual host for "
                        + r.host() + " from " + vs.key() + ", though the host is not registered on that port.");
                Target target = route(t, index, vs, "mesh", Protocol.HTTP, r.port(), r.path(), null, r.fromNamespace(),
                        client.labels(), null, null, false);
                if (target.service() != null) {
                    return sendFromProxy(t, index, from, r.fromNamespace(), client, target, wire, false, cp, 0);
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
        checkListener(t, port, r);

        Target target = new Target(service, port, null);
        Rules.Vs vs = index.meshVirtualService(r.fromNamespace(), r.host());
        if (vs != null) {
            target = route(t, index, vs, "mesh", port.protocol(), r.port(), r.path(), r.appTls() ? r.host() : null,
                    r.fromNamespace(), client.labels(), service, port, false);
        } else {
            t.say("Route: no VirtualService bound to mesh for " + r.host() + "; the default route to "
                    + service.host() + ":" + port.number() + ".");
        }
        return sendFromProxy(t, index, from, r.fromNamespace(), client, target, wire, false, cp, 0);
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
        Outcome there = atDestination(t, r.host(), r.port(), wire, null, null, 1);
        if (there == Outcome.OK) {
            t.say("Kiali and the metrics show the edge to PassthroughCluster (destination_service_name=\"PassthroughCluster\").");
            return Outcome.PASSTHROUGH;
        }
        return there;
    }

    private static ServicePort portOf(MeshService service, int number) {
        ServicePort port = service.port(number);
        if (port == null && service.kind() == MeshService.Kind.IMPORTED && service.ports().isEmpty()) {
            return new ServicePort(number, "http", Protocol.HTTP, null);
        }
        return port;
    }

    /** The sidecar's listener for the port parses the bytes as the port's declared protocol. */
    private static void checkListener(Trace t, ServicePort port, Request r) {
        Protocol p = port.protocol();
        if (p.isHttp() && r.appTls()) {
            throw t.end(Outcome.PROTOCOL_MISMATCH, "The application sends TLS to port " + port.number()
                    + ", which is declared " + p + ": the sidecar's HTTP listener cannot parse it and answers 400 with "
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

    // ------------------------------------------------------------------------------------------------ routing

    /** Where a route sends the request: a registered service and port, and a subset. */
    private record Target(MeshService service, ServicePort port, String subset) {
    }

    private Target route(Trace t, MeshIndex index, Rules.Vs vs, String gatewayRef, Protocol protocol, int port,
                         String path, String sni, String proxyNamespace, Map<String, String> labels,
                         MeshService defaultService, ServicePort defaultPort, boolean atGateway) {
        t.use(vs.key());
        Destination destination = null;
        String matched;
        boolean hasHttp = !Specs.orEmpty(vs.spec().getHttp()).isEmpty();
        boolean hasTls = !Specs.orEmpty(vs.spec().getTls()).isEmpty();
        boolean hasTcp = !Specs.orEmpty(vs.spec().getTcp()).isEmpty();
        if (protocol.isHttp()) {
            HTTPRoute http = matchHttp(vs, gatewayRef, port, path);
            if (http == null && hasHttp) {
                throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " has http routes for this host but none matches port "
                        + port + " and path " + path + ": the proxy answers 404 with flag NR.");
            }
            if (http == null && atGateway) {
                throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " is bound to the gateway but has no http routes "
                        + (hasTls ? "(its tls routes never apply to a server that terminates TLS) " : "")
                        + "for this request: the gateway answers 404 with flag NR. Fix: use http routes.");
            }
            if (http != null) {
                if (http.getRedirect() != null) {
                    throw t.end(Outcome.OK, "Route: " + vs.key() + " answers with a redirect (301) to "
                            + (http.getRedirect().getAuthority() == null ? "" : http.getRedirect().getAuthority())
                            + (http.getRedirect().getUri() == null ? "" : http.getRedirect().getUri()) + ".");
                }
                if (http.getDirectResponse() != null) {
                    throw t.end(Outcome.OK, "Route: " + vs.key() + " answers directly with status "
                            + http.getDirectResponse().getStatus() + ".");
                }
                destination = firstDestination(Specs.orEmpty(http.getRoute()).stream()
                        .map(HTTPRouteDestination::getDestination).toList());
            }
            matched = "http";
        } else if (sni != null && (protocol.isTls() || atGateway)) {
            TLSRoute tls = matchTls(vs, gatewayRef, port, sni);
            if (tls == null && atGateway) {
                throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " has no tls route for SNI " + sni + " on port " + port
                        + (hasHttp ? " (its http routes have no effect on a PASSTHROUGH server)" : "")
                        + ": the gateway closes the connection. Fix: add a tls route with sniHosts.");
            }
            if (tls != null) {
                destination = firstDestination(Specs.orEmpty(tls.getRoute()).stream().map(RouteDestination::getDestination)
                        .toList());
            }
            matched = "tls";
        } else {
            TCPRoute tcp = matchTcp(vs, gatewayRef, port);
            if (tcp != null) {
                destination = firstDestination(Specs.orEmpty(tcp.getRoute()).stream().map(RouteDestination::getDestination)
                        .toList());
            } else if (atGateway) {
                throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " has no tcp route for port " + port
                        + ": the gateway closes the connection.");
            }
            matched = "tcp";
        }
        if (destination == null) {
            t.say("Route: " + vs.key() + " has no " + matched + " route for this request; the default route applies.");
            return new Target(defaultService, defaultPort, null);
        }
        String host = Hosts.fqdn(destination.getHost(), vs.namespace());
        int destinationPort = destination.getPort() != null && destination.getPort().getNumber() != null
                ? destination.getPort().getNumber().intValue() : -1;
        MeshService service = atGateway ? index.lookupServiceForGateway(proxyNamespace, host)
                : index.lookupService(proxyNamespace, labels, host).service();
        if (service == null) {
            throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " sends the request to " + host + ", which is not in the "
                    + "registry visible from " + proxyNamespace + ": there is no cluster for it and the proxy answers 503 "
                    + "with flag NC (cluster not found). Fix: register " + host + " with a ServiceEntry exported to "
                    + proxyNamespace + ".");
        }
        if (destinationPort < 0) {
            destinationPort = service.ports().size() == 1 ? service.ports().get(0).number() : port;
        }
        ServicePort servicePort = portOf(service, destinationPort);
        if (servicePort == null) {
            throw t.end(Outcome.NO_ROUTE, "Route: " + vs.key() + " sends the request to " + host + ":" + destinationPort
                    + ", but " + service.key() + " declares no port " + destinationPort + ": 503 NC (cluster not found).");
        }
        t.use(service.key());
        t.say("Route: " + vs.key() + " (" + matched + " route" + (gatewayRef.equals("mesh") ? ", bound to mesh" : ", bound to "
                + gatewayRef) + ") sends the request to " + host + ":" + destinationPort
                + (destination.getSubset() != null ? " subset " + destination.getSubset() : "") + ".");
        return new Target(service, servicePort, destination.getSubset());
    }

    private static Destination firstDestination(List<Destination> destinations) {
        return destinations.isEmpty() ? null : destinations.get(0);
    }

    private static boolean gatewayMatches(List<String> gateways, String gatewayRef, String vsNamespace) {
        if (gateways == null || gateways.isEmpty()) {
            return true;
        }
        for (String g : gateways) {
            if (MeshView.gatewayRef(g, vsNamespace).equals(gatewayRef)) {
                return true;
            }
        }
        return false;
    }

    private static HTTPRoute matchHttp(Rules.Vs vs, String gatewayRef, int port, String path) {
        for (HTTPRoute route : Specs.orEmpty(vs.spec().getHttp())) {
            List<HTTPMatchRequest> matches = Specs.orEmpty(route.getMatch());
            if (matches.isEmpty()) {
                return route;
            }
            for (HTTPMatchRequest m : matches) {
                if (m.getPort() != null && m.getPort().intValue() != port) {
                    continue;
                }
                if (!gatewayMatches(m.getGateways(), gatewayRef, vs.namespace())) {
                    continue;
                }
                if (m.getUri() != null && !uriMatches(m.getUri(), path)) {
                    continue;
                }
                return route;
            }
        }
        return null;
    }

    private static boolean uriMatches(StringMatch match, String path) {
        Object type = match.getMatchType();
        if (type instanceof StringMatchExact e) {
            return path.equals(e.getExact());
        }
        if (type instanceof StringMatchPrefix p) {
            return p.getPrefix() == null || path.startsWith(p.getPrefix());
        }
        if (type instanceof StringMatchRegex x) {
            try {
                return x.getRegex() == null || path.matches(x.getRegex());
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    private static TLSRoute matchTls(Rules.Vs vs, String gatewayRef, int port, String sni) {
        for (TLSRoute route : Specs.orEmpty(vs.spec().getTls())) {
            for (TLSMatchAttributes m : Specs.orEmpty(route.getMatch())) {
                if (m.getPort() != null && m.getPort().intValue() != port) {
                    continue;
                }
                if (!gatewayMatches(m.getGateways(), gatewayRef, vs.namespace())) {
                    continue;
                }
                List<String> sniHosts = Specs.orEmpty(m.getSniHosts());
                if (!sniHosts.isEmpty() && sniHosts.stream().noneMatch(h -> Hosts.matches(Hosts.fqdn(h, vs.namespace()), sni))) {
                    continue;
                }
                return route;
            }
        }
        return null;
    }

    private static TCPRoute matchTcp(Rules.Vs vs, String gatewayRef, int port) {
        for (TCPRoute route : Specs.orEmpty(vs.spec().getTcp())) {
            List<L4MatchAttributes> matches = Specs.orEmpty(route.getMatch());
            if (matches.isEmpty()) {
                return route;
            }
            for (L4MatchAttributes m : matches) {
                if ((m.getPort() == null || m.getPort().intValue() == port)
                        && gatewayMatches(m.getGateways(), gatewayRef, vs.namespace())) {
                    return route;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ origination

    /** A proxy (sidecar or gateway) sends the request to a cluster, with the TLS its DestinationRule asks for. */
    private Outcome sendFromProxy(Trace t, MeshIndex index, String proxyId, String proxyNamespace, WorkloadInfo proxy,
                                  Target target, Wire wire, boolean gateway, ControlPlane mesh, int depth) {
        MeshService service = target.service();
        ServicePort port = target.port();
        if (service.kind() == MeshService.Kind.IMPORTED) {
            return federation(t, index, proxyId, service, port, wire, depth);
        }
        if (gateway && service.kind() == MeshService.Kind.SERVICE_ENTRY && "NONE".equals(service.resolution())) {
            throw t.end(Outcome.NO_ROUTE, service.key() + " has resolution NONE: the gateway forwards to the original "
                    + "destination address, which is the gateway itself, and the request loops until it fails (503). "
                    + "Fix: use resolution DNS for hosts routed through an egress gateway.");
        }
        Origination o = originate(t, index, proxyNamespace, proxy, service, port, target.subset(), gateway, mesh);
        String sni = o.tls() ? o.sni() : wire.appTls() ? wire.sni() : null;
        Wire next = new Wire(o, wire.appTls(), wire.appHttp(), sni, wire.host(), wire.path());
        if (o.tls() && !o.mode().equals("ISTIO_MUTUAL") && wire.appTls()) {
            t.hop(proxyId, service.host() + ":" + port.number(), Encryption.valueOf(o.mode()));
            throw t.end(Outcome.DOUBLE_TLS, "The application already sends TLS and the proxy originates " + o.mode()
                    + " TLS over it: double TLS. The server reads the inner ClientHello as data; curl fails with exit 35 "
                    + "(wrong version number), the proxy logs 503 UF. Fix: let the application send plaintext (declare "
                    + "the port HTTP) or remove the TLS origination.");
        }
        int endpointPort = port.endpointPort();
        t.hop(proxyId, service.host() + ":" + endpointPort, next.encryption());
        return atService(t, service, port, next, mesh, depth + 1);
    }

    private Origination originate(Trace t, MeshIndex index, String proxyNamespace, WorkloadInfo proxy,
                                  MeshService service, ServicePort port, String subset, boolean gateway,
                                  ControlPlane mesh) {
        MeshIndex.DrLookup lookup = index.lookupDestinationRule(proxyNamespace, proxy.labels(), service);
        for (Rules.Dr skipped : lookup.skipped()) {
            t.say(skipped.key() + " (host " + skipped.host() + ") does not apply here: "
                    + (!io.egressstudio.mesh.ExportTo.visible(skipped.exportTo(), skipped.namespace(), proxyNamespace)
                    ? "its exportTo " + skipped.exportTo() + " does not include " + proxyNamespace + "."
                    : "its workloadSelector does not select " + proxy.id() + "."));
        }
        Rules.Dr dr = lookup.rule();
        ClientTLSSettings tls = null;
        String where = null;
        if (dr != null) {
            t.use(dr.key());
            if (subset != null && Specs.orEmpty(dr.spec().getSubsets()).stream().noneMatch(s -> subset.equals(s.getName()))) {
                throw t.end(Outcome.NO_ROUTE, "Cluster: the route asks for subset " + subset + " of " + service.host()
                        + ", but " + dr.key() + " (the DestinationRule that applies) defines no such subset: 503 NC.");
            }
            String[] found = new String[1];
            tls = tlsFor(dr, subset, port.number(), found);
            where = found[0];
            t.say("DestinationRule: " + dr.key() + " (host " + dr.host() + ", found in namespace " + dr.namespace()
                    + " after searching " + String.join(", ", lookup.searched()) + ") "
                    + (tls != null && tls.getMode() != null ? "sets tls.mode " + tls.getMode() + " at " + where + "."
                    : "sets no TLS for port " + port.number() + "."));
        } else if (subset != null) {
            throw t.end(Outcome.NO_ROUTE, "Cluster: the route asks for subset " + subset + " of " + service.host()
                    + " but no DestinationRule visible from " + proxyNamespace + " defines it: 503 NC.");
        } else {
            t.say("DestinationRule: none applies to " + service.host() + " (searched " + String.join(", ",
                    lookup.searched()) + ").");
        }
        if (tls == null || tls.getMode() == null) {
            if (index.controlPlane().autoMtls()) {
                boolean proxied = hasProxy(service);
                t.say("Auto mTLS: no DestinationRule sets TLS, so the proxy sends " + (proxied
                        ? "Istio mTLS, since the destination has a proxy." : "plaintext, since the destination has no proxy."));
                return new Origination(proxied ? "ISTIO_MUTUAL" : "DISABLE", proxied ? autoSni(service, port, subset) : null,
                        proxied, null, mesh.trustDomain());
            }
            t.say("Auto mTLS is off and no DestinationRule sets TLS: the proxy sends plaintext.");
            return new Origination("DISABLE", null, false, null, mesh.trustDomain());
        }
        String mode = tls.getMode().name();
        if (mode.equals("DISABLE")) {
            return new Origination("DISABLE", null, false, null, mesh.trustDomain());
        }
        if (mode.equals("ISTIO_MUTUAL")) {
            String sni = tls.getSni() != null ? tls.getSni() : autoSni(service, port, subset);
            return new Origination(mode, sni, true, null, mesh.trustDomain());
        }
        boolean clientCertificate = false;
        List<X509Certificate> clientChain = List.of();
        List<X509Certificate> trusted = List.of();
        String credential = tls.getCredentialName();
        boolean credentialUsed = false;
        if (credential != null) {
            if (gateway) {
                Secret secret = view.secret(proxyNamespace, credential);
                if (secret == null) {
                    throw t.end(Outcome.TLS_FAILURE, "The gateway's DestinationRule " + dr.key() + " names credentialName "
                            + credential + ", but there is no Secret " + credential + " in " + proxyNamespace
                            + ", the gateway's own namespace: the proxy has no certificate for this cluster and the "
                            + "request fails (503 UF). Fix: create the Secret in " + proxyNamespace + ".");
                }
                t.use(MeshView.key(secret));
                clientCertificate = true;
                credentialUsed = true;
                t.say("The gateway reads its client certificate from Secret " + proxyNamespace + "/" + credential + ".");
            } else {
                String ignored = sidecarCredentialProblem(index.controlPlane(), dr, proxyNamespace, credential);
                if (ignored == null) {
                    clientCertificate = true;
                    credentialUsed = true;
                    t.say("The sidecar reads its client certificate from Secret " + proxyNamespace + "/" + credential
                            + " (workloadSelector set, Maistra " + index.controlPlane().version() + ").");
                } else {
                    t.say("credentialName " + credential + " is ignored at this sidecar: " + ignored);
                }
            }
        }
        if (credentialUsed) {
            Secret secret = view.secret(proxyNamespace, credential);
            clientChain = Certificates.parse(Certificates.value(secret, "cert", "tls.crt"));
            trusted = Certificates.parse(Certificates.caBundle(view, proxyNamespace, credential, secret, "cacert",
                    "ca.crt"));
        }
        if (!clientCertificate && tls.getClientCertificate() != null && tls.getPrivateKey() != null) {
            clientCertificate = true;
            t.say("The proxy presents the client certificate file " + tls.getClientCertificate() + mountNote(proxy,
                    tls.getClientCertificate()) + ".");
            clientChain = Certificates.parse(mountedFile(t, proxy, tls.getClientCertificate()));
        }
        if (trusted.isEmpty() && tls.getCaCertificates() != null) {
            trusted = Certificates.parse(mountedFile(t, proxy, tls.getCaCertificates()));
        }
        if (tls.getCaCertificates() == null && credential == null && !Boolean.TRUE.equals(tls.getInsecureSkipVerify())) {
            t.say("No caCertificates: the proxy does not verify the server's certificate.");
        }
        if (mode.equals("MUTUAL") && !clientCertificate) {
            t.say("tls.mode MUTUAL but the proxy has no client certificate to present.");
        }
        if (tls.getSni() == null) {
            t.say("No sni in the DestinationRule: Istio " + index.controlPlane().istioVersion()
                    + " sends the TLS handshake without SNI.");
        }
        return new Origination(mode, tls.getSni(), clientCertificate, tls.getCaCertificates(), mesh.trustDomain(),
                clientChain, trusted, Specs.orEmpty(tls.getSubjectAltNames()));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The PEM text of a file in istio-proxy, when a Secret is mounted there with the sidecar.istio.io/userVolume and
     * userVolumeMount annotations and holds the file's name as a key; null otherwise.
     */
    private String mountedFile(Trace t, WorkloadInfo proxy, String path) {
        String volumes = proxy.annotations().get("sidecar.istio.io/userVolume");
        String mounts = proxy.annotations().get("sidecar.istio.io/userVolumeMount");
        if (volumes == null || mounts == null || path == null) {
            return null;
        }
        try {
            JsonNode volumeList = JSON.readTree(volumes);
            JsonNode mountList = JSON.readTree(mounts);
            for (JsonNode mount : mountList.isArray() ? mountList : JSON.createArrayNode().add(mountList)) {
                String dir = mount.path("mountPath").asText("");
                if (dir.isEmpty() || !path.startsWith(dir.endsWith("/") ? dir : dir + "/")) {
                    continue;
                }
                String key = path.substring(dir.length()).replaceFirst("^/", "");
                for (JsonNode volume : volumeList.isArray() ? volumeList : JSON.createArrayNode().add(volumeList)) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        String secretName = volume.path("secret").path("secretName").asText(null);
                        Secret secret = secretName == null ? null : view.secret(proxy.namespace(), secretName);
                        if (secret != null) {
                            t.use(MeshView.key(secret));
                        }
                        return Certificates.value(secret, key);
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String autoSni(MeshService service, ServicePort port, String subset) {
        return "outbound_." + port.number() + "_." + (subset == null ? "" : subset) + "_." + service.host();
    }

    private String mountNote(WorkloadInfo proxy, String file) {
        String mounts = proxy.annotations().get("sidecar.istio.io/userVolumeMount");
        if (mounts == null) {
            return proxy.gateway() ? "" : " (assumed mounted into istio-proxy)";
        }
        return mounts.contains("\"mountPath\"") || mounts.contains("mountPath") ? " (mounted with sidecar.istio.io/userVolumeMount)" : "";
    }

    /**
     * Why a sidecar cannot use a DestinationRule's credentialName, or null when it can: Istio honours it at sidecars
     * only from 1.14 (Maistra 2.3), only when the rule has a workloadSelector, and only for a Secret in the
     * workload's namespace.
     */
    public String sidecarCredentialProblem(ControlPlane cp, Rules.Dr dr, String clientNamespace, String credential) {
        if (!cp.credentialNameAtSidecars()) {
            return "Maistra " + cp.version() + " is Istio " + cp.istioVersion() + ", where credentialName applies at "
                    + "gateways only; sidecars use the certificate files (clientCertificate, privateKey).";
        }
        if (dr.workloadSelector().isEmpty()) {
            return "a sidecar uses credentialName only when the DestinationRule has a workloadSelector.";
        }
        if (view.secret(clientNamespace, credential) == null) {
            return "there is no Secret " + credential + " in the workload's namespace " + clientNamespace + ".";
        }
        return null;
    }

    /** The TLS settings for a port: subset port level, subset, top-level port level, top level (most specific wins). */
    public static ClientTLSSettings tlsFor(Rules.Dr dr, String subset, int port, String[] where) {
        TrafficPolicy top = dr.spec().getTrafficPolicy();
        if (subset != null) {
            List<Subset> subsets = Specs.orEmpty(dr.spec().getSubsets());
            for (int i = 0; i < subsets.size(); i++) {
                if (subset.equals(subsets.get(i).getName()) && subsets.get(i).getTrafficPolicy() != null) {
                    ClientTLSSettings s = policyTls(subsets.get(i).getTrafficPolicy(), port, where,
                            "spec.subsets[" + i + "].trafficPolicy");
                    if (s != null) {
                        return s;
                    }
                }
            }
        }
        return top == null ? null : policyTls(top, port, where, "spec.trafficPolicy");
    }

    private static ClientTLSSettings policyTls(TrafficPolicy policy, int port, String[] where, String path) {
        List<TrafficPolicyPortTrafficPolicy> levels = Specs.orEmpty(policy.getPortLevelSettings());
        for (int i = 0; i < levels.size(); i++) {
            TrafficPolicyPortTrafficPolicy level = levels.get(i);
            if (level.getPort() != null && level.getPort().getNumber() != null
                    && level.getPort().getNumber().intValue() == port && level.getTls() != null) {
                where[0] = path + ".portLevelSettings[" + i + "].tls";
                return level.getTls();
            }
        }
        if (policy.getTls() != null) {
            where[0] = path + ".tls";
            return policy.getTls();
        }
        return null;
    }

    private boolean hasProxy(MeshService service) {
        if (service.kind() == MeshService.Kind.IMPORTED) {
            return true;
        }
        if (service.kind() != MeshService.Kind.KUBERNETES) {
            return false;
        }
        List<WorkloadInfo> pods = view.workloadsSelectedBy(service);
        if (pods.isEmpty()) {
            return view.controlPlaneOf(service.namespace()) != null;
        }
        // Gateway pods are not injected, so they lack the security.istio.io/tlsMode label auto mTLS looks for.
        return pods.stream().anyMatch(WorkloadInfo::sidecar);
    }

    // ------------------------------------------------------------------------------------------------ next hops

    private Outcome atService(Trace t, MeshService service, ServicePort port, Wire wire, ControlPlane mesh, int depth) {
        if (depth > MAX_DEPTH) {
            throw t.end(Outcome.NO_ROUTE, "The request loops between proxies and never reaches a server.");
        }
        if (service.kind() == MeshService.Kind.KUBERNETES) {
            return atKubernetesService(t, service, port, wire, mesh, depth);
        }
        String host = Hosts.isWildcard(service.host()) || "NONE".equals(service.resolution()) ? wire.host() : service.host();
        return atDestination(t, host, port.endpointPort(), wire, mesh, service, depth);
    }

    /** Whatever answers at a host and port outside the proxies seen so far: a Route, a Service, or an external server. */
    private Outcome atDestination(Trace t, String host, int port, Wire wire, ControlPlane mesh, MeshService entry, int depth) {
        List<Route> routes = view.routesFor(host);
        if (!routes.isEmpty()) {
            return atRouter(t, routes.get(0), port, wire, mesh, depth);
        }
        MeshService kube = view.kubernetesService(host);
        if (kube != null) {
            ServicePort p = kube.port(port);
            if (p == null) {
                throw t.end(Outcome.NO_ROUTE, "Service " + kube.key() + " has no port " + port + ": the connection is refused "
                        + "(503 UF,URX from a proxy).");
            }
            return atKubernetesService(t, kube, p, wire, mesh, depth);
        }
        return atExternalServer(t, host, port, wire, entry);
    }

    private Outcome atKubernetesService(Trace t, MeshService service, ServicePort port, Wire wire, ControlPlane mesh,
                                        int depth) {
        t.use(service.key());
        List<WorkloadInfo> pods = view.workloadsSelectedBy(service);
        WorkloadInfo pod;
        if (pods.isEmpty()) {
            ControlPlane owner = view.controlPlaneOf(service.namespace());
            String name = Hosts.serviceName(service.host());
            pod = new WorkloadInfo(service.namespace(), name, service.selector(), owner != null, false, false, null, Map.of());
            t.say("The set has no Deployment behind " + service.key() + "; it is assumed to " + (owner != null
                    ? "have a sidecar (namespace " + service.namespace() + " is a member of mesh " + owner.name() + ")."
                    : "have no sidecar (namespace " + service.namespace() + " is not a member of any mesh)."));
        } else {
            pod = pods.get(0);
            if (pod.key() != null) {
                t.use(pod.key());
            }
        }
        if (pod.gateway()) {
            return atGateway(t, pod, port, wire, depth);
        }
        return atWorkload(t, pod, port, wire, mesh);
    }

    private Outcome atWorkload(Trace t, WorkloadInfo pod, ServicePort port, Wire wire, ControlPlane senderMesh) {
        String o = wire.outerMode();
        boolean serverTls = port.protocol().isTls();
        if (pod.sidecar()) {
            ControlPlane cp = view.controlPlaneOf(pod.namespace());
            MeshIndex.MtlsMode mtls = view.index(cp).mtlsMode(pod, port.endpointPort());
            if (mtls.decidedBy() != null) {
                t.use(mtls.decidedBy().key());
            }
            String pa = mtls.decidedBy() == null ? "the default" : mtls.decidedBy().key();
            t.say("Server: " + pod.id() + " has a sidecar in mesh " + cp.name() + " that accepts " + mtls.mode()
                    + " mTLS on port " + port.endpointPort() + " (" + pa + ").");
            switch (o) {
                case "ISTIO_MUTUAL" -> {
                    if (mtls.mode().equals("DISABLE")) {
                        throw t.end(Outcome.MTLS_FAILURE, "The client sends Istio mTLS but " + pa + " disables mTLS "
                                + "on the server: the handshake fails, 503 UF,URX.");
                    }
                    if (senderMesh != null && senderMesh != cp && !senderMesh.trustDomain().equals(cp.trustDomain())) {
                        throw t.end(Outcome.MTLS_FAILURE, "Istio mTLS between two meshes: the server's sidecar presents "
                                + "a certificate from mesh " + cp.name() + "'s CA, which the client's proxy (mesh "
                                + senderMesh.name() + ") does not trust: 503 UF,URX. Use federation or an ingress gateway.");
                    }
                    if (senderMesh != null && senderMesh != cp) {
                        t.say("Both meshes share trust domain " + cp.trustDomain() + "; the handshake is assumed to succeed.");
                    }
                }
                case "NONE", "APP_TLS" -> {
                    if (mtls.mode().equals("STRICT")) {
                        throw t.end(Outcome.MTLS_FAILURE, "The request arrives without Istio mTLS but " + pa
                                + " is STRICT: the server's sidecar resets the connection; a client sidecar reports 503 "
                                + "with flag UC (connection termination), a client without one sees curl exit 56. Fix: "
                                + "send ISTIO_MUTUAL (DestinationRule tls.mode ISTIO_MUTUAL, or remove the DISABLE rule), "
                                + "or relax the PeerAuthentication.");
                    }
                }
                default -> throw t.end(Outcome.TLS_FAILURE, "The proxy originates " + o + " TLS to " + pod.id()
                        + ", whose sidecar " + (mtls.mode().equals("STRICT") ? "expects Istio mTLS and presents a mesh "
                        + "certificate the client does not trust" : "passes the TLS on to an application that speaks "
                        + "plaintext") + ": the handshake fails, 503 UF.");
            }
        } else {
            t.say("Server: " + pod.id() + " has no sidecar; its port " + port.number() + " speaks "
                    + (serverTls ? "TLS" : "plaintext") + " (declared " + port.protocol() + ").");
            if (o.equals("ISTIO_MUTUAL")) {
                throw t.end(Outcome.MTLS_FAILURE, "The proxy originates Istio mTLS to " + pod.id() + ", which has no "
                        + "sidecar to terminate it: the handshake fails and the caller gets 503 with flags UF,URX. Fix: a "
                        + "DestinationRule for this host with tls.mode DISABLE (more specific than the mesh-wide *.local "
                        + "rule), or give the server a sidecar.");
            }
            if (!serverTls && (o.equals("SIMPLE") || o.equals("MUTUAL"))) {
                throw t.end(Outcome.TLS_FAILURE, "The proxy originates " + o + " TLS to a plaintext server: the handshake "
                        + "fails, 503 UF.");
            }
            if (!serverTls && o.equals("APP_TLS")) {
                throw t.end(Outcome.PROTOCOL_MISMATCH, "The application's TLS reaches a plaintext server: the handshake "
                        + "fails (curl exit 35).");
            }
            if (serverTls && o.equals("NONE")) {
                throw t.end(Outcome.PROTOCOL_MISMATCH, "Plaintext reaches a TLS-only server: it closes the connection "
                        + "(curl exit 52/56, 503 UC from a proxy).");
            }
        }
        return ok(t, pod.id() + ":" + port.endpointPort());
    }

    private static Outcome ok(Trace t, String where) {
        t.say("The request reaches " + where + " and gets its answer (2xx).");
        return Outcome.OK;
    }

    private Outcome atExternalServer(Trace t, String host, int port, Wire wire, MeshService entry) {
        String kind = entry == null ? null : entry.serverHint();
        String assumed = "";
        if (kind == null) {
            ServicePort declared = entry == null ? null : entry.ports().stream()
                    .filter(p -> p.endpointPort() == port).findFirst().orElse(null);
            boolean tls = port == 443 || port == 8443 || (declared != null && declared.protocol().isTls());
            kind = tls ? "TLS" : "PLAINTEXT";
            assumed = " (assumed from port " + port + "; annotate the ServiceEntry with " + MeshView.SERVER_ANNOTATION
                    + " to say what it speaks)";
        }
        kind = kind.toUpperCase(Locale.ROOT);
        t.say("Server: " + host + ":" + port + " is outside the cluster and speaks " + kind + assumed + ".");
        String o = wire.outerMode();
        boolean serverTls = !kind.equals("PLAINTEXT");
        if (o.equals("ISTIO_MUTUAL")) {
            throw t.end(Outcome.MTLS_FAILURE, "The proxy originates Istio mTLS to " + host + ", which is not a mesh proxy: "
                    + "the handshake fails, 503 UF,URX. Fix: a DestinationRule for the host with tls.mode DISABLE or "
                    + "SIMPLE.");
        }
        if (!serverTls) {
            if (o.equals("SIMPLE") || o.equals("MUTUAL")) {
                throw t.end(Outcome.TLS_FAILURE, "The proxy originates " + o + " TLS to a plaintext server: 503 UF.");
            }
            if (o.equals("APP_TLS")) {
                throw t.end(Outcome.PROTOCOL_MISMATCH, "The application's TLS reaches a plaintext server: curl exit 35.");
            }
            return ok(t, host + ":" + port);
        }
        if (o.equals("NONE")) {
            throw t.end(Outcome.PROTOCOL_MISMATCH, "Plaintext reaches a TLS server: it closes the connection (curl exit 52/56, "
                    + "503 UC from a proxy). Fix: originate TLS with a DestinationRule, or send https.");
        }
        if (kind.equals("MUTUAL_TLS") && (o.equals("APP_TLS") || !wire.origination().clientCertificate())) {
            throw t.end(Outcome.TLS_FAILURE, "The server requires a client certificate and none is presented: the "
                    + "handshake fails (certificate required), 503 UF.");
        }
        return ok(t, host + ":" + port);
    }

    // ------------------------------------------------------------------------------------------------ routers, gateways

    private Outcome atRouter(Trace t, Route route, int port, Wire wire, ControlPlane mesh, int depth) {
        String routeKey = MeshView.key(route);
        t.use(routeKey);
        String termination = route.getSpec().getTls() == null || route.getSpec().getTls().getTermination() == null
                ? "none" : route.getSpec().getTls().getTermination().toLowerCase(Locale.ROOT);
        String o = wire.outerMode();
        t.say("OpenShift router: " + routeKey + " serves " + route.getSpec().getHost() + " with TLS termination "
                + termination + ".");
        String ns = route.getMetadata().getNamespace();
        Wire onward = wire;
        switch (termination) {
            case "passthrough" -> {
                if (!wire.outerTls()) {
                    throw t.end(Outcome.PROTOCOL_MISMATCH, "Plain HTTP reaches a passthrough Route: the router only "
                            + "passes TLS through and answers with its 'Application is not available' page; the request "
                            + "never reaches the mesh. Fix: originate TLS (with sni) or send https.");
                }
                if (wire.sni() == null || !wire.sni().equalsIgnoreCase(route.getSpec().getHost())) {
                    throw t.end(o.equals("ISTIO_MUTUAL") ? Outcome.MTLS_FAILURE : Outcome.TLS_FAILURE, "The TLS handshake "
                            + "carries " + (wire.sni() == null ? "no SNI" : "SNI " + wire.sni()) + ": the router picks a "
                            + "passthrough Route by SNI only, so it cannot route the connection to " + route.getSpec()
                            .getHost() + " and the handshake fails (503 UF). Fix: set tls.sni: " + route.getSpec().getHost()
                            + " in the DestinationRule.");
                }
            }
            case "edge", "reencrypt" -> {
                if (!wire.outerTls()) {
                    String insecure = route.getSpec().getTls().getInsecureEdgeTerminationPolicy();
                    if (!"Allow".equalsIgnoreCase(insecure)) {
                        throw t.end(Outcome.PROTOCOL_MISMATCH, "Plain HTTP reaches an " + termination + " Route without "
                                + "insecureEdgeTerminationPolicy Allow: the router " + ("Redirect".equalsIgnoreCase(insecure)
                                ? "redirects to https (302)." : "answers its 'Application is not available' page."));
                    }
                } else if (o.equals("ISTIO_MUTUAL")) {
                    throw t.end(Outcome.MTLS_FAILURE, "Istio mTLS reaches the router, which presents its own certificate: "
                            + "the proxy's verification fails, 503 UF,URX.");
                } else {
                    t.say("The router terminates TLS with its own certificate"
                            + (wire.origination() != null && wire.origination().caCertificates() != null
                            ? "; the client's caCertificates must trust the router's CA." : ".")
                            + " It does not ask for a client certificate.");
                    onward = termination.equals("edge") ? wire.plain()
                            : new Wire(new Origination("SIMPLE", null, false, null, null), false, true, null, wire.host(), wire.path());
                }
            }
            default -> {
                if (wire.outerTls()) {
                    throw t.end(o.equals("APP_TLS") ? Outcome.PROTOCOL_MISMATCH : o.equals("ISTIO_MUTUAL")
                            ? Outcome.MTLS_FAILURE : Outcome.TLS_FAILURE, "TLS reaches a Route without TLS termination: the "
                            + "router has no TLS route for " + route.getSpec().getHost() + " and the handshake fails ("
                            + (o.equals("APP_TLS") ? "curl exit 35" : "503 UF") + "). Fix: send plaintext, or use a "
                            + "passthrough Route.");
                }
            }
        }
        String serviceName = route.getSpec().getTo() == null ? null : route.getSpec().getTo().getName();
        MeshService service = serviceName == null ? null : view.kubernetesService(serviceName + "." + ns + Hosts.CLUSTER_SUFFIX);
        if (service == null) {
            throw t.end(Outcome.NO_ROUTE, "Route " + routeKey + " points at Service " + serviceName + " in " + ns
                    + ", which does not exist: the router answers 503 ('Application is not available').");
        }
        ServicePort target = routeTargetPort(route, service, onward.outerTls());
        if (target == null) {
            throw t.end(Outcome.NO_ROUTE, "Route " + routeKey + " targets a port Service " + service.key()
                    + " does not declare: the router answers 503.");
        }
        t.hop("router (Route " + ns + "/" + route.getMetadata().getName() + ")", serviceName + "." + ns + ":"
                + target.endpointPort(), onward.encryption());
        return atKubernetesService(t, service, target, onward, mesh, depth + 1);
    }

    private static ServicePort routeTargetPort(Route route, MeshService service, boolean tls) {
        var port = route.getSpec().getPort() == null ? null : route.getSpec().getPort().getTargetPort();
        if (port == null) {
            return service.ports().isEmpty() ? null : service.ports().stream()
                    .filter(p -> p.protocol().isTls() == tls).findFirst().orElse(service.ports().get(0));
        }
        for (ServicePort p : service.ports()) {
            if ((port.getStrVal() != null && port.getStrVal().equals(p.name()))
                    || (port.getIntVal() != null && (port.getIntVal() == p.endpointPort() || port.getIntVal() == p.number()))) {
                return p;
            }
        }
        return null;
    }

    private Outcome atGateway(Trace t, WorkloadInfo gateway, ServicePort servicePort, Wire wire, int depth) {
        ControlPlane cp = view.controlPlaneOf(gateway.namespace());
        MeshIndex index = view.index(cp);
        String id = gateway.id();
        List<Rules.Gw> selecting = index.gatewaysSelecting(gateway.labels());
        List<Candidate> onPort = new ArrayList<>();
        for (Rules.Gw gw : selecting) {
            List<Server> servers = Specs.orEmpty(gw.spec().getServers());
            for (int i = 0; i < servers.size(); i++) {
                Server s = servers.get(i);
                if (s.getPort() != null && s.getPort().getNumber() != null) {
                    int n = s.getPort().getNumber().intValue();
                    if (n == servicePort.number() || n == servicePort.endpointPort()) {
                        onPort.add(new Candidate(gw, s, i));
                    }
                }
            }
        }
        if (onPort.isEmpty()) {
            throw t.end(Outcome.NO_ROUTE, "Gateway proxy " + id + ": no Gateway resource selecting it has a server on port "
                    + servicePort.number() + "/" + servicePort.endpointPort() + ", so it has no listener there; the caller "
                    + "sees the connection refused (503 UF,URX from a proxy). Fix: a Gateway server on that port.");
        }
        String matchHost = wire.outerTls() ? wire.sni() : wire.host();
        Candidate chosen = null;
        for (Candidate c : onPort) {
            for (String h : Specs.orEmpty(c.server().getHosts())) {
                String host = Hosts.fqdn(Hosts.stripNamespace(h), c.gw().namespace());
                if (matchHost != null && Hosts.matches(host, matchHost.toLowerCase(Locale.ROOT))) {
                    chosen = c;
                    break;
                }
            }
            if (chosen != null) {
                break;
            }
        }
        String o = wire.outerMode();
        if (chosen == null) {
            Candidate any = onPort.get(0);
            t.use(any.gw().key());
            throw t.end(wire.outerTls() ? (o.equals("ISTIO_MUTUAL") ? Outcome.MTLS_FAILURE : o.equals("APP_TLS")
                    ? Outcome.TLS_FAILURE : Outcome.TLS_FAILURE) : Outcome.NO_ROUTE, "Gateway proxy " + id + ": no server on port "
                    + servicePort.endpointPort() + " lists " + (wire.outerTls() ? "SNI " + (wire.sni() == null ? "(none sent)"
                    : wire.sni()) + "; the handshake finds no filter chain and fails (503 UF)" : "host " + wire.host()
                    + "; the gateway answers 404 NR") + ". Fix: add the host to the Gateway server's hosts"
                    + (wire.outerTls() ? " and send it as SNI." : "."));
        }
        Rules.Gw gw = chosen.gw();
        Server server = chosen.server();
        t.use(gw.key());
        Protocol protocol = Protocol.of(server.getPort().getProtocol());
        ServerTLSSettings tls = server.getTls();
        String tlsMode = tls == null || tls.getMode() == null ? (protocol.isTls() ? "SIMPLE" : "NONE") : tls.getMode().name();
        String serverPath = "spec.servers[" + chosen.index() + "]";
        t.say("Gateway proxy " + id + ": " + gw.key() + " " + serverPath + " accepts port " + server.getPort().getNumber()
                + " protocol " + protocol + (protocol.isTls() ? " tls.mode " + tlsMode : "") + " for "
                + Specs.orEmpty(server.getHosts()) + ".");
        Wire inner;
        Protocol routing;
        if (!protocol.isTls()) {
            if (o.equals("ISTIO_MUTUAL")) {
                throw t.end(Outcome.MTLS_FAILURE, "The caller's proxy originates Istio mTLS, but the Gateway server is plain "
                        + protocol + ": the handshake fails, 503 UF,URX. Fix: make the server HTTPS with tls.mode "
                        + "ISTIO_MUTUAL, or send plaintext to the gateway.");
            }
            if (wire.outerTls()) {
                throw t.end(o.equals("APP_TLS") ? Outcome.PROTOCOL_MISMATCH : Outcome.TLS_FAILURE, "TLS reaches a plain "
                        + protocol + " Gateway server: " + (protocol.isHttp() ? "400 DPE" : "the bytes pass unread") + ".");
            }
            inner = wire;
            routing = protocol;
        } else if (tlsMode.equals("PASSTHROUGH") || tlsMode.equals("AUTO_PASSTHROUGH")) {
            if (!wire.outerTls()) {
                throw t.end(Outcome.PROTOCOL_MISMATCH, "Plaintext reaches a PASSTHROUGH Gateway server, which routes on the "
                        + "TLS SNI: no ClientHello, the connection is closed.");
            }
            inner = wire;
            routing = Protocol.TLS;
        } else {
            if (!wire.outerTls()) {
                throw t.end(tlsMode.equals("ISTIO_MUTUAL") ? Outcome.MTLS_FAILURE : Outcome.PROTOCOL_MISMATCH,
                        "Plaintext reaches a Gateway server that terminates TLS (" + tlsMode + "): the gateway closes the "
                                + "connection" + (tlsMode.equals("ISTIO_MUTUAL") ? " (503 UC for the caller's proxy). Fix: a "
                                + "DestinationRule with tls.mode ISTIO_MUTUAL (and sni) for the gateway." : "."));
            }
            if (tlsMode.equals("ISTIO_MUTUAL")) {
                if (!o.equals("ISTIO_MUTUAL")) {
                    throw t.end(Outcome.TLS_FAILURE, "The Gateway server expects Istio mTLS but receives " + o + " TLS: "
                            + "it presents a mesh certificate and requires a mesh client certificate; the handshake fails.");
                }
                if (wire.origination().trustDomain() != null && !wire.origination().trustDomain().equals(cp.trustDomain())) {
                    throw t.end(Outcome.MTLS_FAILURE, "Istio mTLS from another mesh reaches an ISTIO_MUTUAL Gateway server: "
                            + "the certificates are from different CAs, 503 UF,URX.");
                }
            } else {
                if (o.equals("ISTIO_MUTUAL")) {
                    throw t.end(Outcome.MTLS_FAILURE, "The caller's proxy originates Istio mTLS to a Gateway server that "
                            + "terminates " + tlsMode + " TLS with its own certificate: the mesh identity check fails, "
                            + "503 UF,URX. Fix: originate SIMPLE or MUTUAL TLS.");
                }
                String credential = tls.getCredentialName();
                List<X509Certificate> serverChain = List.of();
                List<X509Certificate> clientCa = List.of();
                if (credential != null) {
                    Secret secret = view.secret(gateway.namespace(), credential);
                    if (secret == null) {
                        throw t.end(o.equals("APP_TLS") ? Outcome.TLS_FAILURE : Outcome.TLS_FAILURE, "The Gateway server's "
                                + "credentialName " + credential + " names no Secret in " + gateway.namespace()
                                + ", the gateway proxy's namespace: the server has no certificate and the handshake fails "
                                + "(503 UF; curl exit 35). Fix: create the Secret in " + gateway.namespace() + ".");
                    }
                    t.use(MeshView.key(secret));
                    serverChain = Certificates.parse(Certificates.value(secret, "tls.crt", "cert"));
                    clientCa = Certificates.parse(Certificates.caBundle(view, gateway.namespace(), credential, secret,
                            "ca.crt", "cacert"));
                    if (!Certificates.hasData(secret)) {
                        t.say("Secret " + gateway.namespace() + "/" + credential + " carries no certificates yet; the "
                                + "certificate chains are not checked.");
                    }
                }
                checkServerCertificate(t, wire, serverChain);
                if (tlsMode.equals("MUTUAL")) {
                    boolean presented = wire.origination() != null && wire.origination().tls()
                            && wire.origination().clientCertificate() && !o.equals("SIMPLE");
                    if (!presented) {
                        throw t.end(Outcome.TLS_FAILURE, "The Gateway server requires a client certificate (MUTUAL) and "
                                + "the client presents none: the handshake fails with 'certificate required' (curl exit 56; "
                                + "503 UF from a proxy). Fix: originate MUTUAL TLS with a client certificate the proxy can "
                                + "really use.");
                    }
                    List<X509Certificate> chain = wire.origination().clientChain();
                    if (!clientCa.isEmpty() && !chain.isEmpty()) {
                        if (!Certificates.chainsTo(chain, clientCa)) {
                            throw t.end(Outcome.TLS_FAILURE, "The client certificate (" + Certificates.subject(chain.get(0))
                                    + ") is not signed by the CA the Gateway server trusts (ca.crt of " + credential
                                    + "): the handshake fails (unknown ca), 503 UF. Fix: issue the client certificate "
                                    + "from that CA, or add its CA to ca.crt.");
                        }
                        t.say("The client certificate " + Certificates.subject(chain.get(0)) + " chains to the server's "
                                + "client CA.");
                    } else {
                        t.say("The client presents its certificate; its chain is not checked (no PEM data in the set).");
                    }
                }
            }
            inner = new Wire(null, wire.origination() != null && wire.origination().tls() && wire.appTls(),
                    wire.appHttp() || (o.equals("APP_TLS")), null, wire.host(), wire.path());
            routing = protocol == Protocol.HTTPS ? Protocol.HTTP : Protocol.TCP;
            if (routing == Protocol.HTTP && inner.appTls()) {
                throw t.end(Outcome.PROTOCOL_MISMATCH, "After terminating the proxy's TLS the gateway finds the "
                        + "application's own TLS where it expects HTTP: 400 DPE.");
            }
        }
        String host = routing == Protocol.TLS ? wire.sni() : wire.host();
        List<Rules.Vs> bound = index.gatewayVirtualServices(gw.ref(), gateway.namespace(), host);
        if (bound.isEmpty()) {
            List<Rules.Vs> any = index.virtualServicesBoundTo(gw.ref());
            throw t.end(Outcome.NO_ROUTE, "Gateway proxy " + id + ": no VirtualService bound to " + gw.ref() + " has host "
                    + host + (any.isEmpty() ? "" : " (bound ones: " + any.stream().map(Rules.Vs::key).toList() + ")")
                    + ": the gateway answers 404 with flag NR. Fix: a VirtualService with gateways [" + gw.ref()
                    + "] and hosts [" + host + "].");
        }
        Rules.Vs vs = bound.get(0);
        Target target = route(t, index, vs, gw.ref(), routing, server.getPort().getNumber().intValue(), wire.path(),
                routing == Protocol.TLS ? wire.sni() : null, gateway.namespace(), gateway.labels(), null, null, true);
        if (target.service() == null) {
            throw t.end(Outcome.NO_ROUTE, "Gateway proxy " + id + ": " + vs.key() + " has no route for this request: 404 NR.");
        }
        return sendFromProxy(t, index, id, gateway.namespace(), gateway, target, inner, true, cp, depth + 1);
    }

    private record Candidate(Rules.Gw gw, Server server, int index) {
    }

    /** The client side of the handshake: does the server's certificate chain to the trusted CA and carry the SAN? */
    private static void checkServerCertificate(Trace t, Wire wire, List<X509Certificate> serverChain) {
        Origination o = wire.origination();
        if (o == null || !o.tls() || serverChain.isEmpty()) {
            return;
        }
        X509Certificate leaf = serverChain.get(0);
        if (!o.trusted().isEmpty()) {
            if (!Certificates.chainsTo(serverChain, o.trusted())) {
                throw t.end(Outcome.TLS_FAILURE, "The server's certificate (" + Certificates.subject(leaf) + ") is not "
                        + "signed by the CA in the client's caCertificates: CERTIFICATE_VERIFY_FAILED, 503 UF. Fix: trust "
                        + "the CA that issued the server certificate.");
            }
            t.say("The server's certificate " + Certificates.subject(leaf) + " chains to the CA the client trusts.");
        }
        if (!o.subjectAltNames().isEmpty()) {
            boolean covered = o.subjectAltNames().stream().anyMatch(n -> Certificates.coversName(leaf, n));
            if (!covered) {
                throw t.end(Outcome.TLS_FAILURE, "The server's certificate names " + Certificates.dnsNames(leaf)
                        + ", none of the DestinationRule's subjectAltNames " + o.subjectAltNames() + ": the SAN check "
                        + "fails, 503 UF. Fix: issue the certificate with that DNS name, or correct subjectAltNames.");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ federation

    private Outcome federation(Trace t, MeshIndex index, String proxyId, MeshService service, ServicePort port, Wire wire,
                               int depth) {
        ControlPlane cp = index.controlPlane();
        String peer = service.peer();
        t.use(service.key());
        GenericKubernetesResource smp = view.federationResource("ServiceMeshPeer", cp.namespace(), peer);
        if (smp == null) {
            throw t.end(Outcome.NO_ROUTE, service.host() + " is imported from peer " + peer + ", but there is no "
                    + "ServiceMeshPeer " + peer + " in " + cp.namespace() + ": no federation gateway carries it (503 NC).");
        }
        t.use(MeshView.key(smp));
        String egress = Specs.string(smp, "spec.gateways.egress.name");
        egress = egress == null ? peer + "-egress" : egress;
        t.say("Federation: " + service.host() + " is imported from " + peer + " by " + service.key() + "; the sidecar sends "
                + "it to the federation egress gateway " + cp.namespace() + "/" + egress + " over Istio mTLS, whatever "
                + "DestinationRule matches: federation is encrypted by design.");
        t.hop(proxyId, cp.namespace() + "/" + egress, wire.appTls() ? Encryption.ISTIO_MUTUAL : Encryption.ISTIO_MUTUAL);
        ControlPlane exporter = view.peerControlPlane(peer, cp);
        if (exporter == null) {
            t.hop(cp.namespace() + "/" + egress, peer + " (federation ingress, port 15443)", Encryption.ISTIO_MUTUAL);
            t.say("The peer mesh " + peer + " is not in the set; it is assumed to export " + service.importedFrom() + ".");
            return ok(t, service.host());
        }
        GenericKubernetesResource back = view.federationResource("ServiceMeshPeer", exporter.namespace(), cp.name());
        String ingress = back == null ? null : Specs.string(back, "spec.gateways.ingress.name");
        ingress = ingress == null ? cp.name() + "-ingress" : ingress;
        if (back != null) {
            t.use(MeshView.key(back));
        } else {
            t.say("Mesh " + exporter.name() + " has no ServiceMeshPeer " + cp.name() + "; peering needs one on each side.");
            throw t.end(Outcome.NO_ROUTE, "The peering is one-sided: mesh " + exporter.name() + " does not accept traffic "
                    + "from " + cp.name() + " (503 UF,URX at the federation egress gateway).");
        }
        String[] parts = service.importedFrom().split("\\.", 2);
        String backend = view.exportedService(exporter, cp, parts[1], parts[0]);
        t.hop(cp.namespace() + "/" + egress, exporter.namespace() + "/" + ingress, Encryption.ISTIO_MUTUAL);
        GenericKubernetesResource ess = view.federationResource("ExportedServiceSet", exporter.namespace(), cp.name());
        if (ess != null) {
            t.use(MeshView.key(ess));
        }
        if (backend == null) {
            throw t.end(Outcome.NO_ROUTE, "Mesh " + exporter.name() + " does not export " + service.importedFrom() + " to "
                    + cp.name() + ": its federation ingress has no route for it (503 NR).");
        }
        MeshService real = view.kubernetesService(backend);
        t.hop(exporter.namespace() + "/" + ingress, backend + ":" + (real == null || real.port(port.number()) == null
                ? port.number() : real.port(port.number()).endpointPort()), Encryption.ISTIO_MUTUAL);
        if (real != null) {
            t.use(real.key());
        }
        t.say("Mesh " + exporter.name() + " exports it as " + service.importedFrom() + " (backed by " + backend + "); its "
                + "federation ingress " + ingress + " forwards over Istio mTLS. The exported service sees the ingress "
                + "gateway's identity, not the caller's.");
        return ok(t, backend);
    }
}
