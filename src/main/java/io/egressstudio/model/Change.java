package io.egressstudio.model;

/**
 * One edit a step makes. Exactly one of: {@code set: "elementId.field"} with {@code value};
 * {@code add: "collection"} (meshes, workloads, egressGateways, externalServices, links, federations, certificates)
 * with the element as {@code value}; {@code remove: "elementId"}.
 */
public record Change(String set, String add, String remove, Object value) {
    public static Change set(String elementField, Object value) {
        return new Change(elementField, null, null, value);
    }

    public static Change remove(String elementId) {
        return new Change(null, null, elementId, null);
    }

    public static Change add(String collection, Object element) {
        return new Change(null, collection, null, element);
    }
}
