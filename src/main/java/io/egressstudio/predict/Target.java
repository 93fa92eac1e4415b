package io.egressstudio.predict;

import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.Protocol;
import io.egressstudio.mesh.ServicePort;

/** Where a route sends the request: a registered service and port, and a subset (null for none). */
record Target(MeshService service, ServicePort port, String subset) {

    /**
     * The registered port of a service. A federated import that lists no ports is taken to carry HTTP on any port:
     * the importing mesh knows the name, not the exporter's ports.
     */
    static ServicePort portOf(MeshService service, int number) {
        ServicePort port = service.port(number);
        if (port == null && service.kind() == MeshService.Kind.IMPORTED && service.ports().isEmpty()) {
            return new ServicePort(number, "http", Protocol.HTTP, null);
        }
        return port;
    }
}
