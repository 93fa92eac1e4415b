package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ES0030: two VirtualServices bound to the mesh for the same host that the same clients see (one namespace, or both
 * exported beyond their own): istioctl's "conflicting mesh gateway VirtualService hosts". Sidecars take one of them,
 * and which one is not something a reader of either can tell.
 */
final class ConflictingMeshVirtualServiceAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "virtualservice.ConflictingMeshHosts";
    }

    @Override
    public String description() {
        return "VirtualServices bound to the mesh that name the same host for the same clients";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.CONFLICTING_MESH_VIRTUAL_SERVICES);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        Map<String, List<Rules.Vs>> byHost = new LinkedHashMap<>();
        for (Rules.Vs vs : view.index(cp).virtualServices()) {
            if (vs.boundToMesh()) {
                vs.hosts().forEach(h -> byHost.computeIfAbsent(h, k -> new ArrayList<>()).add(vs));
            }
        }
        byHost.forEach((host, services) -> {
            for (int i = 1; i < services.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (sameClients(services.get(i), services.get(j))) {
                        Rules.Vs later = services.get(i);
                        report.accept(Finding.of(Messages.CONFLICTING_MESH_VIRTUAL_SERVICES, later.key(), "spec.hosts",
                                later.key() + " and " + services.get(j).key() + " both route host " + host
                                        + " for the mesh's sidecars: a sidecar uses one of them, and which is "
                                        + "undefined.",
                                "Merge the routes into one VirtualService for " + host + ", or narrow one's "
                                        + "exportTo to its own namespace."));
                        break;
                    }
                }
            }
        });
    }

    /** Whether a client could see both: one namespace, or both exported beyond their own. */
    private static boolean sameClients(Rules.Vs a, Rules.Vs b) {
        return a.namespace().equals(b.namespace()) || exportedWidely(a) && exportedWidely(b);
    }

    private static boolean exportedWidely(Rules.Vs vs) {
        return vs.exportTo().isEmpty() || vs.exportTo().contains("*");
    }
}
