package io.egressstudio.predict;

import io.egressstudio.mesh.AuthorizationPolicies;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The AuthorizationPolicies a proxy enforces on what it receives, in Istio's order: CUSTOM (an external authorizer,
 * which is not predicted), then DENY (any matching rule refuses), then ALLOW (when the proxy has ALLOW policies, a
 * request no rule of them matches is refused; an ALLOW policy without rules matches nothing). AUDIT only logs.
 * A refused HTTP request gets 403 {@code RBAC: access denied}; a TCP connection is closed. Sidecars enforce policies
 * on inbound traffic only, so a policy selecting a client never limits what the client sends out.
 *
 * <p>A proxy with no policy adds nothing to the explanation, so predictions without policies read as before.
 */
final class Authorization {
    private final AuthorizationPolicies policies;

    Authorization(MeshView view) {
        this.policies = AuthorizationPolicies.of(view);
    }

    /**
     * Enforces the policies of a proxy. {@code mtlsTerminated}: the hop into it is Istio mTLS that it terminates, so
     * it knows the sender's identity; {@code l7}: it reads HTTP here (else its RBAC filter is a TCP one).
     */
    void enforce(Trace t, String proxyLabel, WorkloadInfo proxy, boolean mtlsTerminated, boolean l7, Wire wire,
                 int port) {
        decide(t, proxyLabel, policies.applyingTo(proxy), mtlsTerminated, l7, wire, port);
    }

    /** The policies attached by targetRefs to a waypoint, to a ServiceEntry bound to it, or to all waypoints. */
    List<AuthorizationPolicies.Policy> attachedToWaypoint(String waypointNamespace, String waypointName,
                                                         io.egressstudio.mesh.MeshService service) {
        return policies.attachedToWaypoint(waypointNamespace, waypointName, service);
    }

    /** Enforces the given policies, Istio's order: DENY, then ALLOW; none adds nothing to the explanation. */
    void decide(Trace t, String proxyLabel, List<AuthorizationPolicies.Policy> applying, boolean mtlsTerminated,
                boolean l7, Wire wire, int port) {
        if (applying.isEmpty()) {
            return;
        }
        WorkloadInfo sender = t.sender;
        String peer = mtlsTerminated && sender != null ? policies.principal(sender) : null;
        AuthorizationRules.Request request = new AuthorizationRules.Request(peer, l7, wire.host(), "GET",
                wire.path(), port, wire.outerTls() ? wire.sni() : null);
        t.say("Authorization at " + proxyLabel + ": " + (applying.size() == 1 ? "1 AuthorizationPolicy applies to"
                : applying.size() + " AuthorizationPolicies apply to") + " it; its " + (l7 ? "HTTP" : "TCP") + " RBAC filter sees "
                + (peer == null ? "no peer identity (the hop into it is not Istio mTLS)" : "source principal " + peer)
                + (l7 ? ", " + request.method() + " " + request.host() + request.path() : "")
                + ", port " + port + (request.sni() == null ? "" : ", SNI " + request.sni()) + ".");
        List<AuthorizationPolicies.Policy> allow = new ArrayList<>();
        for (AuthorizationPolicies.Policy p : applying) {
            if (p.dryRun()) {
                t.say(p.key() + " is a dry run (" + AuthorizationPolicies.DRY_RUN + "): logged, not enforced.");
                continue;
            }
            switch (p.action()) {
                case "CUSTOM" -> t.say(p.key() + " is CUSTOM: an external authorizer decides, which Egress Studio "
                        + "does not predict; it is assumed to allow.");
                case "AUDIT" -> t.say(p.key() + " is AUDIT: it only marks requests for logging.");
                case "ALLOW" -> allow.add(p);
                default -> {
                }
            }
        }
        for (AuthorizationPolicies.Policy p : applying) {
            if (!p.dryRun() && p.action().equals("DENY")) {
                deny(t, p, applying, request, l7);
            }
        }
        if (allow.isEmpty()) {
            useAll(t, applying);
            t.say("No ALLOW policy selects " + proxyLabel + " and no DENY rule matches: the request is allowed.");
            return;
        }
        // every policy of the proxy took part in the decision; the one that decides is named last, below
        useAll(t, applying.stream().filter(p -> !allow.contains(p)).toList());
        List<String> misses = new ArrayList<>();
        for (AuthorizationPolicies.Policy p : allow) {
            List<Rule> rules = p.rules();
            if (rules.isEmpty()) {
                t.use(p.key());
                misses.add(p.key() + " has no rules, so it allows nothing");
                continue;
            }
            for (int i = 0; i < rules.size(); i++) {
                AuthorizationRules.Verdict v = AuthorizationRules.match(rules.get(i), "ALLOW", request, p.namespace());
                if (v.matches()) {
                    useAll(t, allow);
                    t.say("ALLOW " + p.key() + " spec.rules[" + i + "] matches: " + v.why() + ". The request is allowed.");
                    return;
                }
                misses.add(p.key() + " spec.rules[" + i + "]: " + v.why());
            }
            t.use(p.key());
        }
        throw t.end(Outcome.DENIED, "ALLOW policies apply to " + proxyLabel + " but none matches ("
                + String.join("; ", misses) + "): " + refusal(l7, "none") + " Fix: allow the caller in an ALLOW rule"
                + (peer == null && misses.stream().anyMatch(m -> m.contains("no identity"))
                ? ", and send it to the proxy over Istio mTLS (ISTIO_MUTUAL) so that its identity is seen." : "."));
    }

    /** Names the policies among the resources that decided the request (an edit of any of them changes it). */
    private static void useAll(Trace t, List<AuthorizationPolicies.Policy> policies) {
        policies.forEach(p -> t.use(p.key()));
    }

    private static void deny(Trace t, AuthorizationPolicies.Policy p, List<AuthorizationPolicies.Policy> applying,
                             AuthorizationRules.Request request, boolean l7) {
        List<Rule> rules = p.rules();
        for (int i = 0; i < rules.size(); i++) {
            AuthorizationRules.Verdict v = AuthorizationRules.match(rules.get(i), "DENY", request, p.namespace());
            if (v.matches()) {
                // the refusing policy last: a finding lands on the last resource that decided
                useAll(t, applying.stream().filter(other -> other != p).toList());
                t.use(p.key());
                throw t.end(Outcome.DENIED, "DENY " + p.key() + " spec.rules[" + i + "] matches (" + v.why() + "): "
                        + refusal(l7, "ns[" + p.namespace() + "]-policy[" + p.name() + "]-rule[" + i + "]")
                        + " DENY policies are evaluated before ALLOW ones. Fix: narrow the DENY rule.");
            }
        }
        t.say("DENY " + p.key() + (rules.isEmpty() ? " has no rules and matches nothing." : " does not match."));
    }

    /** What the caller sees when the proxy's RBAC filter refuses. */
    private static String refusal(boolean l7, String matched) {
        return l7 ? "the proxy answers 403 with the body \"RBAC: access denied\" (access log: "
                + "rbac_access_denied_matched_policy[" + matched + "])."
                : "the proxy's TCP RBAC filter closes the connection as soon as it opens (curl exit 56, or 35 during a "
                + "TLS handshake).";
    }
}
