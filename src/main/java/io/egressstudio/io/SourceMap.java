package io.egressstudio.io;

import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each field of a YAML document starts, keyed by the field path ({@code links[2].to}) that the binder and
 * the validator report. This is what turns "links[2].to is wrong" into "line 40, column 9".
 */
final class SourceMap {
    record Position(int line, int column) {
    }

    private final Map<String, Position> positions = new HashMap<>();
    /** An alias is the very node of its anchor: walked once, so a recursive or repeated alias costs nothing. */
    private final Set<Node> walked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private SourceMap() {
    }

    /**
     * Parses the text; a syntax error, or a key given twice in one mapping, surfaces as SnakeYAML's
     * MarkedYAMLException with its own mark.
     */
    static SourceMap of(String yaml) {
        LoaderOptions options = YamlTrees.loaderOptions();
        options.setAllowDuplicateKeys(false);
        Node root = new Yaml(options).compose(new StringReader(yaml));
        SourceMap map = new SourceMap();
        if (root != null) {
            map.walk(root, "", root.getStartMark());
        }
        return map;
    }

    private void walk(Node node, String path, Mark mark) {
        if (!path.isEmpty()) {
            positions.put(path, new Position(mark.getLine() + 1, mark.getColumn() + 1));
        }
        if (!walked.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    if (!keys.add(key.getValue())) {
                        // compose() does not check duplicates (only construction does), and Jackson keeps the last
                        throw new DuplicateKeyException(mapping.getStartMark(), key.getValue(), key.getStartMark()) {
                        };
                    }
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    walk(tuple.getValueNode(), child, key.getStartMark());
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                walk(item, path + "[" + i + "]", item.getStartMark());
            }
        }
    }

    /** The position of the path, or of its nearest ancestor that the file has (a missing field's parent). */
    Position locate(String path) {
        String current = path;
        while (current != null && !current.isEmpty()) {
            Position found = positions.get(current);
            if (found != null) {
                return found;
            }
            current = parent(current);
        }
        return new Position(1, 1);
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? null : path.substring(0, cut);
    }
}
