package io.egressstudio.gui.cluster;

import io.egressstudio.cluster.Connector;
import io.egressstudio.cluster.Kubeconfig;
import io.egressstudio.cluster.SnapshotStore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the cluster windows find the kubeconfig, how they connect through it, and where snapshots live: the same
 * three things the CLI's cluster commands use. The app takes {@link #fromEnvironment()} (KUBECONFIG as kubectl reads
 * it, server-side apply, {@code ~/.config/egress-studio/snapshots}); tests point them at fabric8's mock server.
 *
 * @param connector how to open a connection through a kubeconfig's context (the write strategy is chosen here)
 */
public record ClusterSettings(Supplier<Kubeconfig> kubeconfig, Function<Kubeconfig, Connector> connector,
                              Supplier<SnapshotStore> snapshots) {
    public static ClusterSettings fromEnvironment() {
        return new ClusterSettings(Kubeconfig::fromEnvironment, k -> k::connect, SnapshotStore::defaultStore);
    }

    /** What the next main window's Cluster menu uses; a test replaces it before opening the window. */
    private static volatile Supplier<ClusterSettings> current = ClusterSettings::fromEnvironment;

    public static ClusterSettings current() {
        return current.get();
    }

    public static void use(Supplier<ClusterSettings> settings) {
        current = settings;
    }
}
