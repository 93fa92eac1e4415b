package io.egressstudio.certs;

import io.egressstudio.model.KeyType;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** What the seed's 'openssl x509 -req' (no -extfile, -set_serial 1) produced: X.509 v1 leaves, no extensions. */
public final class LegacyCertificates {
    private LegacyCertificates() {
    }

    public static X509Certificate v1(CertificateAuthority ca, String commonName, BigInteger serial) throws Exception {
        KeyPair keys = Keys.generate(KeyType.EC_P256);
        Instant now = Instant.now();
        var builder = new JcaX509v1CertificateBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), serial,
                Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(365))),
                new X500Name("CN=" + commonName), keys.getPublic());
        var signer = new JcaContentSignerBuilder(Keys.signatureAlgorithm(ca.privateKey())).build(ca.privateKey());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
