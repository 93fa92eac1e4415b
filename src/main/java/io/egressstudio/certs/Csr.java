package io.egressstudio.certs;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** A PKCS#10 certificate signing request a user brings: its subject, requested SANs and public key. */
public final class Csr {
    private final JcaPKCS10CertificationRequest request;
    private final List<String> dnsNames;
    private final List<String> ipAddresses;

    private Csr(JcaPKCS10CertificationRequest request, List<String> dnsNames, List<String> ipAddresses) {
        this.request = request;
        this.dnsNames = List.copyOf(dnsNames);
        this.ipAddresses = List.copyOf(ipAddresses);
    }

    /** Reads a PEM CSR ({@code CERTIFICATE REQUEST}) and checks its self-signature. */
    public static Csr parse(String pem, String source) throws BadMaterialException {
        Pem.requirePem(pem, source);
        PKCS10CertificationRequest found = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while (true) {
                try {
                    object = parser.readObject();
                } catch (IOException | RuntimeException e) {
                    throw new BadMaterialException(source, "malformed PEM: a block is not valid base64 or DER");
                }
                if (object == null) {
                    break;
                }
                if (object instanceof PKCS10CertificationRequest csr) {
                    if (found != null) {
                        throw new BadMaterialException(source, "holds more than one certificate request");
                    }
                    found = csr;
                }
            }
        } catch (IOException e) {
            throw new BadMaterialException(source, "cannot read the certificate request");
        }
        if (found == null) {
            throw new BadMaterialException(source, "holds no certificate request (found "
                    + String.join(", ", Pem.labels(pem)) + ")");
        }
        JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(found);
        try {
            PublicKey key = request.getPublicKey();
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new BadMaterialException(source, "the request's signature is invalid: it was altered or "
                        + "not signed with its own key");
            }
        } catch (PKCSException | OperatorCreationException | java.security.GeneralSecurityException e) {
            throw new BadMaterialException(source, "cannot check the request's signature (unsupported key?)");
        }
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            for (ASN1Encodable value : attribute.getAttributeValues()) {
                Extensions extensions = Extensions.getInstance(value);
                GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
                if (names == null) {
                    continue;
                }
                for (GeneralName name : names.getNames()) {
                    if (name.getTagNo() == GeneralName.dNSName) {
                        dns.add(ASN1IA5String.getInstance(name.getName()).getString());
                    } else if (name.getTagNo() == GeneralName.iPAddress) {
                        try {
                            byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
                            ips.add(InetAddress.getByAddress(octets).getHostAddress());
                        } catch (UnknownHostException e) {
                            throw new BadMaterialException(source, "requests a malformed IP address SAN");
                        }
                    }
                }
            }
        }
        for (String name : dns) {
            Optional<String> problem = HostNames.dnsNameProblem(name);
            if (problem.isPresent()) {
                throw new BadMaterialException(source, "requests an unusable DNS SAN: " + problem.get());
            }
        }
        return new Csr(request, dns, ips);
    }

    /** A PEM CSR for a key pair a user keeps (e.g. to test signing, or for a workload that makes its own key). */
    public static String create(KeyPair keys, String commonName, List<String> dnsNames, List<String> ipAddresses) {
        try {
            var builder = new JcaPKCS10CertificationRequestBuilder(CertificateAuthority.name(commonName),
                    keys.getPublic());
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
            ipAddresses.forEach(i -> names.add(new GeneralName(GeneralName.iPAddress, i)));
            if (!names.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            var signer = new JcaContentSignerBuilder(Keys.signatureAlgorithm(keys.getPrivate()))
                    .build(keys.getPrivate());
            return Pem.csr(builder.build(signer));
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the certificate request", e);
        }
    }

    X500Name subjectName() {
        return request.getSubject();
    }

    /** The subject in RFC 2253 form, e.g. {@code CN=greeting.remote.com,O=RedHat}. */
    public String subject() {
        return new javax.security.auth.x500.X500Principal(encoded(request.getSubject())).getName();
    }

    public Optional<String> commonName() {
        RDN[] rdns = request.getSubject().getRDNs(BCStyle.CN);
        return rdns.length == 0 ? Optional.empty()
                : Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    public List<String> dnsNames() {
        return dnsNames;
    }

    public List<String> ipAddresses() {
        return ipAddresses;
    }

    public PublicKey publicKey() {
        try {
            return request.getPublicKey();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the request's public key cannot be read", e);
        }
    }

    private static byte[] encoded(X500Name name) {
        try {
            return name.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Csr[subject=" + subject() + ", dns=" + dnsNames + ", ip=" + ipAddresses + ", key="
                + Keys.describe(publicKey()) + "]";
    }
}
