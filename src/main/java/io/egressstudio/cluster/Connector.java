package io.egressstudio.cluster;

/** Opens a connection through a kubeconfig context: {@link Kubeconfig#connect}, or a test's mock server. */
@FunctionalInterface
public interface Connector {
    ClusterConnection connect(String context) throws ClusterException;
}
