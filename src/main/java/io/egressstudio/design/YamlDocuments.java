package io.egressstudio.design;

import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.Map;

/**
 * The YAML text of each resource of an analysis, kept for the next one: a resource equal to one before keeps its text
 * and only the resources an edit changed are written again (serializing ~1,500 resources was the largest part of an
 * edit on the large scenario). Immutable once made; made off the FX thread.
 */
final class YamlDocuments {
    static final YamlDocuments NONE = new YamlDocuments(Map.of());

    private final Map<HasMetadata, String> texts;

    private YamlDocuments(Map<HasMetadata, String> texts) {
        this.texts = texts;
    }

    /** The text of the resources, and the documents to reuse next time. */
    record Written(String yaml, YamlDocuments documents) {
    }

    /** Writes the resources (already redacted), reusing the text of every resource equal to one written before. */
    Written write(ResourceSet resources) {
        if (resources.entries().isEmpty()) {
            return new Written("", NONE);
        }
        Map<HasMetadata, String> next = new HashMap<>(texts.size() + 16);
        String yaml = ManifestWriter.toYaml(resources, r -> next.computeIfAbsent(r, this::text));
        return new Written(yaml, new YamlDocuments(next));
    }

    private String text(HasMetadata resource) {
        String known = texts.get(resource);
        return known != null ? known : ManifestWriter.document(resource);
    }
}
