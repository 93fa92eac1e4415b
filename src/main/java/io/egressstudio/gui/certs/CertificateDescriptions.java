package io.egressstudio.gui.certs;

import io.egressstudio.certs.CertificateInfo;
import io.egressstudio.model.CertificateSpec;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How the designer words a certificate spec and what was issued for it: subjects, SANs, validity, expiry. */
public final class CertificateDescriptions {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private CertificateDescriptions() {
    }

    /** {@code DNS:a, IP:1.2.3.4} as the spec asks for them (a server spec without SANs gets its common name). */
    public static String requestedNames(CertificateSpec spec) {
        List<String> names = new ArrayList<>();
        spec.dnsNames().forEach(d -> names.add("DNS:" + d));
        spec.ipAddresses().forEach(i -> names.add("IP:" + i));
        return String.join(", ", names);
    }

    /** "2027-12-03 (364 days left)", "expired 2026-01-01", or "not issued". */
    public static String expiry(CertificateInfo info) {
        if (info == null) {
            return "not issued";
        }
        String day = DAY.format(info.notAfter());
        return info.daysLeft() < 0 ? "expired " + day : day + " (" + info.daysLeft() + " days left)";
    }

    /** The inspector's text for a selected certificate spec. */
    public static String issuedText(CertificateInfo info) {
        if (info == null) {
            return "Not issued yet: Certificates… ▸ Issue certificates makes its key and certificate in your config "
                    + "folder (never in the scenario file).";
        }
        return "Issued: " + info.subject() + "\nIssuer: " + info.issuer()
                + (info.subjectAlternativeNames().isEmpty() ? "" : "\nSANs: "
                + String.join(", ", info.subjectAlternativeNames()))
                + "\nValid " + DAY.format(info.notBefore()) + " to " + expiry(info);
    }
}
