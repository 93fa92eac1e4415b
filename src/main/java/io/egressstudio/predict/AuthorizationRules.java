package io.egressstudio.predict;

import io.egressstudio.mesh.Specs;
import io.fabric8.istio.api.api.security.v1beta1.Condition;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether one rule of an AuthorizationPolicy matches a request, as istiod translates it into Envoy's RBAC
 * (pilot/pkg/security/authz/model): the rule's {@code from} entries are ORed, each entry's fields ANDed; the same for
 * {@code to}; every {@code when} condition is ANDed to both. A field's values are ORed; its {@code not} values negate.
 * Source identities (principals, namespaces, service accounts) match the peer certificate of an Istio mTLS connection:
 * with none (plaintext) a value never matches and a {@code not} value always does.
 *
 * <p>On a proxy that sees TCP (TLS passthrough, opaque TCP) the HTTP-only fields (hosts, methods, paths, request
 * principals, request headers and claims) cannot be translated: for an ALLOW policy istiod drops the whole rule (it
 * matches nothing), for DENY and AUDIT it drops only that field (the rule matches more).
 */
public final class AuthorizationRules {
    /** What the proxy knows of a request when its RBAC filter runs. */
    record Request(String peer, boolean l7, String host, String method, String path, int port, String sni) {
        String peerNamespace() {
            if (peer == null) {
                return null;
            }
            int ns = peer.indexOf("/ns/");
            int sa = peer.indexOf("/sa/");
            return ns < 0 || sa < ns ? null : peer.substring(ns + 4, sa);
        }
    }

    /** Whether a rule matched, and in words why (or why not). */
    record Verdict(boolean matches, String why) {
    }

    private static final List<String> HTTP_ONLY_WHEN = List.of("request.headers[", "request.auth.");

    private AuthorizationRules() {
    }

    /** The HTTP-only fields a rule uses, as {@code to.operation.methods}; empty when it has none. */
    public static List<String> httpOnlyFields(Rule rule) {
        List<String> fields = new ArrayList<>();
        for (RuleFrom from : Specs.orEmpty(rule.getFrom())) {
            Source s = from.getSource();
            if (s != null && (!Specs.orEmpty(s.getRequestPrincipals()).isEmpty()
                    || !Specs.orEmpty(s.getNotRequestPrincipals()).isEmpty())) {
                addOnce(fields, "from.source.requestPrincipals");
            }
        }
        for (RuleTo to : Specs.orEmpty(rule.getTo())) {
            Operation o = to.getOperation();
            if (o == null) {
                continue;
            }
            if (!Specs.orEmpty(o.getHosts()).isEmpty() || !Specs.orEmpty(o.getNotHosts()).isEmpty()) {
                addOnce(fields, "to.operation.hosts");
            }
            if (!Specs.orEmpty(o.getMethods()).isEmpty() || !Specs.orEmpty(o.getNotMethods()).isEmpty()) {
                addOnce(fields, "to.operation.methods");
            }
            if (!Specs.orEmpty(o.getPaths()).isEmpty() || !Specs.orEmpty(o.getNotPaths()).isEmpty()) {
                addOnce(fields, "to.operation.paths");
            }
        }
        for (Condition c : Specs.orEmpty(rule.getWhen())) {
            if (c.getKey() != null && HTTP_ONLY_WHEN.stream().anyMatch(c.getKey()::startsWith)) {
                addOnce(fields, "when " + c.getKey());
            }
        }
        return fields;
    }

    /** The identity fields a rule uses (they need the caller's mTLS certificate), as {@code from.source.namespaces}. */
    public static List<String> identityFields(Rule rule) {
        List<String> fields = new ArrayList<>();
        for (RuleFrom from : Specs.orEmpty(rule.getFrom())) {
            Source s = from.getSource();
            if (s == null) {
                continue;
            }
            if (!Specs.orEmpty(s.getPrincipals()).isEmpty()) {
                addOnce(fields, "from.source.principals");
            }
            if (!Specs.orEmpty(s.getNamespaces()).isEmpty()) {
                addOnce(fields, "from.source.namespaces");
            }
            if (!Specs.orEmpty(s.getServiceAccounts()).isEmpty()) {
                addOnce(fields, "from.source.serviceAccounts");
            }
            if (!Specs.orEmpty(s.getNotPrincipals()).isEmpty()) {
                addOnce(fields, "from.source.notPrincipals");
            }
            if (!Specs.orEmpty(s.getNotNamespaces()).isEmpty()) {
                addOnce(fields, "from.source.notNamespaces");
            }
        }
        for (Condition c : Specs.orEmpty(rule.getWhen())) {
            if ("source.principal".equals(c.getKey()) || "source.namespace".equals(c.getKey())
                    || "source.serviceAccount".equals(c.getKey())) {
                addOnce(fields, "when " + c.getKey());
            }
        }
        return fields;
    }

    /** Whether the rule matches for a policy of this action (ALLOW, DENY, AUDIT), with the reason. */
    static Verdict match(Rule rule, String action, Request r, String policyNamespace) {
        boolean allow = action.equals("ALLOW");
        List<String> httpOnly = r.l7() ? List.of() : httpOnlyFields(rule);
        if (allow && !httpOnly.isEmpty()) {
            return new Verdict(false, "it uses " + String.join(", ", httpOnly) + ", which only HTTP has, on a proxy "
                    + "that sees TCP here: Istio leaves the whole rule out of the ALLOW policy, so it matches nothing");
        }
        List<String> notes = new ArrayList<>();
        if (!httpOnly.isEmpty()) {
            notes.add("on TCP Istio ignores its HTTP-only " + String.join(", ", httpOnly) + " for a " + action
                    + " rule, which makes it match more");
        }
        for (Condition c : Specs.orEmpty(rule.getWhen())) {
            Verdict v = when(c, r);
            if (!v.matches()) {
                return v;
            }
            if (!v.why().isEmpty()) {
                notes.add(v.why());
            }
        }
        Verdict from = from(Specs.orEmpty(rule.getFrom()), r, policyNamespace);
        if (!from.matches()) {
            return from;
        }
        Verdict to = to(Specs.orEmpty(rule.getTo()), r);
        if (!to.matches()) {
            return to;
        }
        List<String> why = new ArrayList<>();
        if (!from.why().isEmpty()) {
            why.add(from.why());
        }
        if (!to.why().isEmpty()) {
            why.add(to.why());
        }
        why.addAll(notes);
        return new Verdict(true, why.isEmpty() ? "it has no conditions (an empty rule matches every request)"
                : String.join("; ", why));
    }

    private static Verdict from(List<RuleFrom> froms, Request r, String policyNamespace) {
        if (froms.isEmpty()) {
            return new Verdict(true, "");
        }
        String first = null;
        for (RuleFrom f : froms) {
            Verdict v = source(f.getSource(), r, policyNamespace);
            if (v.matches()) {
                return v;
            }
            first = first == null ? v.why() : first;
        }
        return new Verdict(false, first);
    }

    private static Verdict source(Source s, Request r, String policyNamespace) {
        if (s == null) {
            return new Verdict(true, "");
        }
        List<String> why = new ArrayList<>();
        String peer = r.peer();
        String who = peer == null ? "the caller has no identity here (the hop into this proxy is not Istio mTLS)"
                : "the caller is " + peer;
        if (!Specs.orEmpty(s.getPrincipals()).isEmpty()) {
            if (peer == null || s.getPrincipals().stream().noneMatch(p -> principal(p, peer))) {
                return new Verdict(false, "from.source.principals " + s.getPrincipals() + " does not match: " + who);
            }
            why.add("source principal " + peer + " is in " + s.getPrincipals());
        }
        if (peer != null && Specs.orEmpty(s.getNotPrincipals()).stream().anyMatch(p -> principal(p, peer))) {
            return new Verdict(false, "from.source.notPrincipals " + s.getNotPrincipals() + " excludes " + peer);
        }
        if (!Specs.orEmpty(s.getNamespaces()).isEmpty()) {
            if (peer == null || s.getNamespaces().stream().noneMatch(n -> namespace(n, peer))) {
                return new Verdict(false, "from.source.namespaces " + s.getNamespaces() + " does not match: " + who);
            }
            why.add("source namespace " + r.peerNamespace() + " is in " + s.getNamespaces());
        }
        if (peer != null && Specs.orEmpty(s.getNotNamespaces()).stream().anyMatch(n -> namespace(n, peer))) {
            return new Verdict(false, "from.source.notNamespaces " + s.getNotNamespaces() + " excludes namespace "
                    + r.peerNamespace());
        }
        if (!Specs.orEmpty(s.getServiceAccounts()).isEmpty()) {
            if (peer == null || s.getServiceAccounts().stream().noneMatch(a -> serviceAccount(a, peer, policyNamespace))) {
                return new Verdict(false, "from.source.serviceAccounts " + s.getServiceAccounts() + " does not match: "
                        + who);
            }
            why.add("source service account of " + peer + " is in " + s.getServiceAccounts());
        }
        if (peer != null && Specs.orEmpty(s.getNotServiceAccounts()).stream()
                .anyMatch(a -> serviceAccount(a, peer, policyNamespace))) {
            return new Verdict(false, "from.source.notServiceAccounts " + s.getNotServiceAccounts() + " excludes " + peer);
        }
        if (r.l7() && !Specs.orEmpty(s.getRequestPrincipals()).isEmpty()) {
            return new Verdict(false, "from.source.requestPrincipals " + s.getRequestPrincipals() + " needs a JWT the "
                    + "request does not carry");
        }
        if (peer == null && (!Specs.orEmpty(s.getNotPrincipals()).isEmpty() || !Specs.orEmpty(s.getNotNamespaces()).isEmpty()
                || !Specs.orEmpty(s.getNotServiceAccounts()).isEmpty())) {
            why.add("a caller without identity is outside every not-list, so the not-fields hold");
        }
        if (!Specs.orEmpty(s.getIpBlocks()).isEmpty() || !Specs.orEmpty(s.getRemoteIpBlocks()).isEmpty()
                || !Specs.orEmpty(s.getNotIpBlocks()).isEmpty() || !Specs.orEmpty(s.getNotRemoteIpBlocks()).isEmpty()) {
            why.add("the source IP blocks are not predicted (pod addresses are not known before deployment) and are "
                    + "assumed to match");
        }
        return new Verdict(true, String.join("; ", why));
    }

    private static Verdict to(List<RuleTo> tos, Request r) {
        if (tos.isEmpty()) {
            return new Verdict(true, "");
        }
        String first = null;
        for (RuleTo t : tos) {
            Verdict v = operation(t.getOperation(), r);
            if (v.matches()) {
                return v;
            }
            first = first == null ? v.why() : first;
        }
        return new Verdict(false, first);
    }

    private static Verdict operation(Operation o, Request r) {
        if (o == null) {
            return new Verdict(true, "");
        }
        List<String> why = new ArrayList<>();
        String port = String.valueOf(r.port());
        if (!Specs.orEmpty(o.getPorts()).isEmpty()) {
            if (!o.getPorts().contains(port)) {
                return new Verdict(false, "to.operation.ports " + o.getPorts() + " does not list port " + port
                        + " (the port this proxy receives on)");
            }
            why.add("port " + port + " is in " + o.getPorts());
        }
        if (Specs.orEmpty(o.getNotPorts()).contains(port)) {
            return new Verdict(false, "to.operation.notPorts " + o.getNotPorts() + " excludes port " + port);
        }
        if (!r.l7()) {
            // HTTP-only fields were dealt with by the caller: for DENY they are ignored here
            return new Verdict(true, String.join("; ", why));
        }
        if (!Specs.orEmpty(o.getHosts()).isEmpty()) {
            if (o.getHosts().stream().noneMatch(h -> host(h, r.host()))) {
                return new Verdict(false, "to.operation.hosts " + o.getHosts() + " does not match the Host "
                        + r.host());
            }
            why.add("host " + r.host() + " is in " + o.getHosts());
        }
        if (Specs.orEmpty(o.getNotHosts()).stream().anyMatch(h -> host(h, r.host()))) {
            return new Verdict(false, "to.operation.notHosts " + o.getNotHosts() + " excludes the Host " + r.host());
        }
        if (!Specs.orEmpty(o.getMethods()).isEmpty()) {
            if (o.getMethods().stream().noneMatch(m -> glob(m, r.method()))) {
                return new Verdict(false, "to.operation.methods " + o.getMethods() + " does not list " + r.method());
            }
            why.add("method " + r.method() + " is in " + o.getMethods());
        }
        if (Specs.orEmpty(o.getNotMethods()).stream().anyMatch(m -> glob(m, r.method()))) {
            return new Verdict(false, "to.operation.notMethods " + o.getNotMethods() + " excludes " + r.method());
        }
        if (!Specs.orEmpty(o.getPaths()).isEmpty()) {
            if (o.getPaths().stream().noneMatch(p -> glob(p, r.path()))) {
                return new Verdict(false, "to.operation.paths " + o.getPaths() + " does not match the path " + r.path());
            }
            why.add("path " + r.path() + " is in " + o.getPaths());
        }
        if (Specs.orEmpty(o.getNotPaths()).stream().anyMatch(p -> glob(p, r.path()))) {
            return new Verdict(false, "to.operation.notPaths " + o.getNotPaths() + " excludes the path " + r.path());
        }
        return new Verdict(true, String.join("; ", why));
    }

    private static Verdict when(Condition c, Request r) {
        String key = c.getKey() == null ? "" : c.getKey();
        List<String> values = Specs.orEmpty(c.getValues());
        List<String> not = Specs.orEmpty(c.getNotValues());
        String actual;
        switch (key) {
            case "connection.sni" -> actual = r.sni();
            case "destination.port" -> actual = String.valueOf(r.port());
            case "source.principal" -> actual = r.peer();
            case "source.namespace" -> actual = r.peerNamespace();
            case "request.headers[host]", "request.headers[Host]", "request.headers[:authority]" ->
                    actual = r.l7() ? r.host() : null;
            default -> {
                if (HTTP_ONLY_WHEN.stream().anyMatch(key::startsWith) && !r.l7()) {
                    return new Verdict(true, "");
                }
                if (key.startsWith("request.")) {
                    actual = null;
                } else {
                    return new Verdict(true, "when " + key + " is not predicted and is assumed to hold");
                }
            }
        }
        String shown = actual == null ? "(none)" : actual;
        if (!values.isEmpty() && (actual == null || values.stream().noneMatch(v -> glob(v, actual)))) {
            return new Verdict(false, "when " + key + " " + values + " does not match " + shown);
        }
        if (actual != null && not.stream().anyMatch(v -> glob(v, actual))) {
            return new Verdict(false, "when " + key + " notValues " + not + " excludes " + shown);
        }
        return new Verdict(true, values.isEmpty() ? "" : key + " " + shown + " is in " + values);
    }

    /** Istio's principal matcher: exact, {@code *} (any identity), a {@code *} prefix or suffix. */
    static boolean principal(String pattern, String peer) {
        return glob(pattern, peer);
    }

    /** Istio matches a namespace against the principal's {@code /ns/NAME/} part; {@code *} stands for any text. */
    static boolean namespace(String pattern, String peer) {
        String regex = ".*/ns/" + String.join(".*", java.util.Arrays.stream(pattern.split("\\*", -1))
                .map(Pattern::quote).toList()) + "/.*";
        return Pattern.matches(regex, peer);
    }

    /** {@code ns/sa}, or {@code sa} in the policy's namespace. */
    private static boolean serviceAccount(String account, String peer, String policyNamespace) {
        String qualified = account.contains("/") ? account : policyNamespace + "/" + account;
        String[] parts = qualified.split("/", 2);
        return peer.endsWith("/ns/" + parts[0] + "/sa/" + parts[1]);
    }

    /** Istio's host matcher on the Host header: case-insensitive, exact or with a leading or trailing {@code *}. */
    private static boolean host(String pattern, String host) {
        return host != null && glob(pattern.toLowerCase(Locale.ROOT), host.toLowerCase(Locale.ROOT));
    }

    /** Exact, {@code *} (anything non-empty), {@code *suffix} or {@code prefix*}, as Istio's string matchers. */
    static boolean glob(String pattern, String value) {
        if (value == null) {
            return false;
        }
        if (pattern.equals("*")) {
            return !value.isEmpty();
        }
        if (pattern.startsWith("*")) {
            return value.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return value.equals(pattern);
    }

    private static void addOnce(List<String> list, String item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }
}
