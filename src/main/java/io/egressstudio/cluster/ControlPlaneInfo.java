package io.egressstudio.cluster;

import java.util.List;

/**
 * A ServiceMeshControlPlane found on the cluster, with its member roll.
 *
 * @param version  {@code spec.version}, or null
 * @param members  the member roll's {@code spec.members} (empty when there is no roll)
 * @param ready    whether the control plane reports its Ready condition as True (null when it reports nothing)
 */
public record ControlPlaneInfo(String namespace, String name, String version, List<String> members, Boolean ready) {
    public ControlPlaneInfo {
        members = List.copyOf(members);
    }

    @Override
    public String toString() {
        return namespace + "/" + name + (version == null ? "" : " (" + version + ")")
                + (ready == null ? "" : ready ? ", ready" : ", not ready")
                + (members.isEmpty() ? ", no members" : ", members: " + String.join(", ", members));
    }
}
