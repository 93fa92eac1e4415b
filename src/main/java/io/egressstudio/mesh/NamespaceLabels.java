package io.egressstudio.mesh;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The namespaces an input shows (declared as Namespace objects, or named by the objects in them) and the labels of
 * those declared: what upstream Istio's discovery selectors and injection labels are matched against.
 */
record NamespaceLabels(Map<String, Map<String, String>> labels, Set<String> known) {
    static NamespaceLabels of(ResourceSet resources) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        Set<String> known = new LinkedHashSet<>();
        for (HasMetadata r : resources.all()) {
            if (r.getMetadata() == null) {
                continue;
            }
            if (r instanceof Namespace ns && ns.getMetadata().getName() != null) {
                labels.put(ns.getMetadata().getName(), Map.copyOf(withoutNulls(ns.getMetadata().getLabels())));
                known.add(ns.getMetadata().getName());
            } else if (r.getMetadata().getNamespace() != null) {
                known.add(r.getMetadata().getNamespace());
            }
        }
        return new NamespaceLabels(Map.copyOf(labels), Set.copyOf(known));
    }

    /** A namespace's labels; none when the input does not declare it. */
    Map<String, String> of(String namespace) {
        return namespace == null ? Map.of() : labels.getOrDefault(namespace, Map.of());
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> out = new HashMap<>();
        Specs.orEmpty(map).forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
