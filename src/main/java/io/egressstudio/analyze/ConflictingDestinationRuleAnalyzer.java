package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** ES0012: two DestinationRules in one namespace for one host: one decides the TLS, the other is silently lost. */
final class ConflictingDestinationRuleAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "destinationrule.Conflicting";
    }

    @Override
    public String description() {
        return "several DestinationRules in one namespace for the same host";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.CONFLICTING_DESTINATION_RULES);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        Map<String, List<Rules.Dr>> byNamespaceHost = new LinkedHashMap<>();
        for (Rules.Dr dr : view.index(cp).destinationRules()) {
            if (!dr.implied() && dr.workloadSelector().isEmpty()) {
                byNamespaceHost.computeIfAbsent(dr.namespace() + "|" + dr.host(), k -> new ArrayList<>()).add(dr);
            }
        }
        for (List<Rules.Dr> rules : byNamespaceHost.values()) {
            for (int i = 1; i < rules.size(); i++) {
                report.accept(Finding.of(Messages.CONFLICTING_DESTINATION_RULES, rules.get(i).key(), "spec.host",
                        rules.get(i).key() + " and " + rules.get(0).key() + " both name host " + rules.get(i).host()
                                + " in " + rules.get(i).namespace() + ": only one rule's trafficPolicy applies to a "
                                + "client, and which one is not what a reader expects.",
                        "Merge them into one DestinationRule (subsets and portLevelSettings can live together)."));
            }
        }
    }
}
