package io.egressstudio.io;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Finds the line where a field of one resource starts in a multi-document YAML text (documents separated by
 * {@code ---} lines, as the manifest writer writes them): the YAML pane shows the line a finding or an inspector field
 * is about.
 */
public final class YamlFieldLines {
    private YamlFieldLines() {
    }

    /**
     * The 0-based line of {@code fieldPath} ({@code spec.trafficPolicy.tls.mode}, or its nearest ancestor the
     * document has) in the document of this kind, namespace (null for cluster-scoped) and name; -1 when the text has
     * no such document.
     */
    public static int line(String yaml, String kind, String namespace, String name, String fieldPath) {
        List<String> lines = yaml.lines().toList();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).equals("---")) {
                if (i > start) {
                    String document = String.join("\n", lines.subList(start, i));
                    if (names(document, kind, namespace, name)) {
                        return start + SourceMap.of(document).locate(fieldPath).line() - 1;
                    }
                }
                start = i + 1;
            }
        }
        return -1;
    }

    private static boolean names(String document, String kind, String namespace, String name) {
        if (!document.contains(name)) {
            return false; // most documents, without parsing them
        }
        Object root = new Yaml(new LoaderOptions()).load(document);
        if (!(root instanceof Map<?, ?> map) || !kind.equals(map.get("kind"))
                || !(map.get("metadata") instanceof Map<?, ?> metadata)) {
            return false;
        }
        return name.equals(metadata.get("name")) && java.util.Objects.equals(namespace, metadata.get("namespace"));
    }
}
