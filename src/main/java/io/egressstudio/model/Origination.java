package io.egressstudio.model;

import java.util.List;

/**
 * The TLS a proxy originates on one hop (a DestinationRule's {@code tls}).
 *
 * @param caCertificate     id of the CA spec used to verify the server (null: no verification)
 * @param clientCertificate id of the client certificate spec presented (MUTUAL)
 * @param credentialName    Secret holding the client certificate; at a sidecar with FILE_MOUNT, the mounted Secret
 * @param delivery          how a sidecar gets the credential; ignored at gateways (always credentialName)
 * @param mountPath         where FILE_MOUNT places the files in istio-proxy
 * @param insecureSkipVerify the scenario explicitly accepts an unverified server
 * @param ruleName          the DestinationRule's name, when it should not be derived
 */
public record Origination(String ruleName, TlsMode mode, String sni, List<String> subjectAltNames, String caCertificate,
                          String clientCertificate, String credentialName, CredentialDelivery delivery,
                          String mountPath, boolean insecureSkipVerify) {
    public Origination {
        mode = Copies.or(mode, TlsMode.DISABLE);
        subjectAltNames = Copies.list(subjectAltNames);
        delivery = Copies.or(delivery, CredentialDelivery.CREDENTIAL_NAME);
        mountPath = Copies.or(mountPath, "/etc/certs");
    }

    public static Origination of(TlsMode mode) {
        return new Origination(null, mode, null, null, null, null, null, null, null, false);
    }
}
