package io.egressstudio.mesh;

import java.util.List;
import java.util.Map;

/**
 * One host in a control plane's service registry: a Kubernetes Service in a namespace it reads, a ServiceEntry host,
 * or a service imported from a federated peer.
 *
 * @param namespace   the namespace of the Service or ServiceEntry (the "service namespace" of rule lookup)
 * @param selector    for a Kubernetes Service, the pod labels it selects
 * @param peer        for an imported service, the ServiceMeshPeer it comes from
 * @param importedFrom for an imported service, the exporting side's service ({@code name.namespace})
 */
public record MeshService(String host, String namespace, Kind kind, List<ServicePort> ports, List<String> exportTo,
                          String location, String resolution, List<String> addresses, String key,
                          Map<String, String> selector, String peer, String importedFrom, String serverHint) {
    public enum Kind { KUBERNETES, SERVICE_ENTRY, IMPORTED }

    public ServicePort port(int number) {
        for (ServicePort p : ports) {
            if (p.number() == number) {
                return p;
            }
        }
        return null;
    }

    public boolean visibleTo(String clientNamespace) {
        return ExportTo.visible(exportTo, namespace, clientNamespace);
    }

    public boolean meshExternal() {
        return kind == Kind.SERVICE_ENTRY && !"MESH_INTERNAL".equals(location);
    }
}
