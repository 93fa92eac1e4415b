package io.egressstudio.model;

import java.util.List;

/**
 * Who may call which external host, as a designer says it, on the proxy that enforces it (an egress gateway, or a
 * workload's sidecar for what it receives). The generator makes an AuthorizationPolicy of it. An empty list places no
 * condition; a rule with no conditions at all matches every request.
 *
 * @param action     ALLOW (default) or DENY
 * @param namespaces the callers' namespaces; seen only when the hop into the proxy is Istio mTLS
 * @param principals the callers' identities ({@code TRUST_DOMAIN/ns/NS/sa/SA}); seen only over Istio mTLS
 * @param hosts      the external hosts: the HTTP Host where the proxy reads HTTP, the TLS SNI where it passes TLS
 *                   through
 * @param ports      the ports the proxy receives on
 * @param methods    HTTP methods (only where the proxy reads HTTP)
 * @param paths      HTTP paths, exact or with a trailing or leading {@code *} (only where the proxy reads HTTP)
 */
public record AccessRule(AccessAction action, List<String> namespaces, List<String> principals, List<String> hosts,
                         List<Integer> ports, List<String> methods, List<String> paths) {
    public AccessRule {
        action = Copies.or(action, AccessAction.ALLOW);
        namespaces = Copies.list(namespaces);
        principals = Copies.list(principals);
        hosts = Copies.list(hosts);
        ports = Copies.list(ports);
        methods = Copies.list(methods);
        paths = Copies.list(paths);
    }

    /** Whether it names the caller (which needs the caller's Istio mTLS identity at the proxy). */
    public boolean namesCaller() {
        return !namespaces.isEmpty() || !principals.isEmpty();
    }

    /** Whether it uses fields only HTTP carries. */
    public boolean httpOnly() {
        return !methods.isEmpty() || !paths.isEmpty();
    }
}
