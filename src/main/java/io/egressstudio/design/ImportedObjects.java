package io.egressstudio.design;

import io.egressstudio.mesh.ResourceSet;
import java.util.ArrayList;
import java.util.List;

/** The objects an import reads, by kind. */
final class ImportedObjects {
    private final List<ImportedObject> all = new ArrayList<>();

    ImportedObjects(ResourceSet resources) {
        for (ResourceSet.Entry entry : resources.entries()) {
            all.add(ImportedObject.of(entry.resource()));
        }
    }

    List<ImportedObject> all() {
        return all;
    }

    List<ImportedObject> ofKind(String kind) {
        return all.stream().filter(o -> o.kind().equals(kind)).toList();
    }
}
