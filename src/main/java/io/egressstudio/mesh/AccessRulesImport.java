package io.egressstudio.mesh;

import io.egressstudio.model.AccessAction;
import io.egressstudio.model.AccessRule;
import io.fabric8.istio.api.api.security.v1beta1.Condition;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The access rules of a drawn egress gateway or workload, read back from the AuthorizationPolicies that select its
 * pods (the reverse of the generator's AuthorizationPolicyFactory). What an access rule cannot say is left out with a
 * note naming the policy and the field: CUSTOM and AUDIT policies, dry runs, policies attached by targetRef, an ALLOW
 * policy without rules (allow nothing), more than one {@code from} or {@code to} entry, and the fields beyond
 * namespaces, principals, hosts, ports, methods, paths and {@code when connection.sni}.
 */
public final class AccessRulesImport {
    /** The access rules read, and the notes on what was left out. */
    public record Result(List<AccessRule> rules, List<String> notes) {
        public Result {
            rules = List.copyOf(rules);
            notes = List.copyOf(notes);
        }
    }

    private AccessRulesImport() {
    }

    /**
     * The rules of the policies in {@code namespace} whose selector is exactly {@code selector} (the labels the
     * element's pods are selected by): an egress gateway's, or a workload's generated {@code app} label.
     */
    public static Result of(MeshView view, String namespace, Map<String, String> selector) {
        return read(view, p -> p.namespace().equals(namespace) && !p.attached() && p.selector().equals(selector));
    }

    /**
     * The rules of the policies attached to a waypoint by targetRefs naming only its Gateway (as the generator writes
     * a drawn waypoint's access rules).
     */
    public static Result ofWaypoint(MeshView view, String namespace, String name) {
        return read(view, p -> p.namespace().equals(namespace) && p.targets().equals(List.of("Gateway/" + name)));
    }

    private static Result read(MeshView view, java.util.function.Predicate<AuthorizationPolicies.Policy> drawn) {
        List<AccessRule> rules = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (AuthorizationPolicies.Policy p : AuthorizationPolicies.of(view).all()) {
            if (!drawn.test(p)) {
                continue;
            }
            if (p.dryRun() || !(p.action().equals("ALLOW") || p.action().equals("DENY"))) {
                notes.add("left out " + p.key() + ": " + (p.dryRun() ? "a dry run" : p.action() + " policies")
                        + " cannot be drawn as access rules");
                continue;
            }
            if (p.rules().isEmpty()) {
                notes.add("left out " + p.key() + ": " + (p.action().equals("ALLOW")
                        ? "an ALLOW policy without rules (it allows nothing) cannot be drawn as access rules"
                        : "a DENY policy without rules matches nothing"));
                continue;
            }
            AccessAction action = AccessAction.valueOf(p.action());
            for (int i = 0; i < p.rules().size(); i++) {
                String problem = unsupported(p.rules().get(i));
                if (problem != null) {
                    notes.add("left out " + p.key() + " spec.rules[" + i + "]: " + problem);
                    continue;
                }
                rules.add(rule(action, p.rules().get(i)));
            }
        }
        return new Result(rules, notes);
    }

    private static AccessRule rule(AccessAction action, Rule r) {
        Source s = Specs.orEmpty(r.getFrom()).isEmpty() ? null : r.getFrom().get(0).getSource();
        Operation o = Specs.orEmpty(r.getTo()).isEmpty() ? null : r.getTo().get(0).getOperation();
        List<String> hosts = new ArrayList<>(o == null ? List.of() : Specs.orEmpty(o.getHosts()));
        for (Condition c : Specs.orEmpty(r.getWhen())) {
            hosts.addAll(Specs.orEmpty(c.getValues()));
        }
        List<Integer> ports = o == null ? List.of() : Specs.orEmpty(o.getPorts()).stream().map(Integer::valueOf).toList();
        return new AccessRule(action, s == null ? null : Specs.orEmpty(s.getNamespaces()),
                s == null ? null : Specs.orEmpty(s.getPrincipals()), hosts, ports,
                o == null ? null : Specs.orEmpty(o.getMethods()), o == null ? null : Specs.orEmpty(o.getPaths()));
    }

    /** Why a rule cannot be an access rule, or null when it can. */
    private static String unsupported(Rule r) {
        if (Specs.orEmpty(r.getFrom()).size() > 1 || Specs.orEmpty(r.getTo()).size() > 1) {
            return "several from or to entries";
        }
        for (Condition c : Specs.orEmpty(r.getWhen())) {
            if (!"connection.sni".equals(c.getKey()) || !Specs.orEmpty(c.getNotValues()).isEmpty()) {
                return "when " + c.getKey() + " (only connection.sni values are access-rule hosts)";
            }
        }
        Source s = Specs.orEmpty(r.getFrom()).isEmpty() ? null : r.getFrom().get(0).getSource();
        if (s != null && (!Specs.orEmpty(s.getNotNamespaces()).isEmpty() || !Specs.orEmpty(s.getNotPrincipals()).isEmpty()
                || !Specs.orEmpty(s.getServiceAccounts()).isEmpty() || !Specs.orEmpty(s.getNotServiceAccounts()).isEmpty()
                || !Specs.orEmpty(s.getRequestPrincipals()).isEmpty() || !Specs.orEmpty(s.getNotRequestPrincipals()).isEmpty()
                || !Specs.orEmpty(s.getIpBlocks()).isEmpty() || !Specs.orEmpty(s.getNotIpBlocks()).isEmpty()
                || !Specs.orEmpty(s.getRemoteIpBlocks()).isEmpty() || !Specs.orEmpty(s.getNotRemoteIpBlocks()).isEmpty())) {
            return "source fields other than namespaces and principals";
        }
        Operation o = Specs.orEmpty(r.getTo()).isEmpty() ? null : r.getTo().get(0).getOperation();
        if (o != null && (!Specs.orEmpty(o.getNotHosts()).isEmpty() || !Specs.orEmpty(o.getNotPorts()).isEmpty()
                || !Specs.orEmpty(o.getNotMethods()).isEmpty() || !Specs.orEmpty(o.getNotPaths()).isEmpty())) {
            return "not-fields in to.operation";
        }
        if (o != null && Specs.orEmpty(o.getPorts()).stream().anyMatch(p -> !p.matches("[0-9]{1,5}"))) {
            return "a port that is not a number";
        }
        return null;
    }
}
