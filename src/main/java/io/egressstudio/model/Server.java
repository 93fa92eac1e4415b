package io.egressstudio.model;

/**
 * What answers at an external service's address.
 *
 * @param certificate id of the server certificate spec it presents (TLS kinds)
 * @param ca          id of the CA certificate spec that signs its certificate
 * @param clientCa    id of the CA spec it trusts for client certificates (MUTUAL_TLS)
 * @param workload    id of a workload that is this server, when it runs in the cluster (its sidecar matters)
 * @param ingress     the other mesh's ingress, for MESH_INGRESS
 */
public record Server(ServerKind kind, String certificate, String ca, String clientCa, String workload,
                     MeshIngress ingress) {
    public Server {
        kind = Copies.or(kind, ServerKind.PLAINTEXT);
    }

    public static Server plaintext() {
        return new Server(ServerKind.PLAINTEXT, null, null, null, null, null);
    }
}
