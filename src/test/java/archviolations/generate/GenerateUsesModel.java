package archviolations.generate;

/** Clean: fabric8 model classes and Istio model classes are allowed in generate. */
public final class GenerateUsesModel {
    public Object configMap() {
        return new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("x").endMetadata()
                .build();
    }

    public Object serviceEntry() {
        return new io.fabric8.istio.api.networking.v1beta1.ServiceEntryBuilder().withNewMetadata().withName("x")
                .endMetadata().build();
    }

    public String yaml(Object resource) {
        return new io.fabric8.kubernetes.client.utils.KubernetesSerialization().asYaml(resource);
    }
}
