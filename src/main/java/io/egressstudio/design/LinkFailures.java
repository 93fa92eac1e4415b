package io.egressstudio.design;

import io.egressstudio.analyze.Finding;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.Element;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.TlsMode;
import java.util.List;
import java.util.Map;

/**
 * Places the finding of a link predicted to fail ({@link io.egressstudio.analyze.PredictionFindings}) on the drawing:
 * on the element whose field fixes it, with that field, and a {@link QuickFix} where one value plainly fixes it. Rules
 * from the design's fields, never from its names.
 */
final class LinkFailures {
    private LinkFailures() {
    }

    /** @param elements the scenario's elements by id (looked up once per analysis, not per finding) */
    static DesignFinding place(Map<String, Element> elements, Link link, Outcome outcome, Finding f) {
        Target target = target(elements, link, outcome, f.message());
        return new DesignFinding(f.code(), f.severity().name(), f.message(), f.fix(), f.resource(), f.field(),
                target.elementId(), target.field(), target.quickFix());
    }

    private record Target(String elementId, String field, QuickFix quickFix) {
    }

    private static Target target(Map<String, Element> elements, Link link, Outcome outcome, String reason) {
        ExternalService service = elements.get(link.to()) instanceof ExternalService e ? e : null;
        boolean viaGateway = link.via() != null;
        return switch (outcome) {
            case BLACKHOLE -> {
                if (service != null && !Boolean.TRUE.equals(service.registered())) {
                    yield new Target(service.id(), "registered", new QuickFix(service.id(), "registered", true,
                            "Register " + name(service) + " with a ServiceEntry"));
                }
                // registered, yet not in this client's registry: exported elsewhere, or not an external service
                yield service != null ? new Target(service.id(), "exportTo", null) : new Target(link.id(), "to", null);
            }
            case MTLS_FAILURE, TLS_FAILURE -> {
                if (viaGateway && mode(link.sidecarTls()) == TlsMode.ISTIO_MUTUAL && blank(link.sidecarTls().sni())
                        && reason.contains("SNI") && service != null && service.primaryHost() != null) {
                    // the egress gateway's server serves the destination host: the sidecar must send it as SNI
                    yield new Target(link.id(), "sidecarTls.sni", new QuickFix(link.id(), "sidecarTls.sni",
                            service.primaryHost(), "Send SNI " + service.primaryHost() + " to the egress gateway"));
                }
                String prefix = viaGateway && link.egressTls() != null && outcome == Outcome.TLS_FAILURE
                        ? "egressTls" : "sidecarTls";
                yield new Target(link.id(), prefix + ".mode", null);
            }
            case DOUBLE_TLS -> new Target(link.id(), viaGateway && link.egressTls() != null ? "egressTls.mode"
                    : "sidecarTls.mode", null);
            case PROTOCOL_MISMATCH -> new Target(link.id(), link.sidecarTls() != null ? "sidecarTls.mode" : "app", null);
            case NO_ROUTE -> new Target(link.id(), viaGateway ? "via" : "port", null);
            case DENIED -> new Target(viaGateway ? link.via() : link.id(), viaGateway ? "accessRules" : null, null);
            default -> new Target(link.id(), null, null);
        };
    }

    /**
     * The quick fix for an analyzer's MUTUAL-without-client-certificate finding on a link's TLS: the design's only
     * client certificate, when it has exactly one; null otherwise (choosing among several is the user's call).
     */
    static QuickFix onlyClientCertificate(Scenario s, String linkId, String field) {
        List<CertificateSpec> clients = s.certificates().stream().filter(c -> c.kind() == CertificateKind.CLIENT).toList();
        if (linkId == null || field == null || clients.size() != 1) {
            return null;
        }
        return new QuickFix(linkId, field, clients.get(0).id(), "Present client certificate " + clients.get(0).id());
    }

    private static TlsMode mode(io.egressstudio.model.Origination o) {
        return o == null ? null : o.mode();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String name(ExternalService service) {
        return service.primaryHost() != null ? service.primaryHost() : service.id();
    }
}
