package archviolations.generate;

/** Violates: only cluster and telemetry use the fabric8 client. */
public final class GenerateUsesKubernetesClient {
    public Object list(io.fabric8.kubernetes.client.KubernetesClient client) {
        return client.configMaps().list();
    }
}
