package io.egressstudio.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and writes scenario files: YAML with {@code apiVersion: egress-studio/v1} and {@code kind: Scenario}.
 * Every problem becomes one {@link ScenarioFormatException} naming the file, line, column and field.
 */
public final class ScenarioFile {
    public static final String API_GROUP = "egress-studio";
    public static final int FORMAT_VERSION = 1;
    public static final String API_VERSION = API_GROUP + "/v" + FORMAT_VERSION;
    public static final String KIND = "Scenario";
    private static final Pattern OUR_API_VERSION = Pattern.compile(Pattern.quote(API_GROUP) + "/v(\\d+)");
    /** How a file says it is a scenario, whatever else it holds: the one test every command uses. */
    private static final Pattern SCENARIO_HEADER = Pattern.compile("(?m)^apiVersion:\\s*[\"']?" + Pattern.quote(API_GROUP) + "/v\\d+");

    private ScenarioFile() {
    }

    public static Scenario load(Path file) throws ScenarioFormatException {
        try {
            return parse(InputFiles.read(file), file.toString());
        } catch (InputException e) {
            throw new ScenarioFormatException(file.toString(), e.line(), e.column(), null, e.getMessage());
        }
    }

    /** Whether the file says it is a scenario (rather than Kubernetes manifests); unreadable files are explained. */
    public static boolean isScenario(Path file) throws ScenarioFormatException {
        try {
            return SCENARIO_HEADER.matcher(InputFiles.read(file)).find();
        } catch (InputException e) {
            throw new ScenarioFormatException(file.toString(), e.line(), e.column(), null, e.getMessage());
        }
    }

    /** Parses scenario YAML; {@code source} names it in messages. */
    public static Scenario parse(String yaml, String source) throws ScenarioFormatException {
        JsonNode root;
        SourceMap map;
        try {
            String text = InputFiles.checked(yaml);
            root = YamlTrees.read(text);
            map = SourceMap.of(text);
        } catch (InputException e) {
            throw new ScenarioFormatException(source, e.line(), e.column(), null, e.getMessage());
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String reason = "malformed YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage());
            throw new ScenarioFormatException(source, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, null, reason);
        } catch (YAMLException e) {
            throw new ScenarioFormatException(source, 0, 0, null, "malformed YAML: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ScenarioFormatException(source, 0, 0, null, "empty file: expected a Scenario document");
        }
        if (!root.isObject()) {
            throw new ScenarioFormatException(source, 1, 1, null, "expected a mapping with apiVersion, kind and the scenario");
        }
        ObjectNode document = (ObjectNode) root.deepCopy();
        checkHeader(document, source, map);
        document.remove("apiVersion");
        document.remove("kind");
        String emptyItem = emptyListItem(document, "");
        if (emptyItem != null) {
            // the records copy lists with List.copyOf, which refuses null: say so here, at the item
            throw at(source, map, emptyItem, "empty list item: remove the '-' or give the item a value");
        }
        Scenario scenario;
        try {
            scenario = ScenarioMapper.YAML.treeToValue(document, Scenario.class);
        } catch (JsonProcessingException e) {
            throw located(source, map, document, e);
        }
        Scenario withSteps;
        List<Problem> problems = ScenarioValidator.validate(scenario);
        if (problems.isEmpty()) {
            problems = Steps.validate(scenario);
        }
        if (!problems.isEmpty()) {
            List<ScenarioFormatException> others = problems.stream().skip(1)
                    .map(p -> at(source, map, p.path(), p.message())).toList();
            Problem first = problems.get(0);
            SourceMap.Position at = map.locate(first.path());
            throw new ScenarioFormatException(source, at.line(), at.column(), first.path(), first.message(), others);
        }
        withSteps = scenario;
        return withSteps;
    }

    private static void checkHeader(ObjectNode document, String source, SourceMap map) throws ScenarioFormatException {
        JsonNode apiVersion = document.get("apiVersion");
        if (apiVersion == null || !apiVersion.isTextual()) {
            throw at(source, map, "apiVersion", "missing required field 'apiVersion' (expected " + API_VERSION + ")");
        }
        Matcher ours = OUR_API_VERSION.matcher(apiVersion.asText());
        if (!ours.matches()) {
            throw at(source, map, "apiVersion", "unknown apiVersion '" + apiVersion.asText() + "' (expected " + API_VERSION + ")");
        }
        String digits = ours.group(1);
        if (digits.length() > 9 || Integer.parseInt(digits) > FORMAT_VERSION) {
            throw at(source, map, "apiVersion", "this file was written for " + apiVersion.asText()
                    + ", a newer format than this Egress Studio reads (" + API_VERSION + "); update Egress Studio to open it");
        }
        if (Integer.parseInt(digits) < 1) {
            throw at(source, map, "apiVersion", "unknown apiVersion '" + apiVersion.asText() + "' (expected " + API_VERSION + ")");
        }
        JsonNode kind = document.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw at(source, map, "kind", "missing required field 'kind' (expected " + KIND + ")");
        }
        if (!KIND.equals(kind.asText())) {
            throw at(source, map, "kind", "unknown kind '" + kind.asText() + "' (expected " + KIND + ")");
        }
    }

    /** The path of the first null item of a list, or null when there is none. */
    private static String emptyListItem(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String item = path + "[" + i + "]";
                String found = node.get(i).isNull() ? item : emptyListItem(node.get(i), item);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String found = emptyListItem(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static ScenarioFormatException at(String source, SourceMap map, String path, String reason) {
        SourceMap.Position position = map.locate(path);
        return new ScenarioFormatException(source, position.line(), position.column(), path, reason);
    }

    private static ScenarioFormatException located(String source, SourceMap map, JsonNode document,
                                                   JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = pathOf(mapping.getPath());
            return at(source, map, path, reasonOf(mapping));
        }
        var location = e.getLocation();
        return new ScenarioFormatException(source, location == null ? 0 : location.getLineNr(),
                location == null ? 0 : location.getColumnNr(), null, e.getOriginalMessage());
    }

    static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a binding failure means for the user, without Jackson's class names. */
    static String reasonOf(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "'" + invalid.getValue() + "' is not one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "wrong type: expected " + describeType(mismatched.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String describeType(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a mapping (" + type.getSimpleName() + ")";
    }

    /** The scenario as file text: header first, then its fields in a stable order. */
    public static String toYaml(Scenario scenario) {
        ObjectNode document = ScenarioMapper.YAML.createObjectNode();
        document.put("apiVersion", API_VERSION);
        document.put("kind", KIND);
        document.setAll((ObjectNode) ScenarioMapper.YAML.valueToTree(scenario));
        try {
            return ScenarioMapper.YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario always serializes", e);
        }
    }

    /**
     * Saves atomically: an interrupted save leaves the previous file as it was. A read-only file is refused (an
     * {@link java.nio.file.AccessDeniedException} saying so), a replaced file keeps its mode (a new one is 0600), and
     * through a symbolic link the file it points to is written. See {@link AtomicFile}.
     */
    public static void save(Scenario scenario, Path file) throws IOException {
        byte[] bytes = toYaml(scenario).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }
}
