package io.egressstudio.analyze;

import io.egressstudio.mesh.AuthorizationPolicies;
import io.egressstudio.mesh.MeshView;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0039: an AuthorizationPolicy whose selector matches no workload it could apply to (in its namespace, or in the
 * whole mesh from the root namespace), among the workloads the input describes: it protects nothing, usually because
 * of a typo in a label (a gateway's pods carry {@code istio: egressgateway}). Policies attached by targetRef are not
 * judged here.
 */
final class AuthorizationSelectorAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "authorizationpolicy.Selector";
    }

    @Override
    public String description() {
        return "AuthorizationPolicies whose selector matches no workload";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.AUTHORIZATION_POLICY_SELECTS_NOTHING);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        AuthorizationPolicies policies = AuthorizationPolicies.of(view);
        for (AuthorizationPolicies.Policy p : policies.all()) {
            if (p.attached() || p.selector().isEmpty() || !policies.selected(p).isEmpty()) {
                continue;
            }
            boolean described = p.root() ? !view.workloads().isEmpty() : !view.workloadsIn(p.namespace()).isEmpty();
            if (!described) {
                continue;
            }
            String where = p.root() ? "of the mesh" : "in " + p.namespace();
            report.accept(Finding.of(Messages.AUTHORIZATION_POLICY_SELECTS_NOTHING, p.key(),
                    "spec.selector.matchLabels", p.key() + " selects " + p.selector() + ", which no proxy " + where
                            + " carries: its " + p.action() + " rules are enforced nowhere.",
                    "Use the labels of the pods it should protect (an egress gateway's carry istio: egressgateway), "
                            + "or put the policy in their namespace."));
        }
    }
}
