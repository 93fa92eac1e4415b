package io.egressstudio.gui.canvas;

import static io.egressstudio.gui.canvas.DiagramLayout.BADGE;
import static io.egressstudio.gui.canvas.DiagramLayout.GATEWAY_H;
import static io.egressstudio.gui.canvas.DiagramLayout.GATEWAY_W;
import static io.egressstudio.gui.canvas.DiagramLayout.MAX_W;
import static io.egressstudio.gui.canvas.DiagramLayout.MESH_MIN_H;
import static io.egressstudio.gui.canvas.DiagramLayout.MESH_MIN_W;
import static io.egressstudio.gui.canvas.DiagramLayout.MESH_PAD;
import static io.egressstudio.gui.canvas.DiagramLayout.NS_HEADER;
import static io.egressstudio.gui.canvas.DiagramLayout.NS_PAD;
import static io.egressstudio.gui.canvas.DiagramLayout.PRESENTING_ASPECT;
import static io.egressstudio.gui.canvas.DiagramLayout.SERVICE_H;
import static io.egressstudio.gui.canvas.DiagramLayout.SERVICE_W;
import static io.egressstudio.gui.canvas.DiagramLayout.SIDECAR_W;
import static io.egressstudio.gui.canvas.DiagramLayout.WORKLOAD_H;
import static io.egressstudio.gui.canvas.DiagramLayout.WORKLOAD_W;
import static io.egressstudio.gui.canvas.DiagramLayout.labelGap;
import static io.egressstudio.gui.canvas.DiagramLayout.lockWidth;
import static io.egressstudio.gui.canvas.DiagramLayout.meshHeader;
import static io.egressstudio.gui.canvas.DiagramLayout.subtitleBaseline;

import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Fonts;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Peering;
import io.egressstudio.gui.canvas.Diagram.Point;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.canvas.DiagramLayout.Reuse;
import io.egressstudio.gui.canvas.PredictedPath.Derived;
import io.egressstudio.gui.canvas.PredictedPath.Station;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Federation;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One layout of a scenario (see {@link DiagramLayout}): boxes sized to their texts, each link's stations, derived
 * gateways, namespaces and meshes around their content, everything spread apart, then routes with placed labels.
 */
final class DiagramBuilder {
    private final Scenario scenario;
    private final Reuse reuse;
    private final Function<String, LinkPrediction> predictions;
    private final Fonts f;
    private final double s;
    private final Map<String, Position> at;
    private final Map<String, Mesh> meshOfNamespace = new HashMap<>();
    private final Map<String, Box> byId = new LinkedHashMap<>();
    /** Leaf boxes as first made (at the scenario's positions), then as placed. */
    private final Map<String, Box> made = new LinkedHashMap<>();
    private final Map<String, Spread.Item> items = new HashMap<>();
    private final Map<String, List<Station>> paths = new HashMap<>();
    private final Set<String> adjacent = new HashSet<>();
    private final TextMetrics.Measure measure;

    DiagramBuilder(Scenario scenario, Map<String, Position> overrides, Reuse reuse,
            Function<String, LinkPrediction> predictions, Fonts fonts, TextMetrics.Measure measure) {
        this.measure = measure;
        this.scenario = scenario;
        this.reuse = reuse;
        this.predictions = predictions;
        this.f = fonts;
        this.s = fonts.scale();
        Map<String, Position> all = new HashMap<>(AutoLayout.positions(scenario));
        all.putAll(overrides);
        if (fonts.presenting()) {
            // the scenario's positions only order the boxes: drawn larger, they are spread again (Spread)
            all.replaceAll((id, p) -> new Position(p.x() * 0.5, p.y() * s));
        }
        this.at = all;
        for (Mesh m : scenario.meshes()) {
            meshOfNamespace.putIfAbsent(m.namespace(), m);
            m.members().forEach(ns -> meshOfNamespace.putIfAbsent(ns, m));
        }
    }

    Diagram build() {
        for (Workload w : scenario.workloads()) {
            Mesh mesh = meshOfNamespace.get(w.namespace());
            // in an ambient mesh a workload "with a sidecar" has none: the ztunnel of its node captures its traffic
            boolean ambient = mesh != null && mesh.ambient() && Boolean.TRUE.equals(w.sidecar());
            boolean sidecar = mesh != null && !mesh.ambient() && Boolean.TRUE.equals(w.sidecar());
            String mode = sidecar ? "sidecar" : ambient ? "ambient" : "no sidecar";
            String sub = f.presenting() ? mode : w.namespace() + " · " + mode;
            Position p = at.get(w.id());
            leaf(reuse.box(w.id(), w, p, List.of(f, mesh == null ? "" : mesh.id(), ambient), () -> new Box(w.id(),
                    NodeKind.WORKLOAD, node(p, w.name(), sub, WORKLOAD_W, WORKLOAD_H, sidecar), w.name(), sub,
                    mesh == null ? null : mesh.id(), w.namespace(), sidecar)));
        }
        for (EgressGateway g : scenario.egressGateways()) {
            Mesh mesh = scenario.mesh(g.mesh()).orElse(null);
            String ns = g.namespace() != null ? g.namespace() : mesh != null ? mesh.namespace() : "";
            String title = g.name() != null ? g.name() : g.id();
            // a Gateway API gateway says so: its proxy is istiod's NAME-istio, configured by routes; in an ambient
            // mesh it is the waypoint the ServiceEntries use
            String api = mesh != null && mesh.ambient() ? " · waypoint" : g.usesGatewayApi() ? " · Gateway API" : "";
            String sub = (f.presenting() ? "egress gateway" : ns) + api;
            Position p = at.get(g.id());
            leaf(reuse.box(g.id(), g, p, List.of(f, ns, api), () -> new Box(g.id(), NodeKind.EGRESS_GATEWAY,
                    node(p, title, sub, GATEWAY_W, GATEWAY_H, false), title, sub, g.mesh(), ns, true)));
        }
        for (ExternalService e : scenario.externalServices()) {
            Position p = at.get(e.id());
            leaf(reuse.box(e.id(), e, p, f, () -> serviceBox(e, p)));
        }
        routesThrough();
        derivedBoxes();
        List<Spread.Item> top = arrange();
        List<Box> nodes = new ArrayList<>();
        for (Box b : made.values()) {
            Rect r = items.get(b.id()).rect;
            Box placed = r.equals(b.rect()) ? b : reuse.same(b.at(r));
            nodes.add(placed);
            byId.put(placed.id(), placed);
        }
        List<Box> namespaces = new ArrayList<>();
        List<Box> meshes = new ArrayList<>();
        groupBoxes(top, namespaces, meshes);
        List<Route> routes = routes();
        List<Peering> peerings = peerings();
        reuse.done();
        Rect bounds = null;
        for (Box b : meshes) {
            bounds = b.rect().grow(0, BADGE * s, BADGE * s, 0).union(bounds);
        }
        for (Box b : namespaces) {
            bounds = b.rect().union(bounds);
        }
        for (Box b : nodes) {
            bounds = b.rect().grow(0, BADGE * s, BADGE * s, 0).union(bounds);
        }
        for (Route r : routes) {
            for (Hop h : r.hops()) {
                if (h.labelBox() != null) {
                    bounds = h.labelBox().union(bounds);
                }
            }
            Hop last = r.hops().isEmpty() ? null : r.hops().get(r.hops().size() - 1);
            if (last != null && last.labelBox() != null) {
                // a link's badges ("!" and "new") go across its last line from the label
                bounds = DiagramLayout.linkBadges(last, 5 * f.label(), 1.5 * f.label(), 4 * s).union(bounds);
            }
        }
        if (bounds == null) {
            bounds = new Rect(0, 0, 800, 600);
        }
        return new Diagram(meshes, namespaces, nodes, routes, byId, bounds, peerings, f);
    }

    private void leaf(Box b) {
        made.put(b.id(), b);
    }

    /** A box at p sized to its title (after the icon) and subtitle, within the minimum and maximum widths. */
    private Rect node(Position p, String title, String sub, double minW, double minH, boolean sidecar) {
        double extra = sidecar ? SIDECAR_W * s : 0;
        // presenting, boxes are as wide as their texts: width is what limits the text size
        double w = Math.max(minW * s * (f.presenting() ? 0.5 : 1), Math.max(measure.width(title, f.title(), true) + 36 * s,
                measure.width(sub, f.subtitle(), false) + 20 * s) + extra);
        double h = Math.max(f.presenting() ? 0 : minH * s, subtitleBaseline(f) + 0.5 * f.subtitle() + (f.presenting() ? 5 : 8) * s);
        return new Rect(p.x(), p.y(), Math.min(w, MAX_W * s), h);
    }

    private Box serviceBox(ExternalService e, Position p) {
        boolean ingress = e.server().kind() == ServerKind.MESH_INGRESS;
        String host = e.primaryHost() == null ? "(no host)" : e.primaryHost();
        String where = ingress ? "ingress of " + (e.server().ingress() == null ? "?" : e.server().ingress().mesh())
                : e.server().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String registered = e.registered() ? "ServiceEntry" : "not registered";
        String sub = f.presenting() ? (ingress ? where : registered) : where + " · " + registered;
        return new Box(e.id(), ingress ? NodeKind.MESH_INGRESS : NodeKind.EXTERNAL_SERVICE,
                node(p, host, sub, SERVICE_W, SERVICE_H, false), host, sub, null, e.namespace(), false);
    }

    // ---- paths --------------------------------------------------------------------------------------------

    /** Each link's stations: along its predicted hops when predicted, else as designed (from, via, to). */
    private void routesThrough() {
        PredictedPath resolver = null;
        for (Link l : scenario.links()) {
            if (!made.containsKey(l.from()) || !made.containsKey(l.to())) {
                continue;
            }
            LinkPrediction p = predictions.apply(l.id());
            List<Station> stations;
            if (p != null && !p.hops().isEmpty()) {
                PredictedPath[] lazy = {resolver};
                stations = reuse.stations(l, p, () -> {
                    lazy[0] = lazy[0] == null ? new PredictedPath(scenario) : lazy[0];
                    List<Station> found = lazy[0].stations(l, p);
                    found.removeIf(st -> st.derived() == null && !made.containsKey(st.id()));
                    return found;
                });
                resolver = lazy[0];
            } else {
                stations = designed(l);
            }
            paths.put(l.id(), stations);
            for (int i = 1; i < stations.size(); i++) {
                adjacent.add(pair(stations.get(i - 1).id(), stations.get(i).id()));
            }
        }
    }

    private List<Station> designed(Link l) {
        boolean appTls = l.app() == AppProtocol.HTTPS;
        boolean sidecar = made.get(l.from()).sidecar();
        List<Station> out = new ArrayList<>();
        out.add(new Station(l.from(), null, null));
        if (l.via() != null && made.containsKey(l.via())) {
            out.add(new Station(l.via(), null, designedTls(l.sidecarTls(), appTls, sidecar)));
            out.add(new Station(l.to(), null, designedTls(l.egressTls(), appTls, true)));
        } else {
            out.add(new Station(l.to(), null, designedTls(l.sidecarTls(), appTls, sidecar)));
        }
        return out;
    }

    /** A proxy hop as designed: the TLS the proxy originates, else the app's own TLS, else plaintext. */
    private static String designedTls(Origination tls, boolean appTls, boolean proxy) {
        if (proxy && tls != null && tls.mode() != TlsMode.DISABLE) {
            return tls.mode().name();
        }
        return appTls ? "APP_TLS" : "NONE";
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /**
     * The proxies the predictions pass through that the scenario does not draw, each inside its mesh: beside the
     * mesh's content on the side of the path's neighbour outside the mesh, level with its neighbour inside.
     */
    private void derivedBoxes() {
        Map<String, Derived> derived = new LinkedHashMap<>();
        Map<String, String[]> neighbours = new HashMap<>();
        for (List<Station> path : paths.values()) {
            for (int i = 0; i < path.size(); i++) {
                Station st = path.get(i);
                if (st.derived() != null && derived.putIfAbsent(st.id(), st.derived()) == null) {
                    neighbours.put(st.id(), new String[] {path.get(i - 1).id(),
                            i + 1 < path.size() ? path.get(i + 1).id() : null});
                }
            }
        }
        Map<String, Rect> content = new HashMap<>();
        for (Box b : made.values()) {
            if (b.owner() != null) {
                content.merge(b.owner(), b.rect(), Rect::union);
            }
        }
        Set<String> federated = new HashSet<>();
        for (Federation fed : scenario.federations()) {
            federated.addAll(fed.meshes());
        }
        for (Derived d : derived.values()) {
            Rect c = content.get(d.mesh());
            if (c == null) {
                Position p = at.get(d.mesh());
                c = p == null ? new Rect(0, 0, 1, 1) : new Rect(p.x() + meshPad(), p.y() + meshHeader(f), 1, 1);
            }
            boolean federation = federated.contains(d.mesh()) && !d.name().startsWith("istio-");
            String title = d.name();
            String sub = d.role(federation);
            Rect size = node(new Position(0, 0), title, sub, GATEWAY_W * 0.8, GATEWAY_H, false);
            String[] n = neighbours.get(d.id());
            String outside = !inMesh(n[0], d.mesh()) ? n[0] : n[1] != null && !inMesh(n[1], d.mesh()) ? n[1] : null;
            String inside = inMesh(n[0], d.mesh()) ? n[0] : n[1] != null && inMesh(n[1], d.mesh()) ? n[1] : null;
            Rect out = centre(outside, content);
            boolean right = out == null || out.centerX() >= c.centerX();
            Rect in = centre(inside, content);
            double y = in != null ? in.centerY() - size.h() / 2 : c.y();
            double x = right ? c.maxX() + labelGap(f, measure) : c.x() - labelGap(f, measure) - size.w();
            Rect r = new Rect(x, y, size.w(), size.h());
            leaf(reuse.same(new Box(d.id(), d.ingress() ? NodeKind.MESH_INGRESS : NodeKind.EGRESS_GATEWAY, r,
                    title, sub, d.mesh(), null, true, true)));
            content.merge(d.mesh(), r, Rect::union);
        }
    }

    private boolean inMesh(String id, String mesh) {
        if (id == null) {
            return false;
        }
        Box b = made.get(id);
        return b != null ? mesh.equals(b.owner()) : id.startsWith("gw:" + mesh + ":");
    }

    private Rect centre(String id, Map<String, Rect> content) {
        if (id == null) {
            return null;
        }
        Box b = made.get(id);
        if (b != null) {
            return b.rect();
        }
        String mesh = id.startsWith("gw:") ? id.substring(3, id.indexOf(':', 3)) : null;
        return mesh == null ? null : content.get(mesh);
    }

    // ---- arranging ----------------------------------------------------------------------------------------

    /** Groups boxes into namespaces and meshes and spreads every level apart, innermost first. */
    private List<Spread.Item> arrange() {
        Map<String, Spread.Item> meshItems = new LinkedHashMap<>();
        for (Mesh m : scenario.meshes()) {
            Position p = at.get(m.id());
            Spread.Item item = new Spread.Item(m.id(), null);
            // presenting, an empty mesh is its header: its title sets its width (see enclose)
            item.floor = f.presenting() ? new Rect(p.x(), p.y(), 1, meshHeader(f) + 12 * s)
                    : new Rect(p.x(), p.y(), MESH_MIN_W * s, MESH_MIN_H * s);
            item.order = p.x();
            meshItems.put(m.id(), item);
        }
        Map<String, Spread.Item> nsItems = new LinkedHashMap<>();
        List<Spread.Item> top = new ArrayList<>();
        for (Box b : made.values()) {
            Spread.Item leaf = new Spread.Item(b.id(), b.rect());
            items.put(b.id(), leaf);
            if (b.kind() == NodeKind.WORKLOAD) {
                String key = "ns:" + (b.owner() == null ? "" : b.owner()) + ":" + b.namespace();
                nsItems.computeIfAbsent(key, k -> new Spread.Item(k, null)).children.add(leaf);
            } else if (b.owner() != null && meshItems.containsKey(b.owner())) {
                meshItems.get(b.owner()).children.add(leaf);
            } else {
                top.add(leaf);
            }
        }
        for (Spread.Item ns : nsItems.values()) {
            if (f.presenting()) {
                column(ns.children, ns.children.get(0).rect.x(), ns.children.get(0).rect.y(), 12 * s);
            }
            spread(ns.children, 8 * s);
            String name = ns.id.substring(ns.id.indexOf(':', 3) + 1);
            boolean member = ns.id.charAt(3) != ':';
            String nsSub = namespaceSubtitle(member);
            double titleW = 28 * s + measure.width(name, f.title(), true) + 8 * s
                    + (nsSub.isEmpty() ? 0 : measure.width(nsSub, f.subtitle(), false) + 8 * s);
            ns.enclose(nsPad(), NS_HEADER * s, nsPad(), nsPad(), titleW);
            String mesh = ns.id.substring(3, ns.id.indexOf(':', 3));
            (mesh.isEmpty() || !meshItems.containsKey(mesh) ? top : meshItems.get(mesh).children).add(ns);
            items.put(ns.id, ns);
        }
        for (Mesh m : scenario.meshes()) {
            Spread.Item item = meshItems.get(m.id());
            if (f.presenting()) {
                column(item.children, item.floor.x() + meshPad(), item.floor.y() + meshHeader(f), 22 * s);
            }
            spread(item.children, 8 * s);
            double minW = Math.max(36 * s + measure.width(meshTitle(m), f.title(), true),
                    20 * s + widestLine(meshSubtitle(m), f.subtitle()));
            item.enclose(meshPad(), meshHeader(f), meshPad(), meshPad(), minW);
            top.add(item);
            items.put(m.id(), item);
        }
        Set<String> bypassed = bypassed();
        List<Spread.Item> inPlace = new ArrayList<>(top);
        inPlace.removeIf(i -> bypassed.contains(i.id));
        Spread.apart(inPlace, labelGap(f, measure), 12 * s, (a, b) -> joined(a, b) ? labelGap(f, measure) : (f.presenting() ? 16 : 24) * s,
                f.presenting() ? PRESENTING_ASPECT : 0);
        bypassedBelow(top, bypassed);
        if (f.presenting()) {
            meshItems.values().forEach(this::enteredFromBelow);
        }
        return top;
    }

    /**
     * Presenting: a mesh whose path comes in from below (its predecessor lies lower than the mesh's middle) has
     * its column turned upside down, so the hop enters at the bottom instead of crossing the column.
     */
    private void enteredFromBelow(Spread.Item mesh) {
        for (List<Station> path : paths.values()) {
            for (int i = 1; i < path.size(); i++) {
                Spread.Item here = items.get(path.get(i).id());
                Spread.Item before = items.get(path.get(i - 1).id());
                if (here == null || before == null || !inMesh(path.get(i).id(), mesh.id)
                        || inMesh(path.get(i - 1).id(), mesh.id)) {
                    continue;
                }
                if (before.rect.centerY() > mesh.rect.centerY() && mesh.children.size() > 1) {
                    List<Spread.Item> units = new ArrayList<>(mesh.children);
                    units.sort(java.util.Comparator.comparingDouble(u -> -u.rect.y()));
                    double top = units.get(units.size() - 1).rect.y();
                    double bottom = units.get(0).rect.maxY();
                    for (Spread.Item u : units) {
                        // mirror each unit's place in the column
                        u.translate(0, top + bottom - u.rect.maxY() - u.rect.y());
                    }
                }
                return;
            }
        }
    }

    /**
     * Presenting, the width of the canvas limits the text size most: each mesh's content is one column, in the
     * order the links' paths pass through it (a hop then runs down, labelled beside it), centred.
     */
    private void column(List<Spread.Item> units, double x, double y, double gap) {
        Map<String, Integer> order = new HashMap<>();
        for (List<Station> path : paths.values()) {
            for (Station st : path) {
                order.putIfAbsent(st.id(), order.size());
            }
        }
        List<Spread.Item> sorted = new ArrayList<>(units);
        sorted.sort(java.util.Comparator.comparingInt((Spread.Item u) -> {
            List<Spread.Item> leaves = new ArrayList<>();
            u.leaves(leaves);
            return leaves.stream().mapToInt(l -> order.getOrDefault(l.id, Integer.MAX_VALUE)).min().orElse(0);
        }).thenComparingDouble(u -> u.rect.y()).thenComparingDouble(u -> u.rect.x()));
        double width = 0;
        for (Spread.Item u : sorted) {
            width = Math.max(width, u.rect.w());
        }
        double cursor = y;
        for (Spread.Item u : sorted) {
            u.translate(x + (width - u.rect.w()) / 2 - u.rect.x(), cursor - u.rect.y());
            cursor += u.rect.h() + gap;
        }
    }

    /**
     * A link's destination that its predicted path does not pass through (an imported service's alias: the
     * request goes to the peer's federation gateways) is moved below everything else, out of the path's way.
     */
    private Set<String> bypassed() {
        Set<String> onPaths = new HashSet<>();
        Set<String> bypassed = new HashSet<>();
        for (Link l : scenario.links()) {
            List<Station> path = paths.get(l.id());
            if (path != null) {
                path.forEach(st -> onPaths.add(st.id()));
                if (path.stream().noneMatch(st -> st.id().equals(l.to()))) {
                    bypassed.add(l.to());
                }
            }
        }
        bypassed.removeAll(onPaths);
        return bypassed;
    }

    private void bypassedBelow(List<Spread.Item> top, Set<String> bypassed) {
        if (bypassed.isEmpty()) {
            return;
        }
        double bottom = Double.NEGATIVE_INFINITY;
        double left = Double.POSITIVE_INFINITY;
        for (Spread.Item item : top) {
            if (!bypassed.contains(item.id)) {
                bottom = Math.max(bottom, item.rect.maxY());
                left = Math.min(left, item.rect.x());
            }
        }
        double y = bottom + 24 * s;
        for (Spread.Item item : top) {
            if (bypassed.contains(item.id) && Double.isFinite(bottom)) {
                item.translate(left - item.rect.x(), y - item.rect.y());
                left += item.rect.w() + 24 * s;
            }
        }
    }

    private void spread(List<Spread.Item> list, double vgap) {
        double labelGap = labelGap(f, measure);
        double base = 24 * s;
        Spread.apart(list, labelGap, vgap, (a, b) -> joined(a, b) ? labelGap : base, 0);
    }

    /** Whether a hop joins a box of one item to a box of the other. */
    private boolean joined(Spread.Item a, Spread.Item b) {
        if (adjacent.isEmpty()) {
            return false;
        }
        List<Spread.Item> la = new ArrayList<>();
        List<Spread.Item> lb = new ArrayList<>();
        a.leaves(la);
        b.leaves(lb);
        for (Spread.Item x : la) {
            for (Spread.Item y : lb) {
                if (adjacent.contains(pair(x.id, y.id))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void groupBoxes(List<Spread.Item> top, List<Box> namespaces, List<Box> meshes) {
        for (Map.Entry<String, Spread.Item> e : items.entrySet()) {
            String id = e.getKey();
            if (!id.startsWith("ns:")) {
                continue;
            }
            String mesh = id.substring(3, id.indexOf(':', 3));
            String ns = id.substring(id.indexOf(':', 3) + 1);
            Box box = reuse.same(new Box(id, NodeKind.NAMESPACE, e.getValue().rect, ns,
                    namespaceSubtitle(!mesh.isEmpty()), mesh.isEmpty() ? null : mesh, ns, false));
            namespaces.add(box);
        }
        namespaces.sort(java.util.Comparator.comparing(Box::id));
        namespaces.forEach(b -> byId.put(b.id(), b));
        for (Mesh m : scenario.meshes()) {
            Box box = reuse.same(new Box(m.id(), NodeKind.MESH, items.get(m.id()).rect, meshTitle(m),
                    meshSubtitle(m), null, m.namespace(), false));
            meshes.add(box);
            byId.put(m.id(), box);
        }
    }

    /**
     * The room between a group's border and its content. Presenting, it is narrower: a presenter's canvas is as wide
     * as the drawing, and every unit of padding is text size lost.
     */
    private double meshPad() {
        return (f.presenting() ? 10 : MESH_PAD) * s;
    }

    private double nsPad() {
        return (f.presenting() ? 7 : NS_PAD) * s;
    }

    private String namespaceSubtitle(boolean member) {
        return f.presenting() ? "" : member ? "member" : "not in a mesh";
    }

    private String meshTitle(Mesh m) {
        return f.presenting() ? m.name() : m.name() + "  (" + m.namespace() + ", " + m.flavour().label(m.version()) + ")";
    }

    /** Presenting, on two lines: on one, the subtitle made a mesh wider than its content (decision 0017). */
    private String meshSubtitle(Mesh m) {
        return m.outboundPolicy() + (f.presenting() ? "\n" : " · ") + (m.mtls() ? "mTLS STRICT" : "mTLS PERMISSIVE")
                + (m.autoMtls() ? " · auto mTLS" : "")
                // presenting, the workloads say "ambient": a longer line would make every text of the canvas smaller
                + (m.ambient() && !f.presenting() ? " · ambient (ztunnel)" : "");
    }

    private double widestLine(String text, double size) {
        double widest = 0;
        for (String line : text.split("\n")) {
            widest = Math.max(widest, measure.width(line, size, false));
        }
        return widest;
    }

    // ---- routes -------------------------------------------------------------------------------------------

    private List<Route> routes() {
        LabelPlacer labels = new LabelPlacer(byId.values(), f);
        List<Route> routes = new ArrayList<>();
        for (Link l : scenario.links()) {
            List<Station> path = paths.get(l.id());
            if (path == null) {
                continue;
            }
            List<Box> stations = new ArrayList<>();
            for (Station st : path) {
                stations.add(byId.get(st.id()));
            }
            LinkPrediction p = predictions.apply(l.id());
            boolean predicted = p != null && !p.hops().isEmpty();
            Route r = reuse.route(l, predicted ? p : null, stations, f,
                    () -> route(l, path, stations, predicted, labels));
            for (Hop h : r.hops()) {
                labels.taken(h.labelBox());
            }
            routes.add(r);
        }
        return routes;
    }

    private Route route(Link l, List<Station> path, List<Box> stations, boolean predicted, LabelPlacer labels) {
        List<Hop> hops = new ArrayList<>();
        Box from = stations.get(0);
        Rect fr = from.rect();
        if (from.sidecar()) {
            double cy = fr.centerY();
            hops.add(new Hop(new Point(fr.maxX() - SIDECAR_W * s - 14 * s, cy),
                    new Point(fr.maxX() - SIDECAR_W * s, cy), l.app().name(), l.app() == AppProtocol.HTTPS));
        }
        for (int i = 1; i < stations.size(); i++) {
            Point[] ends = ends(stations.get(i - 1).rect(), stations.get(i).rect());
            String label = path.get(i).encryption();
            boolean encrypted = !"NONE".equals(label);
            hops.add(new Hop(ends[0], ends[1], label, encrypted,
                    labels.place(ends[0], ends[1], labelWidth(label, encrypted), TextMetrics.height(f.label()), s)));
        }
        List<String> ids = new ArrayList<>();
        stations.forEach(b -> ids.add(b.id()));
        return new Route(l.id(), l.from(), l.to(), l.via(), hops, List.copyOf(ids), predicted);
    }

    private double labelWidth(String label, boolean encrypted) {
        return (encrypted ? lockWidth(f) : 0) + measure.width(label, f.label(), false);
    }

    /** Where a hop leaves one box and enters the next: their facing sides. */
    private static Point[] ends(Rect a, Rect b) {
        if (b.x() >= a.maxX() - 1) {
            return new Point[] {new Point(a.maxX(), a.centerY()), new Point(b.x(), b.centerY())};
        }
        if (b.maxX() <= a.x() + 1) {
            return new Point[] {new Point(a.x(), a.centerY()), new Point(b.maxX(), b.centerY())};
        }
        if (b.y() >= a.maxY()) {
            return new Point[] {new Point(a.centerX(), a.maxY()), new Point(b.centerX(), b.y())};
        }
        return new Point[] {new Point(a.centerX(), a.y()), new Point(b.centerX(), b.maxY())};
    }

    /** A line between the facing sides of each federation's two meshes, low in them (hops cross higher up). */
    private List<Peering> peerings() {
        List<Peering> out = new ArrayList<>();
        for (Federation fed : scenario.federations()) {
            if (fed.meshes().size() < 2) {
                continue;
            }
            Box a = byId.get(fed.meshes().get(0));
            Box b = byId.get(fed.meshes().get(1));
            if (a == null || b == null || a.kind() != NodeKind.MESH || b.kind() != NodeKind.MESH) {
                continue;
            }
            Rect ra = a.rect();
            Rect rb = b.rect();
            if (rb.x() >= ra.maxX() || ra.x() >= rb.maxX()) {
                double y = Math.max(Math.max(ra.y(), rb.y()) + meshHeader(f),
                        Math.min(ra.maxY(), rb.maxY()) - 16 * s);
                boolean right = rb.x() >= ra.maxX();
                out.add(new Peering(fed.id(), a.id(), b.id(), new Point(right ? ra.maxX() : ra.x(), y),
                        new Point(right ? rb.x() : rb.maxX(), y)));
            } else {
                Point[] e = ends(ra, rb);
                out.add(new Peering(fed.id(), a.id(), b.id(), e[0], e[1]));
            }
        }
        return out;
    }
}
