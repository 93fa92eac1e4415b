package io.egressstudio.generate;

import io.egressstudio.mesh.FieldSources;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Element;
import io.egressstudio.model.IstioApiVersion;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;

/** What every factory needs: the scenario, the options, and the set being built. */
final class GenerationContext {
    private final Scenario scenario;
    private final GeneratorOptions options;
    private final ResourceSet.Builder resources = ResourceSet.builder();
    private final Map<String, Element> elements = new java.util.HashMap<>();
    private final Map<String, java.util.List<Link>> linksTo = new java.util.HashMap<>();

    GenerationContext(Scenario scenario, GeneratorOptions options) {
        this.scenario = scenario;
        this.options = options;
        scenario.elements().forEach(element -> elements.putIfAbsent(element.id(), element));
        scenario.links().forEach(link -> linksTo.computeIfAbsent(link.to(), k -> new java.util.ArrayList<>()).add(link));
    }

    /** An element by id, of the expected kind (the scenario was validated, so references resolve). */
    <T extends Element> T element(String id, Class<T> type) {
        Element element = elements.get(id);
        if (!type.isInstance(element)) {
            throw new IllegalArgumentException("'" + id + "' is not a " + type.getSimpleName());
        }
        return type.cast(element);
    }

    java.util.List<Link> linksTo(String serviceId) {
        return linksTo.getOrDefault(serviceId, java.util.List.of());
    }

    Scenario scenario() {
        return scenario;
    }

    GeneratorOptions options() {
        return options;
    }

    /** Metadata with the scenario's labels and the element annotation. */
    ObjectMeta meta(String name, String namespace, String elementId) {
        ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(ResourceNames.labels(scenario));
        if (elementId != null) {
            meta.withAnnotations(new java.util.LinkedHashMap<>(Map.of(ResourceNames.ELEMENT_ANNOTATION, elementId)));
        }
        return meta.build();
    }

    /** Adds an Istio networking resource, in the scenario's API version. */
    void addIstio(HasMetadata v1beta1Resource, String elementId) {
        add(IstioVersions.adapt(v1beta1Resource, scenario.istioApi()), elementId);
    }

    void add(HasMetadata resource, String elementId) {
        resources.add(resource, elementId);
    }

    /** Adds a resource with the element fields its fields came from. */
    void add(HasMetadata resource, String elementId, FieldSources fields) {
        resources.add(resource, elementId, fields);
    }

    void addIstio(HasMetadata v1beta1Resource, String elementId, FieldSources fields) {
        add(IstioVersions.adapt(v1beta1Resource, scenario.istioApi()), elementId, fields);
    }

    void addContext(HasMetadata resource, String elementId) {
        resources.addContext(resource, elementId);
    }

    boolean has(HasMetadata resource) {
        return resources.contains(ResourceSet.Key.of(resource));
    }

    Mesh meshOwning(String namespace) {
        return scenario.meshOwning(namespace).orElse(null);
    }

    IstioApiVersion istioApi() {
        return scenario.istioApi();
    }

    ResourceSet build() {
        return resources.build();
    }
}
