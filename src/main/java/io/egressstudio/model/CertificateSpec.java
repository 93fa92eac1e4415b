package io.egressstudio.model;

import java.util.List;

/**
 * A certificate the scenario needs. Only the description lives in the scenario; key material never does.
 *
 * @param issuer id of the CA spec that signs it (null for a root CA)
 */
public record CertificateSpec(String id, CertificateKind kind, String commonName, List<String> dnsNames,
                              List<String> ipAddresses, String issuer, KeyType keyType, Integer validityDays,
                              List<SecretPlacement> secrets) implements Element {
    public CertificateSpec {
        kind = Copies.or(kind, CertificateKind.SERVER);
        dnsNames = Copies.list(dnsNames);
        ipAddresses = Copies.list(ipAddresses);
        keyType = Copies.or(keyType, KeyType.RSA_2048);
        validityDays = Copies.or(validityDays, 365);
        secrets = Copies.list(secrets);
    }
}
