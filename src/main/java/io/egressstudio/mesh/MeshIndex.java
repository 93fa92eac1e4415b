package io.egressstudio.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.IstioEgressListener;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLS;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One control plane's configuration, indexed the way istiod looks it up: maps keyed by host pattern (so the most
 * specific rule is found by probing a host's candidate patterns, never by scanning every rule) and by namespace.
 * Only objects in the control plane's own namespace and its members are here; the control plane's implied objects
 * (mesh-wide PeerAuthentication and DestinationRules, default gateways) are included.
 */
public final class MeshIndex {
    private final ControlPlane controlPlane;
    final Map<String, List<MeshService>> services = new HashMap<>();
    final Map<String, Map<String, List<Rules.Dr>>> destinationRules = new HashMap<>();
    final Map<String, List<Rules.Vs>> meshVirtualServices = new HashMap<>();
    final Map<String, List<Rules.Vs>> gatewayVirtualServices = new HashMap<>();
    final Map<Map<String, String>, List<Rules.Gw>> gatewaysBySelector = new LinkedHashMap<>();
    final Map<String, List<Rules.Sc>> sidecars = new HashMap<>();
    final Map<String, List<Rules.Pa>> peerAuthentications = new HashMap<>();
    final List<Rules.Dr> allDestinationRules = new ArrayList<>();
    final List<Rules.Vs> allVirtualServices = new ArrayList<>();
    final List<Rules.Gw> allGateways = new ArrayList<>();
    final List<MeshService> allServices = new ArrayList<>();
    final java.util.Set<Integer> httpPorts = new java.util.HashSet<>();

    MeshIndex(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    /**
     * Whether another index holds the same configuration: the same control plane and equal rules in the same order
     * (every lookup map here is made from these lists, in order).
     */
    boolean sameContent(MeshIndex other) {
        return controlPlane.equals(other.controlPlane) && allServices.equals(other.allServices)
                && allDestinationRules.equals(other.allDestinationRules)
                && allVirtualServices.equals(other.allVirtualServices) && allGateways.equals(other.allGateways)
                && sidecars.equals(other.sidecars) && peerAuthentications.equals(other.peerAuthentications);
    }

    public ControlPlane controlPlane() {
        return controlPlane;
    }

    public String rootNamespace() {
        return controlPlane.namespace();
    }

    void addService(MeshService service) {
        services.computeIfAbsent(service.host(), h -> new ArrayList<>()).add(service);
        allServices.add(service);
        for (ServicePort p : service.ports()) {
            if (p.protocol().isHttp()) {
                httpPorts.add(p.number());
            }
        }
    }

    /**
     * Whether sidecars have an HTTP listener on a port: some registered service declares an HTTP port with that
     * number. Its routes then also hold virtual hosts for VirtualServices whose host is not registered on that port.
     */
    public boolean hasHttpListener(int port) {
        return httpPorts.contains(port);
    }

    void addDestinationRule(Rules.Dr dr) {
        destinationRules.computeIfAbsent(dr.namespace(), n -> new HashMap<>())
                .computeIfAbsent(dr.host(), h -> new ArrayList<>()).add(dr);
        allDestinationRules.add(dr);
    }

    void addVirtualService(Rules.Vs vs) {
        for (String gateway : vs.gateways()) {
            if (gateway.equals("mesh")) {
                for (String host : vs.hosts()) {
                    meshVirtualServices.computeIfAbsent(host, h -> new ArrayList<>()).add(vs);
                }
            } else {
                gatewayVirtualServices.computeIfAbsent(gateway, g -> new ArrayList<>()).add(vs);
            }
        }
        allVirtualServices.add(vs);
    }

    void addGateway(Rules.Gw gw) {
        gatewaysBySelector.computeIfAbsent(gw.selector(), s -> new ArrayList<>()).add(gw);
        allGateways.add(gw);
    }

    void addSidecar(Rules.Sc sc) {
        sidecars.computeIfAbsent(sc.namespace(), n -> new ArrayList<>()).add(sc);
    }

    void addPeerAuthentication(Rules.Pa pa) {
        peerAuthentications.computeIfAbsent(pa.namespace(), n -> new ArrayList<>()).add(pa);
    }

    public List<Rules.Dr> destinationRules() {
        return allDestinationRules;
    }

    public List<Rules.Vs> virtualServices() {
        return allVirtualServices;
    }

    public List<Rules.Gw> gateways() {
        return allGateways;
    }

    /** Every Sidecar resource of the mesh, namespace by namespace. */
    public List<Rules.Sc> sidecars() {
        List<Rules.Sc> all = new ArrayList<>();
        sidecars.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparing(Rules.Sc::key));
        return all;
    }

    public List<MeshService> services() {
        return allServices;
    }

    /** Every registered service with exactly this host pattern (any visibility). */
    public List<MeshService> servicesWithHost(String host) {
        return services.getOrDefault(host, List.of());
    }

    /** The Sidecar resource that scopes a workload: its own selector first, then its namespace's, then the root's. */
    public Rules.Sc sidecarFor(String namespace, Map<String, String> labels) {
        for (Rules.Sc sc : sidecars.getOrDefault(namespace, List.of())) {
            if (!sc.selector().isEmpty() && matches(sc.selector(), labels)) {
                return sc;
            }
        }
        for (Rules.Sc sc : sidecars.getOrDefault(namespace, List.of())) {
            if (sc.selector().isEmpty()) {
                return sc;
            }
        }
        for (Rules.Sc sc : sidecars.getOrDefault(rootNamespace(), List.of())) {
            if (sc.selector().isEmpty()) {
                return sc;
            }
        }
        return null;
    }

    /** Whether a Sidecar's egress hosts ({@code namespace/host}) import a service. */
    public static boolean sidecarImports(Rules.Sc sc, String clientNamespace, MeshService service) {
        return sidecarImports(sc, clientNamespace, service, null);
    }

    /**
     * Whether the Sidecar imports the service on a port (null: on any). An egress listener with a {@code port} imports
     * its hosts on that port only (Istio's Sidecar reference: the listener is for that port; without one, "the
     * listener is created based on the ports of the imported hosts").
     */
    public static boolean sidecarImports(Rules.Sc sc, String clientNamespace, MeshService service, Integer port) {
        if (sc == null || sc.spec().getEgress() == null || sc.spec().getEgress().isEmpty()) {
            return true;
        }
        for (IstioEgressListener listener : sc.spec().getEgress()) {
            if (port != null && listener.getPort() != null && listener.getPort().getNumber() != null
                    && listener.getPort().getNumber().intValue() != port) {
                continue;
            }
            for (String entry : Specs.orEmpty(listener.getHosts())) {
                int slash = entry.indexOf('/');
                String ns = slash < 0 ? "*" : entry.substring(0, slash);
                String host = slash < 0 ? entry : entry.substring(slash + 1);
                boolean nsOk = ns.equals("*") || (ns.equals(".") && service.namespace().equals(clientNamespace))
                        || ns.equals(service.namespace());
                if (nsOk && !ns.equals("~") && Hosts.matches(host.toLowerCase(java.util.Locale.ROOT), service.host())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The effective outbound policy for a workload: its Sidecar's {@code outboundTrafficPolicy}, else the mesh's. */
    public String outboundPolicy(String namespace, Map<String, String> labels) {
        Rules.Sc sc = sidecarFor(namespace, labels);
        if (sc != null && sc.spec().getOutboundTrafficPolicy() != null
                && sc.spec().getOutboundTrafficPolicy().getMode() != null) {
            return sc.spec().getOutboundTrafficPolicy().getMode().name();
        }
        return controlPlane.outboundPolicy();
    }

    /** A service lookup result: the service the host resolves to for a client, and why others were not used. */
    public record ServiceLookup(MeshService service, List<MeshService> hidden, Rules.Sc sidecar) {
    }

    /**
     * The registered service a client sees for a host: the most specific host pattern whose service is exported to
     * the client's namespace and imported by its Sidecar. Services that match but are not visible are reported in
     * {@code hidden}.
     */
    public ServiceLookup lookupService(String clientNamespace, Map<String, String> labels, String host) {
        return lookupService(clientNamespace, labels, host, null);
    }

    /** The same, on one port: a Sidecar egress listener for another port does not import the host here. */
    public ServiceLookup lookupService(String clientNamespace, Map<String, String> labels, String host, Integer port) {
        Rules.Sc sc = clientNamespace == null ? null : sidecarFor(clientNamespace, labels);
        List<MeshService> hidden = new ArrayList<>();
        for (String candidate : Hosts.candidates(host)) {
            for (MeshService s : services.getOrDefault(candidate, List.of())) {
                if (clientNamespace == null
                        || (s.visibleTo(clientNamespace) && sidecarImports(sc, clientNamespace, s, port))) {
                    return new ServiceLookup(s, hidden, sc);
                }
                hidden.add(s);
            }
        }
        return new ServiceLookup(null, hidden, sc);
    }

    /**
     * The registered service a connection to an IP address reaches: a ServiceEntry whose {@code addresses} (an IP or
     * a CIDR) cover it, visible to the client. Istio binds such an entry's listener to those addresses, so the
     * connection's destination IP, not a host name, selects it.
     */
    public ServiceLookup lookupServiceByAddress(String clientNamespace, Map<String, String> labels, String ip) {
        Rules.Sc sc = clientNamespace == null ? null : sidecarFor(clientNamespace, labels);
        List<MeshService> hidden = new ArrayList<>();
        for (MeshService s : allServices) {
            if (s.addresses().stream().noneMatch(a -> IpAddresses.covers(a, ip))) {
                continue;
            }
            if (clientNamespace == null || (s.visibleTo(clientNamespace) && sidecarImports(sc, clientNamespace, s))) {
                return new ServiceLookup(s, hidden, sc);
            }
            hidden.add(s);
        }
        return new ServiceLookup(null, hidden, sc);
    }

    /** The outcome of a DestinationRule lookup, with the namespaces searched. */
    public record DrLookup(Rules.Dr rule, List<String> searched, List<Rules.Dr> skipped) {
    }

    /** The registered service a gateway proxy sees for a host (exportTo checked against its namespace; Sidecars do not apply). */
    public MeshService lookupServiceForGateway(String proxyNamespace, String host) {
        for (String candidate : Hosts.candidates(host)) {
            for (MeshService s : services.getOrDefault(candidate, List.of())) {
                if (s.visibleTo(proxyNamespace)) {
                    return s;
                }
            }
        }
        return null;
    }

    /**
     * The DestinationRule for a service, as istiod chooses it: the client's namespace first, then the service's
     * namespace, then the root (control-plane) namespace; within a namespace the most specific host wins. A rule is
     * only considered where it is exported to the client's namespace, and (from Maistra 2.3) where its
     * workloadSelector selects the client.
     */
    public DrLookup lookupDestinationRule(String clientNamespace, Map<String, String> clientLabels, MeshService service) {
        List<String> order = new ArrayList<>(3);
        for (String ns : new String[] {clientNamespace, service.namespace(), rootNamespace()}) {
            if (ns != null && !order.contains(ns)) {
                order.add(ns);
            }
        }
        List<Rules.Dr> skipped = new ArrayList<>();
        List<String> candidates = Hosts.candidates(service.host());
        for (String ns : order) {
            Map<String, List<Rules.Dr>> byHost = destinationRules.get(ns);
            if (byHost == null) {
                continue;
            }
            for (String candidate : candidates) {
                for (Rules.Dr dr : byHost.getOrDefault(candidate, List.of())) {
                    if (!ExportTo.visible(dr.exportTo(), dr.namespace(), clientNamespace)) {
                        skipped.add(dr);
                        continue;
                    }
                    if (controlPlane.credentialNameAtSidecars() && !dr.workloadSelector().isEmpty()
                            && (!dr.namespace().equals(clientNamespace) || !matches(dr.workloadSelector(), clientLabels))) {
                        skipped.add(dr);
                        continue;
                    }
                    return new DrLookup(dr, order, skipped);
                }
            }
        }
        return new DrLookup(null, order, skipped);
    }

    /** The VirtualService bound to {@code mesh} for a host, visible to the client: the most specific host wins. */
    public Rules.Vs meshVirtualService(String clientNamespace, String host) {
        for (String candidate : Hosts.candidates(host)) {
            for (Rules.Vs vs : meshVirtualServices.getOrDefault(candidate, List.of())) {
                if (ExportTo.visible(vs.exportTo(), vs.namespace(), clientNamespace)) {
                    return vs;
                }
            }
        }
        return null;
    }

    /** VirtualServices bound to a Gateway ({@code namespace/name}) whose hosts cover {@code host}, most specific first. */
    public List<Rules.Vs> gatewayVirtualServices(String gatewayRef, String proxyNamespace, String host) {
        List<Rules.Vs> out = new ArrayList<>();
        List<Rules.Vs> bound = gatewayVirtualServices.getOrDefault(gatewayRef, List.of());
        for (String candidate : Hosts.candidates(host)) {
            for (Rules.Vs vs : bound) {
                if (vs.hosts().contains(candidate) && !out.contains(vs)
                        && ExportTo.visible(vs.exportTo(), vs.namespace(), proxyNamespace)) {
                    out.add(vs);
                }
            }
        }
        return out;
    }

    /** VirtualServices bound to a Gateway, whatever their hosts. */
    public List<Rules.Vs> virtualServicesBoundTo(String gatewayRef) {
        return gatewayVirtualServices.getOrDefault(gatewayRef, List.of());
    }

    /** Gateways whose selector selects a gateway proxy with these labels. */
    public List<Rules.Gw> gatewaysSelecting(Map<String, String> labels) {
        List<Rules.Gw> out = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<Rules.Gw>> e : gatewaysBySelector.entrySet()) {
            if (!e.getKey().isEmpty() && matches(e.getKey(), labels)) {
                out.addAll(e.getValue());
            }
        }
        return out;
    }

    /** The mutual-TLS mode a workload's sidecar accepts on a port, and the PeerAuthentication that decided it. */
    public record MtlsMode(String mode, Rules.Pa decidedBy) {
    }

    public MtlsMode mtlsMode(WorkloadInfo workload, int port) {
        Rules.Pa selected = null;
        for (Rules.Pa pa : peerAuthentications.getOrDefault(workload.namespace(), List.of())) {
            if (!pa.selector().isEmpty() && matches(pa.selector(), workload.labels())) {
                selected = pa;
                break;
            }
        }
        if (selected != null) {
            PeerAuthenticationMutualTLS portLevel = Specs.orEmpty(selected.spec().getPortLevelMtls()).get(String.valueOf(port));
            String mode = mode(portLevel);
            if (mode == null) {
                mode = mode(selected.spec().getMtls());
            }
            if (mode != null) {
                return new MtlsMode(mode, selected);
            }
        }
        for (String ns : new String[] {workload.namespace(), rootNamespace()}) {
            for (Rules.Pa pa : peerAuthentications.getOrDefault(ns, List.of())) {
                if (pa.selector().isEmpty()) {
                    String mode = mode(pa.spec().getMtls());
                    if (mode != null) {
                        return new MtlsMode(mode, pa);
                    }
                }
            }
        }
        return new MtlsMode("PERMISSIVE", null);
    }

    /** The mode of the root namespace's PeerAuthentication without a selector (mesh-wide), or null when none. */
    public String meshWideMtlsMode() {
        for (Rules.Pa pa : peerAuthentications.getOrDefault(rootNamespace(), List.of())) {
            if (pa.selector().isEmpty() && mode(pa.spec().getMtls()) != null) {
                return mode(pa.spec().getMtls());
            }
        }
        return null;
    }

    private static String mode(PeerAuthenticationMutualTLS mtls) {
        if (mtls == null || mtls.getMode() == null || mtls.getMode() == PeerAuthenticationMutualTLSMode.UNSET) {
            return null;
        }
        return mtls.getMode().name();
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (labels == null) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
