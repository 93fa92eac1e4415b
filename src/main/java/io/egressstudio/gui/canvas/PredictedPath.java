package io.egressstudio.gui.canvas;

import io.egressstudio.design.LinkPrediction;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a link's predicted hops go on the drawing. The predictor names each hop's ends as Istio does
 * ({@code NAMESPACE/NAME} for a proxy, {@code HOST:PORT} for a destination, {@code router (Route …)},
 * {@code PEER (federation ingress, …)}); this finds the box each name stands for: a workload, an egress gateway or an
 * external service of the scenario, or else a proxy of a mesh that the scenario does not draw (a federation gateway,
 * a mesh's ingress gateway), which the layout then draws as a small derived box inside that mesh.
 */
final class PredictedPath {
    /** A proxy that is no element of the scenario, inside the mesh whose control plane runs it. */
    record Derived(String mesh, String name, boolean ingress) {
        String id() {
            return "gw:" + mesh + ":" + name;
        }

        String role(boolean federation) {
            return (federation ? "federation " : "") + (ingress ? "ingress" : "egress") + (federation ? "" : " gateway");
        }
    }

    /** A box on the path and the encryption of the hop arriving there (null for the first). */
    record Station(String id, Derived derived, String encryption) {
    }

    private final Scenario scenario;
    private final Map<String, Workload> workloads = new HashMap<>();
    private final Map<String, EgressGateway> gateways = new HashMap<>();
    private final Map<String, Mesh> meshByNamespace = new HashMap<>();
    private final Map<String, Mesh> meshByName = new HashMap<>();
    private final Map<String, List<ExternalService>> servicesByHost = new HashMap<>();

    PredictedPath(Scenario s) {
        this.scenario = s;
        for (Workload w : s.workloads()) {
            workloads.putIfAbsent(w.namespace() + "/" + w.name(), w);
        }
        for (Mesh m : s.meshes()) {
            meshByNamespace.putIfAbsent(m.namespace(), m);
            meshByName.putIfAbsent(m.name(), m);
            meshByName.putIfAbsent(m.id(), m);
        }
        for (EgressGateway g : s.egressGateways()) {
            Mesh m = s.mesh(g.mesh()).orElse(null);
            String ns = g.namespace() != null ? g.namespace() : m != null ? m.namespace() : "";
            gateways.putIfAbsent(ns + "/" + (g.name() != null ? g.name() : g.id()), g);
            gateways.putIfAbsent(ns + "/" + g.id(), g);
            // a Gateway API gateway's hops name istiod's deployment of it
            gateways.putIfAbsent(ns + "/" + g.proxyName(), g);
        }
        for (ExternalService e : s.externalServices()) {
            for (String h : e.hosts()) {
                servicesByHost.computeIfAbsent(h.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
            }
        }
    }

    /**
     * The boxes the predicted request passes through, from the link's workload on; consecutive hops into the same box
     * are one. A hop whose end names nothing drawn ends at the next hop's start, or (the last) at the link's target.
     */
    List<Station> stations(Link link, LinkPrediction p) {
        List<Station> out = new ArrayList<>();
        out.add(new Station(link.from(), null, null));
        List<LinkPrediction.HopView> hops = p.hops();
        for (int i = 0; i < hops.size(); i++) {
            LinkPrediction.HopView h = hops.get(i);
            Station to = resolve(h.to(), link, h.encryption());
            if (to == null && i + 1 < hops.size()) {
                to = resolve(hops.get(i + 1).from(), link, h.encryption());
            }
            if (to == null && i == hops.size() - 1) {
                to = new Station(link.to(), null, h.encryption());
            }
            if (to != null && !to.id().equals(out.get(out.size() - 1).id())) {
                out.add(to);
            }
        }
        return out;
    }

    private Station resolve(String name, Link link, String encryption) {
        if (name == null) {
            return null;
        }
        String n = name.trim();
        int paren = n.indexOf(" (");
        String note = paren < 0 ? "" : n.substring(paren);
        if (paren >= 0) {
            n = n.substring(0, paren);
        }
        if (note.contains("federation ingress")) {
            Mesh peer = meshByName.get(n);
            return peer == null ? null : derived(new Derived(peer.id(), "federation ingress", true), encryption);
        }
        if (n.equals("router")) {
            return null;
        }
        // ztunnel's tunnel ends at "waypoint NAMESPACE/NAME:15008": the waypoint is the drawn egress gateway
        n = n.startsWith("waypoint ") ? n.substring("waypoint ".length()) : n;
        n = n.replaceFirst(":\\d+$", "");
        if (n.contains("/")) {
            return proxy(n.substring(0, n.indexOf('/')), n.substring(n.indexOf('/') + 1), encryption);
        }
        List<ExternalService> services = servicesByHost.get(n.toLowerCase(Locale.ROOT));
        if (services != null) {
            String id = services.stream().anyMatch(e -> e.id().equals(link.to())) ? link.to() : services.get(0).id();
            return new Station(id, null, encryption);
        }
        String[] labels = n.split("\\.");
        return labels.length >= 2 ? proxy(labels[1], labels[0], encryption) : null;
    }

    /** {@code namespace/name}: a workload, an egress gateway, or a proxy of the mesh with that control plane. */
    private Station proxy(String namespace, String name, String encryption) {
        Workload w = workloads.get(namespace + "/" + name);
        if (w != null) {
            return new Station(w.id(), null, encryption);
        }
        EgressGateway g = gateways.get(namespace + "/" + name);
        if (g != null) {
            return new Station(g.id(), null, encryption);
        }
        Mesh m = meshByNamespace.get(namespace);
        if (m == null) {
            m = scenario.meshOwning(namespace).orElse(null);
        }
        if (m == null) {
            return null;
        }
        return derived(new Derived(m.id(), name, name.toLowerCase(Locale.ROOT).contains("ingress")), encryption);
    }

    private static Station derived(Derived d, String encryption) {
        return new Station(d.id(), d, encryption);
    }
}
