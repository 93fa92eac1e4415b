package io.egressstudio.gui.canvas;

import java.util.List;
import java.util.Map;

/**
 * The scenario as the canvas draws it, in world coordinates: boxes for meshes, namespaces and nodes, and each link as
 * a chain of hops. Pure data, computed by {@link DiagramLayout}; the view only turns it into shapes.
 */
public record Diagram(List<Box> meshes, List<Box> namespaces, List<Box> nodes, List<Route> links,
                      Map<String, Box> byId, Rect bounds) {

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

        public boolean intersects(Rect o) {
            return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
        }
    }

    /**
     * A drawn box. {@code id} is the element id (for namespaces {@code ns:MESH:NAMESPACE}), {@code owner} the mesh a
     * namespace, workload or gateway belongs to (null outside any mesh).
     */
    public record Box(String id, NodeKind kind, Rect rect, String title, String subtitle, String owner,
                      String namespace, boolean sidecar) {
    }

    public record Point(double x, double y) {
    }

    /** One hop of a link: from a proxy (or the app) to the next, with what the design says protects it. */
    public record Hop(Point from, Point to, String label, boolean encrypted) {
    }

    public record Route(String id, String from, String to, String via, List<Hop> hops) {
    }

    public Box box(String id) {
        return byId.get(id);
    }
}
