package io.egressstudio.mesh;

/**
 * IPv4 addresses and CIDR ranges as a ServiceEntry's {@code addresses} give them, parsed without any name lookup.
 * (IPv6 entries match only the same literal.)
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** Whether the text is an IPv4 literal ({@code 10.0.0.5}), or holds a colon (an IPv6 literal). */
    public static boolean isLiteral(String host) {
        return host != null && (host.indexOf(':') >= 0 || ipv4(host) >= 0);
    }

    /** Whether {@code address} ({@code 10.0.0.5} or {@code 10.0.0.0/24}) covers {@code ip}. */
    public static boolean covers(String address, String ip) {
        if (address == null || ip == null) {
            return false;
        }
        if (address.equals(ip)) {
            return true;
        }
        int slash = address.indexOf('/');
        long base = ipv4(slash < 0 ? address : address.substring(0, slash));
        long target = ipv4(ip);
        if (base < 0 || target < 0) {
            return false;
        }
        int bits;
        try {
            bits = slash < 0 ? 32 : Integer.parseInt(address.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (base & mask) == (target & mask);
    }

    /** The address as a number, or -1 when it is not a dotted-quad IPv4 literal. */
    private static long ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value << 8 | octet;
        }
        return value;
    }
}
