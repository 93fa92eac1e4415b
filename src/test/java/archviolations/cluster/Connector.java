package archviolations.cluster;

/** Clean: the cluster connector may use the fabric8 client. */
public final class Connector {
    public io.fabric8.kubernetes.client.KubernetesClient client() {
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder().build();
    }
}
