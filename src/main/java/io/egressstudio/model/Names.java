package io.egressstudio.model;

import java.util.regex.Pattern;

/** Kubernetes and DNS name rules the scenario is checked against. */
public final class Names {
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Names() {
    }

    /** A namespace or Service name: at most 63 lowercase alphanumerics or '-', starting and ending alphanumeric. */
    public static boolean isDns1123Label(String value) {
        return value != null && value.length() <= 63 && DNS_1123_LABEL.matcher(value).matches();
    }

    /** An object name: dot-separated labels, at most 253 characters. */
    public static boolean isDns1123Subdomain(String value) {
        return value != null && value.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(value).matches();
    }

    /** A ServiceEntry host: a DNS name, optionally starting with a {@code *.} wildcard, or just {@code *}. */
    public static boolean isHost(String value) {
        if (value == null) {
            return false;
        }
        if (value.equals("*")) {
            return true;
        }
        String name = value.startsWith("*.") ? value.substring(2) : value;
        return isDns1123Subdomain(name.toLowerCase(java.util.Locale.ROOT));
    }

    public static boolean isPort(Integer port) {
        return port != null && port >= 1 && port <= 65535;
    }
}
