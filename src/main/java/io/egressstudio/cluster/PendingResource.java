package io.egressstudio.cluster;

import io.egressstudio.mesh.ResourceSet;

/**
 * A Secret or ConfigMap the scenario needs but has no data for: never applied, reported with the keys it needs and
 * whether the cluster already has one of that name (for example created by hand).
 */
public record PendingResource(ResourceSet.Key key, String neededKeys, boolean existsInCluster) {
    @Override
    public String toString() {
        return key + " needs " + neededKeys + (existsInCluster ? " (the cluster has one; left as it is)"
                : " (not in the cluster: create it with this data)");
    }
}
