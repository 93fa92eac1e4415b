package io.egressstudio.design;

import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML text of each resource of an analysis, kept for the next one: a resource equal to one before keeps its text
 * and only the resources an edit changed are written again (serializing ~1,500 resources was the largest part of an
 * edit on the large scenario). Immutable once made; made off the FX thread.
 */
final class YamlDocuments {
    static final YamlDocuments NONE = new YamlDocuments(Map.of());

    /** A resource as it was written, and its text. */
    private record Document(HasMetadata resource, String text) {
    }

    /** By kind, namespace and name: an unchanged resource is found without hashing its whole tree. */
    private final Map<ResourceSet.Key, Document> texts;

    private YamlDocuments(Map<ResourceSet.Key, Document> texts) {
        this.texts = texts;
    }

    /** The text of the resources, and the documents to reuse next time. */
    record Written(String yaml, YamlDocuments documents) {
    }

    /**
     * Writes the resources (already redacted), reusing the text of every resource equal to the one written before
     * under its name: the same instance when generation reused it, else compared.
     */
    Written write(ResourceSet resources) {
        if (resources.entries().isEmpty()) {
            return new Written("", NONE);
        }
        Map<ResourceSet.Key, Document> next = new HashMap<>(texts.size() + 16);
        Map<HasMetadata, String> byResource = new IdentityHashMap<>(texts.size() + 16);
        List<HasMetadata> unknown = new ArrayList<>();
        for (HasMetadata r : ManifestWriter.ordered(resources)) {
            ResourceSet.Key key = ResourceSet.Key.of(r);
            Document known = texts.get(key);
            if (known != null && (known.resource() == r || known.resource().equals(r))) {
                next.put(key, new Document(r, known.text()));
                byResource.put(r, known.text());
            } else if (!ManifestWriter.isPending(r)) {
                unknown.add(r);
            }
        }
        // the new and changed resources in one stream: after an edit a few, on the first analysis all of them
        List<String> written = unknown.isEmpty() ? List.of() : ManifestWriter.documents(unknown);
        for (int i = 0; i < unknown.size(); i++) {
            next.put(ResourceSet.Key.of(unknown.get(i)), new Document(unknown.get(i), written.get(i)));
            byResource.put(unknown.get(i), written.get(i));
        }
        String yaml = ManifestWriter.toYaml(resources, byResource::get);
        return new Written(yaml, new YamlDocuments(next));
    }
}
