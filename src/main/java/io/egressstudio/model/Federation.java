package io.egressstudio.model;

import java.util.List;

/** A federation between two meshes: a ServiceMeshPeer on each side and the services they share. */
public record Federation(String id, List<String> meshes, List<FederatedService> services, String discoveryHost)
        implements Element {
    public Federation {
        meshes = Copies.list(meshes);
        services = Copies.list(services);
    }
}
