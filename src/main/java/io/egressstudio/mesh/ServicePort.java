package io.egressstudio.mesh;

/** A port of a registered service. {@code targetPort} is where the endpoints listen (null: the same number). */
public record ServicePort(int number, String name, Protocol protocol, Integer targetPort) {
    public int endpointPort() {
        return targetPort == null ? number : targetPort;
    }
}
