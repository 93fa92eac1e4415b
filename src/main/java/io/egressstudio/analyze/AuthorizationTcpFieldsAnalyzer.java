package io.egressstudio.analyze;

import io.egressstudio.mesh.AuthorizationPolicies;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.predict.AuthorizationRules;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * ES0040: an ALLOW or DENY rule with HTTP-only fields (hosts, methods, paths, request principals, request headers)
 * on a gateway that receives TCP or passes TLS through on one of its servers, or on a sidecar with a port that is not
 * declared HTTP. istiod cannot put those fields in the
 * TCP RBAC filter: it drops the whole rule from an ALLOW policy (the rule matches nothing there, so the traffic it
 * was meant to allow is refused) and ignores the fields in a DENY rule (which then refuses more than it says).
 */
final class AuthorizationTcpFieldsAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "authorizationpolicy.HttpFieldsOnTcp";
    }

    @Override
    public String description() {
        return "AuthorizationPolicy rules with HTTP-only fields on a proxy that sees TCP or TLS passthrough";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.AUTHORIZATION_HTTP_FIELDS_ON_TCP);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        AuthorizationPolicies policies = AuthorizationPolicies.of(view);
        for (AuthorizationPolicies.Policy p : policies.deciding()) {
            Optional<String> tcp = policies.selected(p).stream().map(w -> tcpPath(view, w))
                    .filter(java.util.Objects::nonNull).findFirst();
            if (tcp.isEmpty()) {
                continue;
            }
            List<Rule> rules = p.rules();
            for (int i = 0; i < rules.size(); i++) {
                List<String> fields = AuthorizationRules.httpOnlyFields(rules.get(i));
                if (fields.isEmpty()) {
                    continue;
                }
                boolean allow = p.action().equals("ALLOW");
                report.accept(Finding.of(Messages.AUTHORIZATION_HTTP_FIELDS_ON_TCP, p.key(), "spec.rules[" + i + "]",
                        p.key() + " spec.rules[" + i + "] uses " + String.join(", ", fields) + ", which only HTTP "
                                + "has, on a proxy that receives TCP or passes TLS through (" + tcp.get() + "): " + (allow ? "there Istio leaves the whole rule out of the ALLOW policy, so it "
                                + "allows nothing and that traffic is refused."
                                : "there Istio ignores those fields, so the DENY rule refuses every connection its "
                                + "other fields match."),
                        "For TLS passthrough match the host with when: connection.sni and the port with "
                                + "to.operation.ports; keep methods and paths for servers that terminate HTTP."));
            }
        }
    }

    /** Where a proxy's RBAC filter sees TCP: a gateway server that does not terminate HTTP, a sidecar's TCP port. */
    private static String tcpPath(MeshView view, WorkloadInfo w) {
        if (w.gateway()) {
            return ProxyIntake.servers(view, w).stream().filter(ProxyIntake.GatewayServer::tcp)
                    .map(ProxyIntake.GatewayServer::where).findFirst().orElse(null);
        }
        return ProxyIntake.tcpPort(view, w);
    }
}
