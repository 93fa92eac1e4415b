package io.egressstudio.gui.cluster;

import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;

/** Work on the connected cluster, run off the FX thread by {@link ClusterSession#run}. */
@FunctionalInterface
interface ClusterWork<T> {
    T run(ClusterConnection connection) throws ClusterException;
}
