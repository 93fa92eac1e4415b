package io.egressstudio.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Host names as Istio matches them: short names, FQDNs, and wildcards ({@code *.example.com}, {@code *}). */
public final class Hosts {
    public static final String CLUSTER_SUFFIX = ".svc.cluster.local";

    private Hosts() {
    }

    /** A short name ("reviews") is read in the namespace of the rule that names it, as Istio does. */
    public static String fqdn(String host, String namespace) {
        if (host == null) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (!h.contains(".") && !h.equals("*") && namespace != null) {
            return h + "." + namespace + CLUSTER_SUFFIX;
        }
        return h;
    }

    /** Whether {@code pattern} (exact or wildcard) covers {@code host} (which may itself be a wildcard). */
    public static boolean matches(String pattern, String host) {
        if (pattern == null || host == null) {
            return false;
        }
        if (pattern.equals("*") || pattern.equals(host)) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            String suffix = pattern.substring(1);
            if (host.startsWith("*.")) {
                return host.substring(1).endsWith(suffix) && host.length() > pattern.length();
            }
            return host.endsWith(suffix) && host.length() > suffix.length();
        }
        return false;
    }

    /** Whether two host patterns can match a common host. */
    public static boolean overlap(String a, String b) {
        return matches(a, b) || matches(b, a);
    }

    /**
     * The patterns that would cover {@code host}, most specific first: the host itself, then {@code *.} over each
     * shorter suffix, then {@code *}. Looking these up in a map keyed by pattern finds the most specific rule without
     * scanning every rule.
     */
    public static List<String> candidates(String host) {
        List<String> out = new ArrayList<>(6);
        if (host == null) {
            return out;
        }
        out.add(host);
        String rest = host.startsWith("*.") ? host.substring(2) : host;
        if (host.equals("*")) {
            return out;
        }
        if (host.startsWith("*.")) {
            int dot = rest.indexOf('.');
            rest = dot < 0 ? "" : rest.substring(dot + 1);
            while (!rest.isEmpty()) {
                out.add("*." + rest);
                dot = rest.indexOf('.');
                rest = dot < 0 ? "" : rest.substring(dot + 1);
            }
        } else {
            int dot = rest.indexOf('.');
            while (dot >= 0) {
                rest = rest.substring(dot + 1);
                out.add("*." + rest);
                dot = rest.indexOf('.');
            }
        }
        out.add("*");
        return out;
    }

    public static boolean isWildcard(String host) {
        return host != null && host.startsWith("*");
    }

    /** The namespace of a cluster-local service host {@code name.ns.svc.cluster.local}, or null. */
    public static String serviceNamespace(String host) {
        if (host == null || !host.endsWith(CLUSTER_SUFFIX)) {
            return null;
        }
        String[] parts = host.substring(0, host.length() - CLUSTER_SUFFIX.length()).split("\\.");
        return parts.length == 2 ? parts[1] : null;
    }

    public static String serviceName(String host) {
        if (host == null || !host.endsWith(CLUSTER_SUFFIX)) {
            return null;
        }
        String[] parts = host.substring(0, host.length() - CLUSTER_SUFFIX.length()).split("\\.");
        return parts.length == 2 ? parts[0] : null;
    }

    /** Gateway server hosts may be written {@code namespace/host}; the namespace part restricts VS binding. */
    public static String stripNamespace(String serverHost) {
        int slash = serverHost.indexOf('/');
        return slash < 0 ? serverHost : serverHost.substring(slash + 1);
    }
}
