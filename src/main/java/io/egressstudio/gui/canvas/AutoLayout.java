package io.egressstudio.gui.canvas;

import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Position;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Positions for every workload, gateway, external service and mesh: the scenario's own where it has them, and for
 * the rest (imported scenarios have none) a tidy arrangement: meshes stacked on the left with one row of workloads
 * per namespace and their gateways on the right, workloads outside any mesh below, external services in a column to
 * the right of everything.
 */
public final class AutoLayout {
    static final double COL = 200;
    static final double ROW = 96;
    static final double LEFT = 40;
    static final double TOP = 40;

    private AutoLayout() {
    }

    public static Map<String, Position> positions(Scenario s) {
        Map<String, Position> layout = s.layout();
        Map<String, Position> at = new HashMap<>(layout);
        double nextY = TOP;
        double right = LEFT;
        for (Position p : layout.values()) {
            right = Math.max(right, p.x() + DiagramLayout.SERVICE_W);
        }
        Map<String, Mesh> meshOf = new HashMap<>();
        for (Mesh m : s.meshes()) {
            meshOf.putIfAbsent(m.namespace(), m);
            m.members().forEach(ns -> meshOf.putIfAbsent(ns, m));
        }
        Map<String, Map<String, List<Workload>>> byMesh = new LinkedHashMap<>();
        List<Workload> outside = new ArrayList<>();
        for (Workload w : s.workloads()) {
            Mesh m = meshOf.get(w.namespace());
            if (m == null) {
                outside.add(w);
            } else {
                byMesh.computeIfAbsent(m.id(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
            }
        }
        for (Position p : layout.values()) {
            nextY = Math.max(nextY, p.y() + ROW + 40);
        }
        if (layout.isEmpty()) {
            nextY = TOP;
        }
        for (Mesh m : s.meshes()) {
            Position anchor = at.get(m.id());
            if (anchor == null) {
                anchor = new Position(LEFT, nextY);
                at.put(m.id(), anchor);
            }
            double y = anchor.y() + DiagramLayout.MESH_HEADER + DiagramLayout.NS_HEADER + 10;
            double maxX = anchor.x() + DiagramLayout.MESH_MIN_W;
            for (List<Workload> row : byMesh.getOrDefault(m.id(), Map.of()).values()) {
                double x = anchor.x() + DiagramLayout.MESH_PAD + DiagramLayout.NS_PAD + 4;
                boolean placed = false;
                for (Workload w : row) {
                    if (!at.containsKey(w.id())) {
                        at.put(w.id(), new Position(x, y));
                        placed = true;
                    }
                    Position p = at.get(w.id());
                    maxX = Math.max(maxX, p.x() + DiagramLayout.WORKLOAD_W);
                    x += COL;
                }
                if (placed) {
                    y += ROW;
                }
            }
            double gy = anchor.y() + DiagramLayout.MESH_HEADER + 6;
            for (EgressGateway g : s.egressGateways()) {
                if (m.id().equals(g.mesh()) && !at.containsKey(g.id())) {
                    at.put(g.id(), new Position(maxX + 40, gy));
                    gy += DiagramLayout.GATEWAY_H + 24;
                }
            }
            nextY = Math.max(Math.max(y, gy), anchor.y() + DiagramLayout.MESH_MIN_H) + 60;
            right = Math.max(right, maxX + 40 + DiagramLayout.GATEWAY_W + 40);
        }
        for (EgressGateway g : s.egressGateways()) {
            if (!at.containsKey(g.id())) {
                at.put(g.id(), new Position(LEFT, nextY));
                nextY += ROW;
            }
        }
        Map<String, List<Workload>> outsideByNs = new LinkedHashMap<>();
        outside.forEach(w -> outsideByNs.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w));
        for (List<Workload> row : outsideByNs.values()) {
            double x = LEFT + DiagramLayout.NS_PAD;
            boolean placed = false;
            for (Workload w : row) {
                if (!at.containsKey(w.id())) {
                    at.put(w.id(), new Position(x, nextY + DiagramLayout.NS_HEADER));
                    placed = true;
                }
                right = Math.max(right, at.get(w.id()).x() + DiagramLayout.WORKLOAD_W);
                x += COL;
            }
            if (placed) {
                nextY += ROW + 20;
            }
        }
        for (Position p : at.values()) {
            right = Math.max(right, p.x() + DiagramLayout.WORKLOAD_W);
        }
        double sx = right + 120;
        double sy = TOP;
        for (ExternalService e : s.externalServices()) {
            if (!at.containsKey(e.id())) {
                at.put(e.id(), new Position(sx, sy));
                sy += DiagramLayout.SERVICE_H + 36;
            }
        }
        return at;
    }
}
