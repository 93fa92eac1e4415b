package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.WorkloadInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ES0032: a Sidecar whose workloadSelector matches no workload of its namespace, several Sidecars without a selector
 * in one namespace, or a workload several Sidecars select (istioctl: conflicting Sidecar workload selectors, multiple
 * Sidecars without workload selectors, selector matches no workloads). A workload has one Sidecar scope; with two,
 * which egress hosts and outbound policy apply is undefined. Only workloads the input describes are counted.
 */
final class SidecarSelectionAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "sidecar.Selection";
    }

    @Override
    public String description() {
        return "Sidecars that select no workload, or several Sidecars for one workload";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.SIDECAR_SELECTION);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        Map<String, List<Rules.Sc>> unselective = new LinkedHashMap<>();
        Map<String, List<Rules.Sc>> byWorkload = new LinkedHashMap<>();
        for (Rules.Sc sc : view.index(cp).sidecars()) {
            if (sc.selector().isEmpty()) {
                unselective.computeIfAbsent(sc.namespace(), n -> new ArrayList<>()).add(sc);
                continue;
            }
            List<WorkloadInfo> selected = view.workloadsIn(sc.namespace()).stream()
                    .filter(w -> w.selectedBy(sc.selector())).toList();
            if (selected.isEmpty() && !view.workloadsIn(sc.namespace()).isEmpty()) {
                report.accept(Finding.of(Messages.SIDECAR_SELECTION, sc.key(), "spec.workloadSelector.labels",
                        sc.key() + " selects " + sc.selector() + ", which no workload of " + sc.namespace()
                                + " carries: it scopes nothing.",
                        "Correct the labels to those of the workload's pod template, or remove the Sidecar."));
            }
            selected.forEach(w -> byWorkload.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(sc));
        }
        unselective.forEach((ns, list) -> {
            for (int i = 1; i < list.size(); i++) {
                report.accept(Finding.of(Messages.SIDECAR_SELECTION, list.get(i).key(), "spec.workloadSelector",
                        list.get(i).key() + " and " + list.get(0).key() + " both have no workloadSelector in " + ns
                                + ": each is the namespace's default, and which one applies is undefined.",
                        "Keep one Sidecar without a selector per namespace; give the others a workloadSelector."));
            }
        });
        byWorkload.forEach((workload, list) -> {
            for (int i = 1; i < list.size(); i++) {
                report.accept(Finding.of(Messages.SIDECAR_SELECTION, list.get(i).key(), "spec.workloadSelector.labels",
                        list.get(i).key() + " and " + list.get(0).key() + " both select " + workload
                                + ": which one scopes it is undefined.",
                        "Make the selectors select disjoint workloads, or merge the Sidecars."));
            }
        });
    }
}
