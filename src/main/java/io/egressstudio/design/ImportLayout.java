package io.egressstudio.design;

import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Position;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where an imported scenario's elements are drawn, since resources say nothing about it. */
final class ImportLayout {
    private ImportLayout() {
    }

    /** Meshes in a row on top; below, columns left to right: workloads, egress gateways, external services. */
    static Map<String, Position> of(Scenario scenario) {
        Map<String, Position> layout = new LinkedHashMap<>();
        List<String> meshIds = scenario.meshes().stream().map(Mesh::id).toList();
        for (int i = 0; i < meshIds.size(); i++) {
            layout.put(meshIds.get(i), new Position(40 + 320.0 * i, 40));
        }
        column(layout, scenario.workloads().stream().map(Workload::id).toList(), 80, 160);
        column(layout, scenario.egressGateways().stream().map(EgressGateway::id).toList(), 360, 160);
        column(layout, scenario.externalServices().stream().map(ExternalService::id).toList(), 640, 160);
        return layout;
    }

    private static void column(Map<String, Position> layout, List<String> ids, double x, double y) {
        for (int i = 0; i < ids.size(); i++) {
            layout.put(ids.get(i), new Position(x, y + 120.0 * i));
        }
    }
}
