package archviolations.io;

/** Clean: logic using the model and fabric8's serialization (no network). */
public final class Reader {
    public Object read(String yaml) {
        io.fabric8.kubernetes.api.model.ConfigMap map = io.fabric8.kubernetes.client.utils.Serialization
                .unmarshal(yaml, io.fabric8.kubernetes.api.model.ConfigMap.class);
        return new archviolations.model.Plain(map.getMetadata().getName(), java.util.List.of());
    }
}
