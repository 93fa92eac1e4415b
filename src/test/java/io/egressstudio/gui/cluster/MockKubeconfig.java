package io.egressstudio.gui.cluster;

import io.egressstudio.cluster.Kubeconfig;
import io.egressstudio.cluster.SnapshotStore;
import io.egressstudio.cluster.WriteStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A kubeconfig file that names one context at an API server (fabric8's mock, over http as the cluster tests use). */
public final class MockKubeconfig {
    public static final String TOKEN = "sha256~gui-test-token-never-shown";

    private MockKubeconfig() {
    }

    public static Path write(Path file, String context, String server) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: %1$s
                contexts:
                - name: %1$s
                  context: {cluster: %1$s-cluster, user: %1$s-user}
                clusters:
                - name: %1$s-cluster
                  cluster: {server: "%2$s"}
                users:
                - name: %1$s-user
                  user: {token: "%3$s"}
                """.formatted(context, server, TOKEN));
        return file;
    }

    /** Settings as the app's, except that writes are create/update (the mock rejects server-side apply). */
    public static ClusterSettings settings(Kubeconfig kubeconfig, Path snapshots) {
        SnapshotStore store = new SnapshotStore(snapshots);
        return new ClusterSettings(() -> kubeconfig, k -> context -> k.connect(context, WriteStrategy.CREATE_OR_UPDATE),
                () -> store);
    }

    public static ClusterSettings settings(Path kubeconfig, Path snapshots) {
        return settings(Kubeconfig.of(List.of(kubeconfig)), snapshots);
    }
}
