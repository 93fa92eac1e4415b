package io.egressstudio.model;

import java.util.List;

/**
 * An application: a Deployment with a Service of the same name. It is in a mesh when its namespace is a member;
 * it has a sidecar when it is in a mesh and asks for injection ({@code sidecar}).
 */
public record Workload(String id, String namespace, String name, List<Integer> ports, Boolean sidecar,
                       String serviceAccount) implements Element {
    public Workload {
        ports = Copies.list(ports);
        sidecar = Copies.or(sidecar, Boolean.TRUE);
        serviceAccount = Copies.or(serviceAccount, "default");
    }
}
