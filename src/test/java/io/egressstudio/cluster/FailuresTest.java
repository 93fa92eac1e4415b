package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

/**
 * An API server that goes away in the middle of a request closes the connection (vert.x: "Connection was closed")
 * rather than refusing it: that is the server being unreachable, not an error it answered. (Seen as a timing flake
 * of ClusterWorkflowTest's server shutdown on a loaded machine.)
 */
class FailuresTest {
    @Test
    void aConnectionClosedMidRequestIsAnUnreachableServer() {
        ClusterException e = Failures.of(new KubernetesClientException("An error has occurred.",
                new HttpClosedException("Connection was closed")), "create Namespace/x", "dev", "https://api:6443");

        assertThat(e.reason()).isEqualTo(ClusterException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("Cannot reach the API server at https://api:6443 (context 'dev')");
    }
}
