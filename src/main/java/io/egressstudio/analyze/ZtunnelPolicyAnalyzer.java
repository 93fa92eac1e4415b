package io.egressstudio.analyze;

import io.egressstudio.mesh.AuthorizationPolicies;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Specs;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.predict.AuthorizationRules;
import io.fabric8.istio.api.api.security.v1beta1.Condition;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * ES0045: an AuthorizationPolicy without targetRefs that applies to pods in ambient mode is enforced by ztunnel,
 * which sees L4 only (istiod {@code pilot/pkg/serviceregistry/ambient/authorization.go}): an ALLOW rule with an HTTP
 * attribute is left out (more restrictive than requested), a DENY rule is enforced without its HTTP parts.
 */
final class ZtunnelPolicyAnalyzer implements Analyzer {
    /** The {@code when} keys ztunnel enforces (istiod's l4WhenAttributes); any other key is an HTTP attribute. */
    private static final Set<String> L4_WHEN = Set.of("source.ip", "source.namespace", "source.principal",
            "destination.ip", "destination.port");

    @Override
    public String name() {
        return "ambient.ZtunnelPolicyHttpAttributes";
    }

    @Override
    public String description() {
        return "AuthorizationPolicies enforced by ztunnel whose rules use HTTP attributes";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.ZTUNNEL_POLICY_HTTP_FIELDS);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        AuthorizationPolicies policies = AuthorizationPolicies.of(view);
        List<WorkloadInfo> ambient = view.workloads().stream().filter(w -> view.ambientEnrolment(w).ambient()).toList();
        for (AuthorizationPolicies.Policy p : policies.deciding()) {
            if (p.attached()) {
                continue;
            }
            WorkloadInfo selected = ambient.stream().filter(w -> view.controlPlaneOf(w.namespace())
                    == view.controlPlaneOf(p.namespace()) && (p.root() || p.namespace().equals(w.namespace()))
                    && (p.selector().isEmpty() || w.selectedBy(p.selector()))).findFirst().orElse(null);
            if (selected == null) {
                continue;
            }
            List<Rule> rules = p.rules();
            for (int i = 0; i < rules.size(); i++) {
                List<String> fields = httpAttributes(rules.get(i));
                if (fields.isEmpty()) {
                    continue;
                }
                boolean allow = p.action().equals("ALLOW");
                report.accept(Finding.of(Messages.ZTUNNEL_POLICY_HTTP_FIELDS, p.key(), "spec.rules[" + i + "]",
                        p.key() + " applies to " + selected.id() + ", which is in ambient mode, so ztunnel enforces "
                                + "it: \"ztunnel does not support HTTP attributes (found: " + String.join(", ", fields)
                                + "). In ambient mode you must use a waypoint proxy to enforce HTTP rules. "
                                + (allow ? "Within an ALLOW policy, rules matching HTTP attributes are omitted. This "
                                + "will be more restrictive than requested.\""
                                : "DENY policy with HTTP attributes is enforced without the HTTP rules.\"")
                                + " Policies without targetRefs apply at the destination's ztunnel, never to egress.",
                        "Attach the policy to a waypoint with targetRefs (the waypoint's Gateway, or the Service or "
                                + "ServiceEntry bound to it), or keep only L4 fields (principals, namespaces, ipBlocks, "
                                + "ports) for ztunnel."));
            }
        }
    }

    /** A rule's attributes ztunnel cannot see: HTTP-only fields, remoteIpBlocks, and when keys outside its L4 set. */
    static List<String> httpAttributes(Rule rule) {
        List<String> out = new ArrayList<>(AuthorizationRules.httpOnlyFields(rule));
        for (RuleFrom from : Specs.orEmpty(rule.getFrom())) {
            Source s = from.getSource();
            if (s != null && (!Specs.orEmpty(s.getRemoteIpBlocks()).isEmpty()
                    || !Specs.orEmpty(s.getNotRemoteIpBlocks()).isEmpty())
                    && !out.contains("from.source.remoteIpBlocks")) {
                out.add("from.source.remoteIpBlocks");
            }
        }
        for (Condition c : Specs.orEmpty(rule.getWhen())) {
            String field = "when " + c.getKey();
            if (c.getKey() != null && !L4_WHEN.contains(c.getKey()) && !out.contains(field)) {
                out.add(field);
            }
        }
        return out;
    }
}
