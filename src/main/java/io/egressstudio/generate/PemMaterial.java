package io.egressstudio.generate;

/**
 * The PEM text a certificate Secret holds. Supplied from outside the generator (the certificate workbench); the
 * generator never invents key material.
 */
public record PemMaterial(String certificate, String privateKey, String caCertificate) {
    @Override
    public String toString() {
        return "PemMaterial[certificate=" + (certificate != null) + ", privateKey=<redacted>, ca=" + (caCertificate != null) + "]";
    }
}
