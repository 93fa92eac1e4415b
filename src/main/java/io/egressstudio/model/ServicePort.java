package io.egressstudio.model;

/** A port an external service is reached on, as a ServiceEntry declares it. */
public record ServicePort(Integer number, String name, PortProtocol protocol, Integer targetPort) {
    public ServicePort {
        protocol = Copies.or(protocol, PortProtocol.HTTP);
        name = Copies.or(name, protocol.name().toLowerCase(java.util.Locale.ROOT) + "-" + number);
    }
}
