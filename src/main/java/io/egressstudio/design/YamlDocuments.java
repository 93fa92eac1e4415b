package io.egressstudio.design;

import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
        List<HasMetadata> unknown = new ArrayList<>();
        for (HasMetadata r : ManifestWriter.ordered(resources)) {
            String known = texts.get(r);
            if (known != null) {
                next.put(r, known);
            } else if (!ManifestWriter.isPending(r)) {
                unknown.add(r);
            }
        }
        // the new and changed resources in one stream: after an edit a few, on the first analysis all of them
        List<String> written = unknown.isEmpty() ? List.of() : ManifestWriter.documents(unknown);
        for (int i = 0; i < unknown.size(); i++) {
            next.put(unknown.get(i), written.get(i));
        }
        String yaml = ManifestWriter.toYaml(resources, next::get);
        return new Written(yaml, new YamlDocuments(next));
    }
}
