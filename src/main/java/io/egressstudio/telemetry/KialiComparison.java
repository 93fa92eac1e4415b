package io.egressstudio.telemetry;

import io.egressstudio.mesh.Hosts;
import io.egressstudio.telemetry.KialiGraph.Edge;
import io.egressstudio.telemetry.KialiGraph.Node;
import io.egressstudio.telemetry.KialiReport.MtlsShare;
import io.egressstudio.telemetry.KialiReport.UnexpectedEdge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares a Kiali graph with the design. An edge is in scope when it leaves a workload (or app) node in a namespace
 * of a designed caller or egress gateway; it is explained by a designed link when it goes from the link's caller to
 * the link's host (a service or ServiceEntry node for it, or a response naming it), to the link's egress gateway, or
 * from that gateway to the host. Edges to PassthroughCluster and BlackHoleCluster are explained only when their
 * responses name the link's host. Every other edge in scope is unexpected traffic.
 */
public final class KialiComparison {
    private KialiComparison() {
    }

    /** The namespaces to ask Kiali about: those of the callers and their egress gateways. */
    public static Set<String> namespaces(List<LinkTarget> targets) {
        Set<String> out = new LinkedHashSet<>();
        for (LinkTarget t : targets) {
            out.add(t.fromNamespace());
            if (t.viaGateway()) {
                out.add(t.gatewayNamespace());
            }
        }
        return out;
    }

    public static KialiReport compare(KialiGraph graph, List<LinkTarget> targets) {
        Set<String> scope = namespaces(targets);
        List<UnexpectedEdge> unexpected = new ArrayList<>();
        List<MtlsShare> mtls = new ArrayList<>();
        for (Edge edge : graph.edges()) {
            Node from = graph.node(edge.source());
            Node to = graph.node(edge.target());
            if (from == null || to == null || !from.isWorkload() || !scope.contains(from.namespace())) {
                continue;
            }
            LinkTarget link = explainedBy(edge, from, to, targets);
            if (edge.mtlsPercent() != null) {
                mtls.add(new MtlsShare(from.label(), to.label(), edge.mtlsPercent(),
                        link == null ? null : link.linkId()));
            }
            if (link == null) {
                unexpected.add(new UnexpectedEdge(from.label(), to.label(), edge.protocol(), edge.rate(), edge.unit(),
                        List.copyOf(edge.hosts()), edge.flags(), note(to)));
            }
        }
        return new KialiReport(null, graph.edges().size(), unexpected, mtls);
    }

    private static String note(Node to) {
        if (to.isPassthrough()) {
            return "to PassthroughCluster: a host the mesh does not know, sent on unmanaged";
        }
        if (to.isBlackhole()) {
            return "to BlackHoleCluster: a host the mesh does not know, dropped";
        }
        if (!to.serviceEntryHosts().isEmpty()) {
            return "to a ServiceEntry (" + (to.serviceEntryLocation() == null ? "" : to.serviceEntryLocation()) + ")";
        }
        if ("unknown".equals(to.namespace()) || "unknown".equals(to.name())) {
            return "to a destination the proxy could not name";
        }
        return "";
    }

    private static LinkTarget explainedBy(Edge edge, Node from, Node to, List<LinkTarget> targets) {
        for (LinkTarget t : targets) {
            boolean fromCaller = is(from, t.fromNamespace(), t.fromWorkload());
            boolean fromGateway = t.viaGateway() && is(from, t.gatewayNamespace(), t.gatewayWorkload());
            if (fromCaller && t.viaGateway() && reaches(edge, to, t.gatewayHost(), t.gatewayNamespace())) {
                return t;
            }
            if ((fromCaller || fromGateway) && reaches(edge, to, t.host(), t.fromNamespace())) {
                return t;
            }
        }
        return null;
    }

    private static boolean is(Node node, String namespace, String workload) {
        return namespace.equals(node.namespace())
                && (workload.equals(node.workload()) || workload.equals(node.name())
                || node.workload() == null && workload.equals(node.app()));
    }

    /** Whether the edge goes to {@code host} (as the caller in {@code namespace} names it). */
    private static boolean reaches(Edge edge, Node to, String host, String namespace) {
        String wanted = Hosts.fqdn(host, namespace);
        for (String seen : edge.hosts()) {
            if (same(seen, wanted, to.namespace())) {
                return true;
            }
        }
        if (to.isPassthrough() || to.isBlackhole()) {
            return false;
        }
        for (String seHost : to.serviceEntryHosts()) {
            if (Hosts.matches(seHost, wanted) || seHost.equals(host)) {
                return true;
            }
        }
        List<String> names = new ArrayList<>(to.destServices());
        if (to.service() != null) {
            names.add(to.service());
        }
        for (String name : names) {
            if (same(name, wanted, to.namespace())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a host as Kiali shows it (short, {@code name.namespace}, or full) is {@code wantedFqdn}. */
    private static boolean same(String seen, String wantedFqdn, String nodeNamespace) {
        String s = KialiGraph.stripPort(seen).toLowerCase(Locale.ROOT);
        if (s.equals(wantedFqdn)) {
            return true;
        }
        if (Hosts.isWildcard(s) && Hosts.matches(s, wantedFqdn)) {
            return true;
        }
        if (!s.contains(".") && nodeNamespace != null && !"unknown".equals(nodeNamespace)) {
            return Hosts.fqdn(s, nodeNamespace).equals(wantedFqdn);
        }
        return (s + Hosts.CLUSTER_SUFFIX).equals(wantedFqdn);
    }
}
