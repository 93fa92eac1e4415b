package io.egressstudio.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scenario's lists of elements, with the names the file gives them ({@code meshes}, {@code links}, ...): the one
 * place that knows them. Steps' {@code add}, validation paths ({@code links[2].sidecarTls}), the inspector and the
 * findings all go through it.
 */
public enum ElementCollection {
    MESHES("meshes", Mesh.class, Scenario::meshes),
    WORKLOADS("workloads", Workload.class, Scenario::workloads),
    EGRESS_GATEWAYS("egressGateways", EgressGateway.class, Scenario::egressGateways),
    EXTERNAL_SERVICES("externalServices", ExternalService.class, Scenario::externalServices),
    LINKS("links", Link.class, Scenario::links),
    FEDERATIONS("federations", Federation.class, Scenario::federations),
    CERTIFICATES("certificates", CertificateSpec.class, Scenario::certificates);

    private final String fieldName;
    private final Class<? extends Element> type;
    private final Function<Scenario, List<? extends Element>> elements;

    ElementCollection(String fieldName, Class<? extends Element> type, Function<Scenario, List<? extends Element>> elements) {
        this.fieldName = fieldName;
        this.type = type;
        this.elements = elements;
    }

    /** Its name in the scenario file. */
    public String fieldName() {
        return fieldName;
    }

    public List<? extends Element> of(Scenario scenario) {
        return elements.apply(scenario);
    }

    /** The collection named so in the file, if any. */
    public static Optional<ElementCollection> named(String fieldName) {
        for (ElementCollection c : values()) {
            if (c.fieldName.equals(fieldName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The collection an element belongs in. */
    public static ElementCollection of(Element element) {
        for (ElementCollection c : values()) {
            if (c.type.isInstance(element)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no collection holds a " + element.getClass().getSimpleName());
    }

    /** {@code links[2]}: where an element is in the file, or null when the scenario has no element with this id. */
    public static String pathOf(Scenario scenario, String id) {
        for (ElementCollection c : values()) {
            List<? extends Element> list = c.of(scenario);
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(id)) {
                    return c.fieldName + "[" + i + "]";
                }
            }
        }
        return null;
    }

    /** Every collection's file name, in the file's order. */
    public static List<String> fieldNames() {
        return java.util.Arrays.stream(values()).map(ElementCollection::fieldName).toList();
    }
}
