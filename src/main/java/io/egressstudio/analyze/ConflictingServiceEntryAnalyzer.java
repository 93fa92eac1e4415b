package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** ES0011: several ServiceEntries for one host and the same namespaces; Istio keeps one and the others are ignored. */
final class ConflictingServiceEntryAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "serviceentry.Conflicting";
    }

    @Override
    public String description() {
        return "one host registered by several ServiceEntries visible to the same namespaces";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.CONFLICTING_SERVICE_ENTRIES);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        Set<String> seen = new LinkedHashSet<>();
        for (MeshService s : view.index(cp).services()) {
            if (s.kind() != MeshService.Kind.SERVICE_ENTRY || !seen.add(s.host())) {
                continue;
            }
            List<MeshService> same = new ArrayList<>();
            for (MeshService o : view.index(cp).servicesWithHost(s.host())) {
                if (o.kind() == MeshService.Kind.SERVICE_ENTRY && same.stream().noneMatch(x -> x.key().equals(o.key()))) {
                    same.add(o);
                }
            }
            for (int i = 1; i < same.size(); i++) {
                MeshService later = same.get(i);
                for (int j = 0; j < i; j++) {
                    if (sharedNamespace(cp, same.get(j), later) != null) {
                        report.accept(Finding.of(Messages.CONFLICTING_SERVICE_ENTRIES, later.key(), "spec.hosts",
                                later.host() + " is also registered by " + same.get(j).key() + " for namespace "
                                        + sharedNamespace(cp, same.get(j), later) + ": only one of them decides the "
                                        + "ports, protocols and resolution a client gets.",
                                "Keep one ServiceEntry per host, or separate them with exportTo."));
                        break;
                    }
                }
            }
        }
    }

    private static String sharedNamespace(ControlPlane cp, MeshService a, MeshService b) {
        for (String ns : cp.configNamespaces()) {
            if (a.visibleTo(ns) && b.visibleTo(ns)) {
                return ns;
            }
        }
        return null;
    }
}
