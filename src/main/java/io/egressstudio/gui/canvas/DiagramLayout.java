package io.egressstudio.gui.canvas;

import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Point;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Origination;
import io.egressstudio.model.Position;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.TlsMode;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Scenario → {@link Diagram}. Workloads, gateways and external services sit where the scenario's layout puts them
 * (or where {@link AutoLayout} places those without a position); a mesh is drawn around its namespaces and gateways;
 * a namespace around its workloads.
 */
public final class DiagramLayout {
    public static final double WORKLOAD_W = 170;
    public static final double WORKLOAD_H = 52;
    public static final double GATEWAY_W = 160;
    public static final double GATEWAY_H = 48;
    public static final double SERVICE_W = 190;
    public static final double SERVICE_H = 58;
    public static final double MESH_MIN_W = 240;
    public static final double MESH_MIN_H = 110;
    public static final double SIDECAR_W = 22;
    static final double NS_PAD = 12;
    static final double NS_HEADER = 22;
    static final double MESH_PAD = 18;
    static final double MESH_HEADER = 34;

    private DiagramLayout() {
    }

    public static Diagram of(Scenario scenario) {
        return of(scenario, Map.of());
    }

    /** With some positions overridden (an element being dragged). */
    public static Diagram of(Scenario scenario, Map<String, Position> overrides) {
        return of(scenario, overrides, new Reuse());
    }

    /**
     * Lays out scenario after scenario, reusing the boxes and routes whose inputs are the same objects as last time:
     * the canvas then tells unchanged shapes by identity. On a 1,000-node scenario, comparing 3,000 new records with
     * the shown ones took 20-45 ms of FX time on an edit before the JIT had compiled record equality.
     * One instance per canvas, used from one thread.
     */
    public static final class Reuse {
        /** A box and what it was made from: the element record, its position and what else it shows. */
        private record Made(Object element, double x, double y, Object context, Box box) {
        }

        private record Linked(Link link, Box from, Box to, Box via, Route route) {
        }

        private Map<String, Made> boxes = new HashMap<>();
        private Map<String, Linked> routes = new HashMap<>();
        private Map<String, Made> nextBoxes = new HashMap<>();
        private Map<String, Linked> nextRoutes = new HashMap<>();

        Box box(String id, Object element, Position at, Object context, Supplier<Box> make) {
            Made m = boxes.get(id);
            Box box = m != null && m.element() == element && m.x() == at.x() && m.y() == at.y()
                    && Objects.equals(m.context(), context) ? m.box() : make.get();
            nextBoxes.put(id, new Made(element, at.x(), at.y(), context, box));
            return box;
        }

        Route route(Link link, Box from, Box to, Box via, Supplier<Route> make) {
            Linked l = routes.get(link.id());
            Route route = l != null && l.link() == link && l.from() == from && l.to() == to && l.via() == via
                    ? l.route() : make.get();
            nextRoutes.put(link.id(), new Linked(link, from, to, via, route));
            return route;
        }

        /** A box computed from others (a namespace, a mesh): the previous instance when equal. */
        Box same(Box box) {
            Made m = boxes.get(box.id());
            Box result = m != null && m.box().equals(box) ? m.box() : box;
            nextBoxes.put(box.id(), new Made(null, 0, 0, null, result));
            return result;
        }

        void done() {
            boxes = nextBoxes;
            routes = nextRoutes;
            nextBoxes = new HashMap<>();
            nextRoutes = new HashMap<>();
        }
    }

    /** Reusing what {@code reuse} kept from the last layout (see {@link Reuse}). */
    public static Diagram of(Scenario scenario, Map<String, Position> overrides, Reuse reuse) {
        Map<String, Position> at = new HashMap<>(AutoLayout.positions(scenario));
        at.putAll(overrides);
        Map<String, Box> byId = new LinkedHashMap<>();
        List<Box> nodes = new ArrayList<>();
        List<Box> namespaces = new ArrayList<>();
        List<Box> meshes = new ArrayList<>();

        Map<String, Mesh> meshOfNamespace = new HashMap<>();
        for (Mesh m : scenario.meshes()) {
            meshOfNamespace.putIfAbsent(m.namespace(), m);
            m.members().forEach(ns -> meshOfNamespace.putIfAbsent(ns, m));
        }
        // namespace key (mesh or "" : namespace) -> bounds of its workloads
        Map<String, Rect> nsBounds = new LinkedHashMap<>();
        Map<String, Rect> meshContent = new HashMap<>();
        for (Workload w : scenario.workloads()) {
            Position p = at.get(w.id());
            Mesh mesh = meshOfNamespace.get(w.namespace());
            boolean sidecar = mesh != null && Boolean.TRUE.equals(w.sidecar());
            Rect r = new Rect(p.x(), p.y(), WORKLOAD_W, WORKLOAD_H);
            Box box = reuse.box(w.id(), w, p, mesh == null ? null : mesh.id(), () -> new Box(w.id(), NodeKind.WORKLOAD,
                    r, w.name(), w.namespace() + (sidecar ? " · sidecar" : " · no sidecar"),
                    mesh == null ? null : mesh.id(), w.namespace(), sidecar));
            nodes.add(box);
            byId.put(w.id(), box);
            String key = (mesh == null ? "" : mesh.id()) + ":" + w.namespace();
            nsBounds.merge(key, r, Rect::union);
        }
        for (Map.Entry<String, Rect> e : nsBounds.entrySet()) {
            String key = e.getKey();
            String meshId = key.substring(0, key.indexOf(':'));
            String ns = key.substring(key.indexOf(':') + 1);
            Rect r = e.getValue().grow(NS_PAD, NS_HEADER, NS_PAD, NS_PAD);
            Box box = reuse.same(new Box("ns:" + key, NodeKind.NAMESPACE, r, ns,
                    meshId.isEmpty() ? "not in a mesh" : "member", meshId.isEmpty() ? null : meshId, ns, false));
            namespaces.add(box);
            byId.put(box.id(), box);
            if (!meshId.isEmpty()) {
                meshContent.merge(meshId, r, Rect::union);
            }
        }
        for (EgressGateway g : scenario.egressGateways()) {
            Position p = at.get(g.id());
            Mesh mesh = scenario.mesh(g.mesh()).orElse(null);
            String ns = g.namespace() != null ? g.namespace() : mesh != null ? mesh.namespace() : "";
            Rect r = new Rect(p.x(), p.y(), GATEWAY_W, GATEWAY_H);
            Box box = reuse.box(g.id(), g, p, ns,
                    () -> new Box(g.id(), NodeKind.EGRESS_GATEWAY, r, g.name(), ns, g.mesh(), ns, true));
            nodes.add(box);
            byId.put(g.id(), box);
            if (mesh != null) {
                meshContent.merge(mesh.id(), r, Rect::union);
            }
        }
        for (ExternalService e : scenario.externalServices()) {
            Box box = reuse.box(e.id(), e, at.get(e.id()), null, () -> serviceBox(e, at.get(e.id())));
            nodes.add(box);
            byId.put(e.id(), box);
        }
        for (Mesh m : scenario.meshes()) {
            Position p = at.get(m.id());
            Rect anchor = new Rect(p.x(), p.y(), MESH_MIN_W, MESH_MIN_H);
            Rect content = meshContent.get(m.id());
            Rect r = content == null ? anchor : anchor.union(content.grow(MESH_PAD, MESH_HEADER, MESH_PAD, MESH_PAD));
            String title = m.name() + "  (" + m.namespace() + ", " + m.version() + ")";
            String sub = m.outboundPolicy() + (m.mtls() ? " · mTLS STRICT" : " · mTLS PERMISSIVE")
                    + (m.autoMtls() ? " · auto mTLS" : "");
            Box box = reuse.same(new Box(m.id(), NodeKind.MESH, r, title, sub, null, m.namespace(), false));
            meshes.add(box);
            byId.put(m.id(), box);
        }
        List<Route> routes = new ArrayList<>();
        for (Link l : scenario.links()) {
            Box from = byId.get(l.from());
            Box to = byId.get(l.to());
            if (from != null && to != null) {
                Box via = l.via() == null ? null : byId.get(l.via());
                routes.add(reuse.route(l, from, to, via, () -> route(l, from, to, via)));
            }
        }
        reuse.done();
        Rect bounds = null;
        for (Box b : meshes) {
            bounds = b.rect().union(bounds);
        }
        for (Box b : nodes) {
            bounds = b.rect().union(bounds);
        }
        for (Box b : namespaces) {
            bounds = b.rect().union(bounds);
        }
        if (bounds == null) {
            bounds = new Rect(0, 0, 800, 600);
        }
        return new Diagram(meshes, namespaces, nodes, routes, byId, bounds);
    }

    private static Box serviceBox(ExternalService e, Position p) {
        boolean ingress = e.server().kind() == ServerKind.MESH_INGRESS;
        Rect r = new Rect(p.x(), p.y(), SERVICE_W, SERVICE_H);
        String host = e.primaryHost() == null ? "(no host)" : e.primaryHost();
        String sub = (ingress ? "ingress of " + (e.server().ingress() == null ? "?" : e.server().ingress().mesh())
                : e.server().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                + (e.registered() ? " · ServiceEntry" : " · not registered");
        return new Box(e.id(), ingress ? NodeKind.MESH_INGRESS : NodeKind.EXTERNAL_SERVICE, r, host, sub, null,
                e.namespace(), false);
    }

    private static Route route(Link l, Box from, Box to, Box via) {
        List<Hop> hops = new ArrayList<>();
        Rect fr = from.rect();
        double cy = fr.y() + fr.h() / 2;
        boolean appTls = l.app() == AppProtocol.HTTPS;
        Point start;
        if (from.sidecar()) {
            Point app = new Point(fr.maxX() - SIDECAR_W - 14, cy);
            start = new Point(fr.maxX(), cy);
            hops.add(new Hop(app, new Point(fr.maxX() - SIDECAR_W, cy), l.app().name(), appTls));
        } else {
            start = new Point(fr.maxX(), cy);
        }
        Point end = new Point(to.rect().x(), to.rect().y() + to.rect().h() / 2);
        if (via != null) {
            Point in = new Point(via.rect().x(), via.rect().y() + via.rect().h() / 2);
            Point out = new Point(via.rect().maxX(), via.rect().y() + via.rect().h() / 2);
            hops.add(hop(start, in, l.sidecarTls(), appTls, from.sidecar()));
            hops.add(hop(out, end, l.egressTls(), appTls, true));
        } else {
            hops.add(hop(start, end, l.sidecarTls(), appTls, from.sidecar()));
        }
        return new Route(l.id(), l.from(), l.to(), l.via(), hops);
    }

    /** A proxy hop as designed: the TLS the proxy originates, else the app's own TLS, else plaintext. */
    private static Hop hop(Point a, Point b, Origination tls, boolean appTls, boolean proxy) {
        if (proxy && tls != null && tls.mode() != TlsMode.DISABLE) {
            return new Hop(a, b, tls.mode().name(), true);
        }
        return new Hop(a, b, appTls ? "APP_TLS" : "NONE", appTls);
    }

    /** The topmost element at a world point: a node, else a namespace, else a mesh; null for empty canvas. */
    public static Box hit(Diagram d, double x, double y) {
        for (int i = d.nodes().size() - 1; i >= 0; i--) {
            if (d.nodes().get(i).rect().contains(x, y)) {
                return d.nodes().get(i);
            }
        }
        for (int i = d.namespaces().size() - 1; i >= 0; i--) {
            if (d.namespaces().get(i).rect().contains(x, y)) {
                return d.namespaces().get(i);
            }
        }
        for (int i = d.meshes().size() - 1; i >= 0; i--) {
            if (d.meshes().get(i).rect().contains(x, y)) {
                return d.meshes().get(i);
            }
        }
        return null;
    }
}
