package io.egressstudio.design;

import io.egressstudio.io.YamlFieldLines;
import io.egressstudio.mesh.ResourceSet;

/**
 * Where an element's field shows in the YAML of its resources: the line of the resource field the generator recorded
 * as made from it ({@link io.egressstudio.mesh.FieldSources}). Plain Java, any thread.
 */
public final class FieldLines {
    private FieldLines() {
    }

    /**
     * The 0-based line, in {@code yaml} (the YAML of the analysis's resources, all or some), of the first resource
     * field that {@code elementField} of {@code elementId} made; -1 when none shows there.
     */
    public static int line(DesignAnalysis analysis, String yaml, String elementId, String elementField) {
        if (analysis.resources() == null || elementId == null || elementField == null) {
            return -1;
        }
        for (ResourceSet.Entry e : analysis.resources().entries()) {
            if (!elementId.equals(e.origin())) {
                continue;
            }
            for (String path : e.fields().pathsFrom(elementField)) {
                ResourceSet.Key key = e.key();
                int line = YamlFieldLines.line(yaml, key.kind(), key.namespace(), key.name(), path);
                if (line >= 0) {
                    return line;
                }
            }
        }
        return -1;
    }
}
