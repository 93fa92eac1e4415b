package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0028: a DestinationRule whose host covers no service of its mesh (a Kubernetes Service of a member namespace or a
 * ServiceEntry). Istio applies a rule to the clusters of the services whose host it matches; with none, its traffic
 * policy (the TLS a user meant to originate, say) applies to nothing. Like istioctl's check of rules for unknown
 * hosts; a rule for a host more specific than a wildcard entry (api.example.com for *.example.com) does not apply to
 * that entry either, since a rule matches services by their host.
 */
final class UnknownHostDestinationRuleAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "destinationrule.UnknownHost";
    }

    @Override
    public String description() {
        return "DestinationRules whose host covers no service of the mesh";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.DESTINATION_RULE_UNKNOWN_HOST);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        MeshIndex index = view.index(cp);
        for (Rules.Dr dr : index.destinationRules()) {
            if (dr.implied() || dr.host() == null) {
                continue;
            }
            // an exact host is looked up; only a wildcard rule is matched against every service
            boolean covers = dr.host().startsWith("*") ? index.services().stream()
                    .anyMatch(s -> Hosts.matches(dr.host(), s.host())) : !index.servicesWithHost(dr.host()).isEmpty();
            if (!covers) {
                report.accept(Finding.of(Messages.DESTINATION_RULE_UNKNOWN_HOST, dr.key(), "spec.host",
                        dr.key() + " is for host " + dr.host() + ", which no Service of a member namespace and no "
                                + "ServiceEntry of mesh " + cp.name() + " registers: its traffic policy applies to "
                                + "nothing.",
                        "Register " + dr.host() + " with a ServiceEntry, or correct the rule's host (a rule "
                                + "matches services by their host, so it must cover a registered host)."));
            }
        }
    }
}
