package io.egressstudio.cluster;

import java.util.List;

/**
 * A control plane found on the cluster: a Maistra ServiceMeshControlPlane with its member roll, an OpenShift
 * Service Mesh 3 (Sail operator) {@code Istio}, or upstream Istio's {@code istio[-REV]} mesh config, the latter two
 * with the namespaces labelled for their revision.
 *
 * @param kind     {@code ServiceMeshControlPlane}, {@code Istio}, or {@code ConfigMap} (upstream Istio's mesh config)
 * @param namespace where the control plane runs
 * @param version  {@code spec.version}, or null
 * @param members  the member roll's {@code spec.members} (empty when there is no roll)
 * @param ready    whether the control plane reports its Ready condition as True (null when it reports nothing)
 */
public record ControlPlaneInfo(String kind, String namespace, String name, String version, List<String> members,
                               Boolean ready) {
    public ControlPlaneInfo {
        members = List.copyOf(members);
    }

    @Override
    public String toString() {
        return (switch (kind) {
            case "Istio" -> "Istio " + name + " in " + namespace + " (OpenShift Service Mesh 3"
                    + (version == null ? ")" : ", " + version + ")");
            case "ConfigMap" -> "mesh config " + namespace + "/" + name + " (upstream Istio)";
            default -> namespace + "/" + name + (version == null ? "" : " (" + version + ")");
        })
                + (ready == null ? "" : ready ? ", ready" : ", not ready")
                + (members.isEmpty() ? ", no members" : ", members: " + String.join(", ", members));
    }
}
