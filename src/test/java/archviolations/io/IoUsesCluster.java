package archviolations.io;

/** Violates: the layers (logic must not reach up to the cluster connector). */
public final class IoUsesCluster {
    public Object connect() {
        return new archviolations.cluster.Connector();
    }
}
