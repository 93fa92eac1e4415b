package io.egressstudio.model;

import java.util.List;

/**
 * An application: a Deployment with a Service of the same name. It is in a mesh when its namespace is a member;
 * it has a sidecar when it is in a mesh and asks for injection ({@code sidecar}). {@code accessRules}: who may call
 * it (AuthorizationPolicies its sidecar enforces on what it receives); empty: no policy.
 */
public record Workload(String id, String namespace, String name, List<Integer> ports, Boolean sidecar,
                       String serviceAccount, List<AccessRule> accessRules) implements Element {
    public Workload {
        ports = Copies.list(ports);
        sidecar = Copies.or(sidecar, Boolean.TRUE);
        serviceAccount = Copies.or(serviceAccount, "default");
        accessRules = Copies.list(accessRules);
    }

    /** A workload without access rules. */
    public Workload(String id, String namespace, String name, List<Integer> ports, Boolean sidecar,
                    String serviceAccount) {
        this(id, namespace, name, ports, sidecar, serviceAccount, List.of());
    }
}
