package io.egressstudio.analyze;

/**
 * One problem an analyzer found.
 *
 * @param resource {@code Kind/namespace/name} of the resource to change
 * @param field    the field path in that resource ({@code spec.trafficPolicy.tls.caCertificates})
 */
public record Finding(String code, Severity severity, String resource, String field, String message, String fix) {
    static Finding of(MessageType type, String resource, String field, String message, String fix) {
        return new Finding(type.code(), type.severity(), resource, field, message, fix);
    }
}
