package io.egressstudio.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Every problem of a scenario file, each located as {@code FILE:LINE:COLUMN: field 'F': message}. The loader stops at
 * the first problem ("and 3 more"); when that problem is one of the validator's (the file is well-formed YAML with
 * the scenario's shape), the scenario is bound again here and every problem of the validator and of the steps is
 * located. A problem of form or shape stops everything after it, so it is reported alone, as the loader put it.
 */
final class ScenarioProblems {
    private static final ObjectMapper LENIENT = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ScenarioProblems() {
    }

    /** The located problems of the file; empty when it is valid. */
    static List<String> of(Path file) {
        try {
            ScenarioFile.load(file);
            return List.of();
        } catch (ScenarioFormatException first) {
            List<String> all = validatorProblems(file, first);
            return all.isEmpty() ? List.of(first.getMessage()) : all;
        }
    }

    /** Every validator problem, located; empty when the loader's problem is not one of them. */
    private static List<String> validatorProblems(Path file, ScenarioFormatException first) {
        String text;
        Scenario scenario;
        Map<String, int[]> positions;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode tree = LENIENT.readTree(text);
            if (!(tree instanceof ObjectNode document)) {
                return List.of();
            }
            document.remove("apiVersion");
            document.remove("kind");
            scenario = LENIENT.treeToValue(document, Scenario.class);
            positions = positions(text);
        } catch (IOException | RuntimeException e) {
            return List.of(); // not bindable: the loader's one message says why
        }
        List<Problem> problems = ScenarioValidator.validate(scenario);
        if (problems.isEmpty()) {
            problems = Steps.validate(scenario);
        }
        if (problems.isEmpty() || !problems.get(0).path().equals(first.field())) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            int[] at = locate(positions, p.path());
            out.add(new ScenarioFormatException(first.source(), at[0], at[1], p.path(), p.message()).getMessage());
        }
        return out;
    }

    /** Where each field path ({@code links[2].to}) starts: line and column, 1-based. */
    private static Map<String, int[]> positions(String text) {
        Map<String, int[]> out = new HashMap<>();
        Node root = new Yaml().compose(new StringReader(text));
        if (root != null) {
            walk(root, "", out);
        }
        return out;
    }

    private static void walk(Node node, String path, Map<String, int[]> out) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    out.put(child, new int[] {key.getStartMark().getLine() + 1, key.getStartMark().getColumn() + 1});
                    walk(tuple.getValueNode(), child, out);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String child = path + "[" + i + "]";
                out.put(child, new int[] {item.getStartMark().getLine() + 1, item.getStartMark().getColumn() + 1});
                walk(item, child, out);
            }
        }
    }

    /** The position of the path, or of its nearest ancestor the file has (a missing field's parent). */
    private static int[] locate(Map<String, int[]> positions, String path) {
        String current = path;
        while (current != null && !current.isEmpty()) {
            int[] found = positions.get(current);
            if (found != null) {
                return found;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut <= 0 ? null : current.substring(0, cut);
        }
        return new int[] {1, 1};
    }
}
