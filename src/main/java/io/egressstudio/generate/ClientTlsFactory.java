package io.egressstudio.generate;

import io.egressstudio.mesh.FieldSources;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.CredentialDelivery;
import io.egressstudio.model.Origination;
import io.egressstudio.model.SecretLayout;
import io.egressstudio.model.TlsMode;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A DestinationRule's {@code tls} block for one origination. */
final class ClientTlsFactory {
    private ClientTlsFactory() {
    }

    /**
     * @param atGateway gateways read credentials through {@code credentialName} only; sidecars use mounted files
     *                  unless the origination asks for credentialName (which then needs a workloadSelector)
     */
    static ClientTLSSettings tls(GenerationContext context, Origination origination, boolean atGateway) {
        ClientTLSSettings tls = new ClientTLSSettings();
        tls.setMode(ClientTLSSettingsTLSmode.valueOf(origination.mode().name()));
        if (origination.mode() == TlsMode.DISABLE || origination.mode() == TlsMode.ISTIO_MUTUAL) {
            tls.setSni(origination.sni());
            tls.setSubjectAltNames(origination.subjectAltNames());
            return tls;
        }
        tls.setSni(origination.sni());
        tls.setSubjectAltNames(origination.subjectAltNames());
        if (origination.insecureSkipVerify()) {
            tls.setInsecureSkipVerify(true);
        }
        if (usesCredentialName(origination, atGateway)) {
            tls.setCredentialName(origination.credentialName());
        } else {
            String dir = origination.mountPath();
            if (origination.caCertificate() != null) {
                tls.setCaCertificates(dir + "/" + SecretLayout.FILES.caKey(origination.caCertificate()));
            }
            if (origination.mode() == TlsMode.MUTUAL && origination.clientCertificate() != null) {
                tls.setClientCertificate(dir + "/" + SecretLayout.FILES.certKey(origination.clientCertificate()));
                tls.setPrivateKey(dir + "/" + SecretLayout.FILES.keyKey(origination.clientCertificate()));
            }
        }
        return tls;
    }

    /**
     * Which field of a link's origination ({@code sidecarTls} or {@code egressTls}) made each field of the tls block
     * at {@code tlsPath}; any other field of the rule is fixed by the origination's mode.
     */
    static FieldSources sources(String tlsPath, String origination) {
        // a few shapes for thousands of rules: made once each
        return SOURCES.computeIfAbsent(tlsPath + "|" + origination, k -> newSources(tlsPath, origination));
    }

    private static final Map<String, FieldSources> SOURCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static FieldSources newSources(String tlsPath, String origination) {
        Map<String, String> by = new LinkedHashMap<>();
        by.put("spec", origination + ".mode");
        by.put(tlsPath + ".mode", origination + ".mode");
        by.put(tlsPath + ".sni", origination + ".sni");
        by.put(tlsPath + ".subjectAltNames", origination + ".subjectAltNames");
        by.put(tlsPath + ".caCertificates", origination + ".caCertificate");
        by.put(tlsPath + ".clientCertificate", origination + ".clientCertificate");
        by.put(tlsPath + ".privateKey", origination + ".clientCertificate");
        by.put(tlsPath + ".credentialName", origination + ".credentialName");
        by.put(tlsPath + ".insecureSkipVerify", origination + ".insecureSkipVerify");
        return FieldSources.of(by);
    }

    static boolean usesCredentialName(Origination origination, boolean atGateway) {
        return origination.credentialName() != null
                && (atGateway || origination.delivery() == CredentialDelivery.CREDENTIAL_NAME);
    }

    /** The file-mount Secret a sidecar origination needs, or null. */
    static String mountedSecret(Origination origination) {
        if (origination == null || origination.credentialName() == null
                || origination.delivery() != CredentialDelivery.FILE_MOUNT
                || origination.mode() == TlsMode.DISABLE || origination.mode() == TlsMode.ISTIO_MUTUAL) {
            return null;
        }
        return origination.credentialName();
    }

    static boolean isCa(CertificateSpec spec) {
        return spec != null && spec.kind() == io.egressstudio.model.CertificateKind.CA;
    }
}
