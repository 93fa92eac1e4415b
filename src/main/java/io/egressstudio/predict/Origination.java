package io.egressstudio.predict;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * TLS a proxy originates on a hop. {@code mode} is DISABLE, SIMPLE, MUTUAL or ISTIO_MUTUAL. The certificate lists are
 * empty when the set holds no PEM data, and then the chains are not checked.
 */
record Origination(String mode, String sni, boolean clientCertificate, String caCertificates, String trustDomain,
                   List<X509Certificate> clientChain, List<X509Certificate> trusted, List<String> subjectAltNames) {
    Origination(String mode, String sni, boolean clientCertificate, String caCertificates, String trustDomain) {
        this(mode, sni, clientCertificate, caCertificates, trustDomain, List.of(), List.of(), List.of());
    }

    boolean tls() {
        return !mode.equals("DISABLE");
    }
}
