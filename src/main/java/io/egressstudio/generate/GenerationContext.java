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
    private final GenerationMemo previous;
    private final Map<String, GenerationMemo.Unit> units = new java.util.HashMap<>();
    /** The entries the unit being made adds, while one is made. */
    private java.util.List<ResourceSet.Entry> recording;

    GenerationContext(Scenario scenario, GeneratorOptions options) {
        this(scenario, options, GenerationMemo.NONE);
    }

    GenerationContext(Scenario scenario, GeneratorOptions options, GenerationMemo previous) {
        this.scenario = scenario;
        this.options = options;
        this.previous = previous;
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
        add(new ResourceSet.Entry(resource, elementId, ResourceSet.Role.APPLY));
    }

    /** Adds a resource with the element fields its fields came from. */
    void add(HasMetadata resource, String elementId, FieldSources fields) {
        add(new ResourceSet.Entry(resource, elementId, ResourceSet.Role.APPLY, fields));
    }

    private void add(ResourceSet.Entry entry) {
        resources.add(entry);
        if (recording != null) {
            recording.add(entry);
        }
    }

    /**
     * Makes one unit's resources (the rules of a link), or adds those of the previous generation again when that unit
     * had equal inputs. {@code inputs} must hold everything {@code make} reads: equal inputs must make equal resources.
     */
    void unit(String id, Object inputs, Runnable make) {
        GenerationMemo.Unit before = previous.unit(id);
        if (before != null && before.inputs().equals(inputs)) {
            before.entries().forEach(resources::add);
            units.put(id, before);
            return;
        }
        recording = new java.util.ArrayList<>();
        try {
            make.run();
            units.put(id, new GenerationMemo.Unit(inputs, java.util.List.copyOf(recording)));
        } finally {
            recording = null;
        }
    }

    /** The units made or reused by this generation, for the next one. */
    GenerationMemo memo() {
        return new GenerationMemo(units);
    }

    void addIstio(HasMetadata v1beta1Resource, String elementId, FieldSources fields) {
        add(IstioVersions.adapt(v1beta1Resource, scenario.istioApi()), elementId, fields);
    }

    void addContext(HasMetadata resource, String elementId) {
        add(new ResourceSet.Entry(resource, elementId, ResourceSet.Role.CONTEXT));
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
