package io.egressstudio.certs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host names and IP literals as certificates use them: syntax checks, and whether a SAN entry covers a host.
 *
 * <p>Wildcards follow RFC 6125 §6.4.3 as Envoy and browsers apply them: {@code *} may only be the whole leftmost label,
 * it matches exactly one label ({@code *.example.com} covers {@code a.example.com}, not {@code example.com} nor
 * {@code a.b.example.com}), and it needs at least two labels after it ({@code *.com} covers nothing). Partial
 * wildcards such as {@code f*.example.com} cover nothing. IP addresses are only covered by an IP SAN.
 */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private HostNames() {
    }

    /** The address if {@code text} is an IPv4 or IPv6 literal; never asks DNS. */
    public static Optional<InetAddress> ipLiteral(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(literal).matches() && literal.indexOf(':') < 0) {
            return Optional.empty();
        }
        if (literal.indexOf(':') >= 0 && !literal.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public static boolean isIpLiteral(String text) {
        return ipLiteral(text).isPresent();
    }

    /** Lower case, without a trailing dot. */
    public static String normalize(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** Why {@code name} is not a usable DNS SAN, or empty if it is. A leading {@code *.} label is allowed. */
    public static Optional<String> dnsNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("empty host name");
        }
        String host = normalize(name);
        if (host.length() > 253) {
            return Optional.of("'" + name + "' is longer than 253 characters");
        }
        if (isIpLiteral(host)) {
            return Optional.of("'" + name + "' is an IP address; use it as an IP SAN");
        }
        String[] labels = host.split("\\.", -1);
        if (labels[labels.length - 1].matches("\\d+")) {
            return Optional.of("'" + name + "' is neither a valid IP address nor a host name (a top-level domain is "
                    + "never all digits)");
        }
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (i == 0 && label.equals("*")) {
                if (labels.length < 3) {
                    return Optional.of("'" + name + "': a wildcard needs at least two labels after it (*.example.com)");
                }
                continue;
            }
            if (label.contains("*")) {
                return Optional.of("'" + name + "': '*' may only be the whole leftmost label (*.example.com)");
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("'" + name + "': label '" + label
                        + "' must be 1-63 letters, digits or '-', not starting or ending with '-'");
            }
        }
        return Optional.empty();
    }

    /** Whether a DNS SAN entry ({@code pattern}, possibly {@code *.domain}) covers the DNS name {@code host}. */
    public static boolean dnsMatches(String pattern, String host) {
        if (pattern == null || host == null || pattern.isBlank() || host.isBlank()) {
            return false;
        }
        String p = normalize(pattern);
        String h = normalize(host);
        if (h.contains("*")) {
            return false;
        }
        if (!p.contains("*")) {
            return p.equals(h);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false;
        }
        String suffix = p.substring(1);
        if (suffix.chars().filter(c -> c == '.').count() < 2) {
            return false;
        }
        if (!h.endsWith(suffix)) {
            return false;
        }
        String first = h.substring(0, h.length() - suffix.length());
        return !first.isEmpty() && first.indexOf('.') < 0;
    }
}
