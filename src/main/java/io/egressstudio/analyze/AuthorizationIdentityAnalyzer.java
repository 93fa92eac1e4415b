package io.egressstudio.analyze;

import io.egressstudio.mesh.AuthorizationPolicies;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.predict.AuthorizationRules;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0041: a rule that names callers (principals, namespaces, service accounts) on a proxy that never receives Istio
 * mTLS: a gateway none of whose servers is ISTIO_MUTUAL, or a sidecar whose PeerAuthentication disables mTLS. The
 * identity comes from the caller's mesh certificate; over plaintext (or TLS the proxy passes through) there is none,
 * so an ALLOW rule on it never matches and refuses everyone (Kiali: KIA0105).
 */
final class AuthorizationIdentityAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "authorizationpolicy.IdentityWithoutMtls";
    }

    @Override
    public String description() {
        return "AuthorizationPolicy rules naming callers on a proxy that never receives Istio mTLS";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.AUTHORIZATION_IDENTITY_NEVER_SEEN);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        AuthorizationPolicies policies = AuthorizationPolicies.of(view);
        for (AuthorizationPolicies.Policy p : policies.deciding()) {
            String why = null;
            for (WorkloadInfo w : policies.selected(p)) {
                why = plaintextOnly(view, w);
                if (why != null) {
                    break;
                }
            }
            if (why == null) {
                continue;
            }
            List<Rule> rules = p.rules();
            for (int i = 0; i < rules.size(); i++) {
                List<String> fields = AuthorizationRules.identityFields(rules.get(i));
                if (fields.isEmpty()) {
                    continue;
                }
                report.accept(Finding.of(Messages.AUTHORIZATION_IDENTITY_NEVER_SEEN, p.key(), "spec.rules[" + i + "]",
                        p.key() + " spec.rules[" + i + "] names callers by " + String.join(", ", fields) + ", but "
                                + why + ": no caller identity ever reaches its RBAC filter, so "
                                + consequence(p.action(), fields),
                        "Send mesh traffic to it over Istio mTLS (a Gateway server with tls.mode ISTIO_MUTUAL and "
                                + "DestinationRules that originate ISTIO_MUTUAL; no DISABLE PeerAuthentication), or "
                                + "match on hosts, SNI and ports instead."));
            }
        }
    }

    /** Without an identity a listed value never matches and a not-list always holds. */
    private static String consequence(String action, List<String> fields) {
        boolean negated = fields.stream().anyMatch(f -> f.contains(".not"));
        boolean listed = fields.stream().anyMatch(f -> !f.contains(".not"));
        if (action.equals("ALLOW")) {
            return listed ? "the rule never matches: every caller it names is refused."
                    : "its not-fields always hold: it allows every caller, the ones it excludes too.";
        }
        return negated ? "its not-fields always hold: the DENY rule refuses every caller, the ones it excludes too."
                : "the DENY rule never matches and refuses none of the callers it names.";
    }

    /** Why a proxy never sees a caller's identity, or null when it can. */
    private static String plaintextOnly(MeshView view, WorkloadInfo w) {
        if (w.gateway()) {
            List<ProxyIntake.GatewayServer> servers = ProxyIntake.servers(view, w);
            if (!servers.isEmpty() && servers.stream().noneMatch(ProxyIntake.GatewayServer::istioMutual)) {
                return "no server of gateway " + w.id() + " terminates Istio mTLS (" + servers.stream()
                        .map(ProxyIntake.GatewayServer::where).toList() + ")";
            }
            return null;
        }
        Rules.Pa disabled = ProxyIntake.mtlsDisabledBy(view, w);
        return disabled == null ? null : disabled.key() + " disables mTLS for " + w.id();
    }
}
