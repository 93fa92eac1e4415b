package io.egressstudio.analyze;

/**
 * One problem an analyzer found, or a request predicted to fail ({@link PredictionFindings}).
 *
 * @param resource {@code Kind/namespace/name} of the resource to change (for a failing request: where it was decided)
 * @param field    the field path in that resource ({@code spec.trafficPolicy.tls.caCertificates}); null when the
 *                 finding is about a request rather than one field
 * @param request  {@code NAMESPACE/WORKLOAD -> URL} of the failing request, or null for an analyzer's finding
 */
public record Finding(String code, Severity severity, String resource, String field, String message, String fix,
                      String request) {
    public Finding(String code, Severity severity, String resource, String field, String message, String fix) {
        this(code, severity, resource, field, message, fix, null);
    }

    static Finding of(MessageType type, String resource, String field, String message, String fix) {
        return new Finding(type.code(), type.severity(), resource, field, message, fix);
    }
}
