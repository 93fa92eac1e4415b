package io.egressstudio.telemetry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust for a telemetry source whose certificate a private CA signed (an OpenShift router's or service CA): the
 * certificates of a PEM file become the only trust anchors of an {@link SSLContext}. Certificate and host name
 * verification stay on; there is no way to turn them off here.
 */
public final class TlsTrust {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN (?:TRUSTED |X509 )?CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END (?:TRUSTED |X509 )?CERTIFICATE-----");

    private TlsTrust() {
    }

    /** The certificates of a PEM file (CERTIFICATE blocks; anything else in the file is ignored). */
    public static List<X509Certificate> certificates(Path pemFile) throws IOException {
        String text;
        try {
            // bounded: a device such as /dev/zero never ends
            text = new String(io.egressstudio.io.InputFiles.bytes(pemFile, io.egressstudio.io.InputFiles.MAX_PEM_BYTES),
                    StandardCharsets.US_ASCII);
        } catch (io.egressstudio.io.InputException e) {
            throw new IOException(pemFile + ": " + e.getMessage(), e);
        }
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(pemFile + ": not a PEM certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(pemFile + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in the file");
        }
        return out;
    }

    /** An SSLContext that trusts exactly the CA certificates of a PEM file. */
    public static SSLContext fromPemFile(Path pemFile) throws IOException {
        return trusting(certificates(pemFile));
    }

    public static SSLContext trusting(List<X509Certificate> anchors) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate certificate : anchors) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build a trust store from the CA certificates: " + e.getMessage(), e);
        }
    }
}
