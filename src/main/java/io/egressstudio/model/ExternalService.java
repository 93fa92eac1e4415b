package io.egressstudio.model;

import java.util.List;

/**
 * A destination outside the calling mesh. When {@code registered}, a ServiceEntry {@code name} in {@code namespace}
 * makes its hosts known to the mesh.
 */
public record ExternalService(String id, String name, String namespace, List<String> hosts, List<ServicePort> ports,
                              Location location, Resolution resolution, List<String> addresses,
                              List<String> exportTo, Boolean registered, Server server) implements Element {
    public ExternalService {
        hosts = Copies.list(hosts);
        ports = Copies.list(ports);
        location = Copies.or(location, Location.MESH_EXTERNAL);
        resolution = Copies.or(resolution, Resolution.DNS);
        addresses = Copies.list(addresses);
        exportTo = Copies.list(exportTo);
        registered = Copies.or(registered, Boolean.TRUE);
        server = Copies.or(server, Server.plaintext());
    }

    public String primaryHost() {
        return hosts.isEmpty() ? null : hosts.get(0);
    }
}
