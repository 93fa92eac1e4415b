package io.egressstudio.certs;

import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to issue: the kind (CA, SERVER, CLIENT), the subject's common name, the SANs, the key and the validity.
 * The constructor checks everything a CA would refuse, with messages fit for a user.
 */
public record CertificateRequest(CertificateKind kind, String commonName, List<String> dnsNames,
                                 List<String> ipAddresses, KeyType keyType, int validityDays) {
    public static final int DEFAULT_CA_DAYS = 3650;
    public static final int DEFAULT_DAYS = 365;
    /** A hundred years: far beyond any real use, and well inside what X.509 dates can hold (year 9999). */
    public static final int MAX_VALIDITY_DAYS = 36_500;
    /** X.520 ub-common-name. */
    static final int MAX_COMMON_NAME = 64;

    public CertificateRequest {
        Objects.requireNonNull(kind, "kind");
        dnsNames = dnsNames == null ? List.of() : dnsNames.stream().map(HostNames::normalize).distinct().toList();
        ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
        keyType = keyType == null ? KeyType.RSA_2048 : keyType;
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("the common name is empty");
        }
        if (commonName.length() > MAX_COMMON_NAME) {
            throw new IllegalArgumentException("the common name '" + commonName + "' is longer than "
                    + MAX_COMMON_NAME + " characters");
        }
        if (validityDays < 1) {
            throw new IllegalArgumentException("validity must be at least 1 day, not " + validityDays);
        }
        if (validityDays > MAX_VALIDITY_DAYS) {
            throw new IllegalArgumentException("validity of " + validityDays + " days is more than "
                    + MAX_VALIDITY_DAYS + " (100 years); use 1 to " + MAX_VALIDITY_DAYS);
        }
        for (String dns : dnsNames) {
            HostNames.dnsNameProblem(dns).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        for (String ip : ipAddresses) {
            if (!HostNames.isIpLiteral(ip)) {
                throw new IllegalArgumentException("'" + ip + "' is not an IPv4 or IPv6 address");
            }
        }
        if (kind == CertificateKind.SERVER && dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one DNS name or IP address: "
                    + "clients verify the host against the SANs, not the common name");
        }
    }

    /** A root or intermediate CA. */
    public static CertificateRequest ca(String commonName, KeyType keyType, int validityDays) {
        return new CertificateRequest(CertificateKind.CA, commonName, List.of(), List.of(), keyType, validityDays);
    }

    /** A server certificate for these hosts (DNS names or IP literals); the first one is the common name. */
    public static CertificateRequest server(List<String> hosts, KeyType keyType, int validityDays) {
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one host");
        }
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (String host : hosts) {
            (HostNames.isIpLiteral(host) ? ips : dns).add(host);
        }
        return new CertificateRequest(CertificateKind.SERVER, hosts.get(0), dns, ips, keyType, validityDays);
    }

    /**
     * A client certificate for {@code name}. The name is also a DNS SAN when it is a valid host name, so that a
     * Gateway's {@code subjectAltNames} can match it; otherwise only the common name carries it.
     */
    public static CertificateRequest client(String name, KeyType keyType, int validityDays) {
        List<String> dns = name != null && HostNames.dnsNameProblem(name).isEmpty() && !name.contains("*")
                ? List.of(name) : List.of();
        return new CertificateRequest(CertificateKind.CLIENT, name, dns, List.of(), keyType, validityDays);
    }

    /**
     * The request for a scenario's certificate spec. A server spec without SANs gets its common name as the one DNS
     * SAN (what the seed meant when it put the host in the CN).
     */
    public static CertificateRequest from(CertificateSpec spec) {
        List<String> dns = spec.dnsNames();
        List<String> ips = spec.ipAddresses();
        if (spec.kind() == CertificateKind.SERVER && dns.isEmpty() && ips.isEmpty() && spec.commonName() != null) {
            if (HostNames.isIpLiteral(spec.commonName())) {
                ips = List.of(spec.commonName());
            } else {
                dns = List.of(spec.commonName());
            }
        }
        if (spec.kind() == CertificateKind.CLIENT && dns.isEmpty() && ips.isEmpty()) {
            return client(spec.commonName(), spec.keyType(), spec.validityDays());
        }
        return new CertificateRequest(spec.kind(), spec.commonName(), dns, ips, spec.keyType(), spec.validityDays());
    }
}
