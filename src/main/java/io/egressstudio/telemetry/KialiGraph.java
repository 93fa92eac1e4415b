package io.egressstudio.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressstudio.telemetry.TelemetryException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Kiali graph ({@code GET /api/namespaces/graph}, anchors.md §3.2): nodes and edges with their traffic, as far as
 * Egress Studio reads them. Unknown fields are ignored; missing optional fields are empty.
 */
public record KialiGraph(long timestamp, long durationSeconds, String graphType, Map<String, Node> nodes,
                         List<Edge> edges) {
    public KialiGraph {
        nodes = Map.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * A node: a workload, app, service, or the {@code unknown} source.
     *
     * @param destServices       the names of {@code destServices}
     * @param serviceEntryHosts  {@code isServiceEntry.hosts}, when the serviceEntry appender folded service nodes
     * @param serviceEntryLocation {@code isServiceEntry.location} (MESH_EXTERNAL, MESH_INTERNAL), or null
     */
    public record Node(String id, String nodeType, String cluster, String namespace, String workload, String app,
                       String version, String service, List<String> destServices, List<String> serviceEntryHosts,
                       String serviceEntryLocation, boolean outside, boolean inaccessible, boolean idle, boolean box) {
        public Node {
            destServices = List.copyOf(destServices);
            serviceEntryHosts = List.copyOf(serviceEntryHosts);
        }

        /** A node that sends traffic of its own: a workload or an app (not a service, a box or "unknown"). */
        public boolean isWorkload() {
            return !box && ("workload".equals(nodeType) || "app".equals(nodeType)) && name() != null;
        }

        /** The workload, else the app (with version for versioned app graphs), else the service. */
        public String name() {
            if (workload != null) {
                return workload;
            }
            if (app != null) {
                return version != null && !version.isEmpty() && !"latest".equals(version) ? app + "-" + version : app;
            }
            return service;
        }

        public boolean isPassthrough() {
            return IstioSeries.PASSTHROUGH_CLUSTER.equals(service)
                    || destServices.contains(IstioSeries.PASSTHROUGH_CLUSTER);
        }

        public boolean isBlackhole() {
            return IstioSeries.BLACKHOLE_CLUSTER.equals(service)
                    || destServices.contains(IstioSeries.BLACKHOLE_CLUSTER);
        }

        /** {@code namespace/name}, or a ServiceEntry's first host, or {@code unknown}. */
        public String label() {
            if (!serviceEntryHosts.isEmpty()) {
                return "ServiceEntry " + String.join(",", serviceEntryHosts);
            }
            String name = name();
            if (name == null || "unknown".equals(nodeType) || "unknown".equals(name)) {
                return "unknown";
            }
            return (namespace == null || namespace.isEmpty() ? "unknown" : namespace) + "/" + name;
        }
    }

    /** What responded on an edge: response flags and hosts, each with its share of the edge in percent. */
    public record Responses(Map<String, Double> flags, Map<String, Double> hosts) {
        public Responses {
            flags = Map.copyOf(flags);
            hosts = Map.copyOf(hosts);
        }
    }

    /**
     * An edge between two nodes.
     *
     * @param protocol    http, grpc or tcp
     * @param rates       the traffic's rates (Kiali sends strings; parsed here)
     * @param responses   by response code ({@code -} for TCP)
     * @param mtlsPercent {@code isMTLS}: the share of the traffic with mutual TLS, from the securityPolicy appender
     *                    (null when absent: no mTLS seen, or the appender was not asked for)
     */
    public record Edge(String id, String source, String target, String protocol, Map<String, Double> rates,
                       Map<String, Responses> responses, Double mtlsPercent) {
        public Edge {
            rates = Map.copyOf(rates);
            responses = Map.copyOf(responses);
        }

        /** Requests per second (http, grpc) or bytes per second (tcp). */
        public double rate() {
            Double r = rates.get(protocol == null ? "" : protocol);
            return r == null ? 0.0 : r;
        }

        public String unit() {
            return "tcp".equals(protocol) ? "bytes/s" : "req/s";
        }

        /** The hosts the responses name, without ports, in lower case. */
        public Set<String> hosts() {
            Set<String> out = new LinkedHashSet<>();
            for (Responses r : responses.values()) {
                for (String host : r.hosts().keySet()) {
                    out.add(stripPort(host));
                }
            }
            return out;
        }

        /** The response flags other than {@code -}, with their share. */
        public Map<String, Double> flags() {
            Map<String, Double> out = new LinkedHashMap<>();
            for (Responses r : responses.values()) {
                r.flags().forEach((flag, share) -> {
                    if (!"-".equals(flag)) {
                        out.merge(flag, share, Double::sum);
                    }
                });
            }
            return out;
        }
    }

    public Node node(String id) {
        return nodes.get(id);
    }

    static String stripPort(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(':') == colon) {
            h = h.substring(0, colon);
        }
        return h;
    }

    /** Parses Kiali's graph JSON. */
    public static KialiGraph parse(JsonNode json) throws TelemetryException {
        JsonNode elements = json.path("elements");
        if (!json.isObject() || !elements.isObject()) {
            throw new TelemetryException(Kind.BAD_ANSWER, "Kiali answered JSON that is not a graph (no 'elements')");
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (JsonNode n : array(elements.path("nodes"), "nodes")) {
            JsonNode d = n.path("data");
            String id = text(d, "id");
            if (id == null) {
                throw new TelemetryException(Kind.BAD_ANSWER, "Kiali answered a graph node without an id");
            }
            List<String> destServices = new ArrayList<>();
            for (JsonNode s : d.path("destServices")) {
                if (s.hasNonNull("name")) {
                    destServices.add(s.get("name").asText());
                }
            }
            List<String> seHosts = new ArrayList<>();
            JsonNode se = d.path("isServiceEntry");
            for (JsonNode h : se.path("hosts")) {
                seHosts.add(h.asText().toLowerCase(Locale.ROOT));
            }
            nodes.put(id, new Node(id, text(d, "nodeType"), text(d, "cluster"), text(d, "namespace"),
                    text(d, "workload"), text(d, "app"), text(d, "version"), text(d, "service"), destServices, seHosts,
                    text(se, "location"), d.path("isOutside").asBoolean(false),
                    d.path("isInaccessible").asBoolean(false), d.path("isIdle").asBoolean(false),
                    d.hasNonNull("isBox")));
        }
        List<Edge> edges = new ArrayList<>();
        for (JsonNode e : array(elements.path("edges"), "edges")) {
            JsonNode d = e.path("data");
            String source = text(d, "source");
            String target = text(d, "target");
            if (source == null || target == null || !nodes.containsKey(source) || !nodes.containsKey(target)) {
                throw new TelemetryException(Kind.BAD_ANSWER, "Kiali answered a graph edge whose ends are not nodes: "
                        + JsonHttp.excerpt(d.toString()));
            }
            JsonNode traffic = d.path("traffic");
            Map<String, Double> rates = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> r : traffic.path("rates").properties()) {
                rates.put(r.getKey(), number(r.getValue()));
            }
            Map<String, Responses> responses = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> r : traffic.path("responses").properties()) {
                responses.put(r.getKey(), new Responses(shares(r.getValue().path("flags")),
                        shares(r.getValue().path("hosts"))));
            }
            Double mtls = d.hasNonNull("isMTLS") ? number(d.get("isMTLS")) : null;
            edges.add(new Edge(text(d, "id"), source, target, text(traffic, "protocol"), rates, responses, mtls));
        }
        return new KialiGraph(json.path("timestamp").asLong(0), json.path("duration").asLong(0),
                text(json, "graphType"), nodes, edges);
    }

    private static Iterable<JsonNode> array(JsonNode node, String name) throws TelemetryException {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new TelemetryException(Kind.BAD_ANSWER, "Kiali answered a graph whose '" + name + "' is not a list");
        }
        return node;
    }

    private static Map<String, Double> shares(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), number(e.getValue()));
        }
        return out;
    }

    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText().strip());
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
