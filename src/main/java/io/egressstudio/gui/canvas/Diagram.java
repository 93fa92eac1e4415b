package io.egressstudio.gui.canvas;

import java.util.List;
import java.util.Map;

/**
 * The scenario as the canvas draws it, in world coordinates: boxes for meshes, namespaces and nodes, each link as a
 * chain of hops (along its predicted path when there is a prediction), and federation peerings between meshes. Pure
 * data, computed by {@link DiagramLayout}; the view only turns it into shapes.
 *
 * @param bounds   everything drawn, boxes, hop labels and badges included (what Fit shows)
 * @param peerings federations, drawn as a line between their two meshes
 * @param fonts    the text sizes the boxes were sized for
 */
public record Diagram(List<Box> meshes, List<Box> namespaces, List<Box> nodes, List<Route> links,
                      Map<String, Box> byId, Rect bounds, List<Peering> peerings, Fonts fonts) {

    public record Rect(double x, double y, double w, double h) {
        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }

        public double maxX() {
            return x + w;
        }

        public double maxY() {
            return y + h;
        }

        public double centerX() {
            return x + w / 2;
        }

        public double centerY() {
            return y + h / 2;
        }

        public Rect union(Rect o) {
            if (o == null) {
                return this;
            }
            double nx = Math.min(x, o.x);
            double ny = Math.min(y, o.y);
            return new Rect(nx, ny, Math.max(maxX(), o.maxX()) - nx, Math.max(maxY(), o.maxY()) - ny);
        }

        public Rect grow(double left, double top, double right, double bottom) {
            return new Rect(x - left, y - top, w + left + right, h + top + bottom);
        }

        public Rect moved(double dx, double dy) {
            return new Rect(x + dx, y + dy, w, h);
        }

        public boolean intersects(Rect o) {
            return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
        }
    }

    /**
     * A drawn box. {@code id} is the element id (for namespaces {@code ns:MESH:NAMESPACE}, for proxies that are no
     * element {@code gw:MESH:NAME}), {@code owner} the mesh a namespace, workload or gateway belongs to (null outside
     * any mesh). {@code derived}: a proxy the prediction passes through that the scenario does not draw (a federation
     * gateway, another mesh's ingress gateway); selecting it selects its mesh.
     */
    public record Box(String id, NodeKind kind, Rect rect, String title, String subtitle, String owner,
                      String namespace, boolean sidecar, boolean derived) {
        public Box(String id, NodeKind kind, Rect rect, String title, String subtitle, String owner, String namespace,
                   boolean sidecar) {
            this(id, kind, rect, title, subtitle, owner, namespace, sidecar, false);
        }

        /** The element a click on this box selects: the mesh of a namespace or derived gateway, else itself. */
        public String elementId() {
            return kind == NodeKind.NAMESPACE || derived ? owner : id;
        }

        Box at(Rect r) {
            return new Box(id, kind, r, title, subtitle, owner, namespace, sidecar, derived);
        }
    }

    public record Point(double x, double y) {
    }

    /**
     * One hop of a link: from a proxy (or the app) to the next, with what protects it. {@code labelBox} is where its
     * label (and lock) goes, clear of every node box; null for the app → sidecar hop inside the workload box.
     */
    public record Hop(Point from, Point to, String label, boolean encrypted, Rect labelBox) {
        public Hop(Point from, Point to, String label, boolean encrypted) {
            this(from, to, label, encrypted, null);
        }
    }

    /**
     * A link as drawn. {@code stations}: the ids of the boxes it passes through, in order (its workload first);
     * {@code predicted}: drawn along the predicted hops rather than as designed.
     */
    public record Route(String id, String from, String to, String via, List<Hop> hops, List<String> stations,
                        boolean predicted) {
        public Route(String id, String from, String to, String via, List<Hop> hops) {
            this(id, from, to, via, hops, List.of(from, to), false);
        }
    }

    /** A federation between two meshes: a line between their boxes. */
    public record Peering(String id, String meshA, String meshB, Point from, Point to) {
    }

    /**
     * Text sizes in world units. {@code scale} multiplies every size of the layout (fonts, boxes, gaps);
     * {@code presenting}: short sub-labels for an audience.
     */
    public record Fonts(double title, double subtitle, double label, double scale, boolean presenting) {
        public static final Fonts NORMAL = of(1, false);

        /** Presenting, titles are as large as the rest (bold tells them apart): every text is as small as can be read. */
        public static Fonts of(double scale, boolean presenting) {
            return new Fonts((presenting ? 10 : 12) * scale, 10 * scale, 10 * scale, scale, presenting);
        }

        /** The smallest text: what must stay readable on screen. */
        public double smallest() {
            return Math.min(title, Math.min(subtitle, label));
        }
    }

    public Box box(String id) {
        return byId.get(id);
    }
}
