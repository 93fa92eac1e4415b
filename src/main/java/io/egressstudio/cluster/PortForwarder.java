package io.egressstudio.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;

/**
 * Opens a port-forward from a local port on 127.0.0.1 to a pod's port. The seam behind {@link PortForwardLocator}:
 * the app uses fabric8's (a websocket per connection through the API server); tests can count and break forwards,
 * which fabric8's mock server cannot carry.
 */
@FunctionalInterface
public interface PortForwarder {
    /** An open forward. */
    interface Forward extends AutoCloseable {
        int localPort();

        /** False once the forward is closed or has failed: the next use opens a new one. */
        boolean healthy();

        @Override
        void close();
    }

    Forward open(ClusterConnection cluster, String namespace, String pod, int port) throws ClusterException;

    /** fabric8's port-forward: {@code pods().withName(pod).portForward(port, 127.0.0.1, any free port)}. */
    static PortForwarder fabric8() {
        return (cluster, namespace, pod, port) -> {
            LocalPortForward forward;
            try {
                forward = cluster.api().client().pods().inNamespace(namespace).withName(pod)
                        .portForward(port, InetAddress.getLoopbackAddress(), 0);
            } catch (KubernetesClientException e) {
                throw cluster.api().failure(e, "port-forward to pod " + namespace + "/" + pod + ":" + port);
            } catch (RuntimeException e) {
                throw cluster.api().failure(e, "port-forward to pod " + namespace + "/" + pod + ":" + port);
            }
            return new Forward() {
                @Override
                public int localPort() {
                    return forward.getLocalPort();
                }

                @Override
                public boolean healthy() {
                    return forward.isAlive() && !forward.errorOccurred();
                }

                @Override
                public void close() {
                    try {
                        forward.close();
                    } catch (IOException ignored) {
                        // closing a forward that failed already
                    }
                }
            };
        };
    }
}
