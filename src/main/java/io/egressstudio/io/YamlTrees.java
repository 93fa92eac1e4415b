package io.egressstudio.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Reads one YAML document into a Jackson tree, expanding anchors and aliases within bounds. Jackson's own tree reader
 * reads an alias as the anchor's name, and SnakeYAML's alias count does not bound what aliases expand to: here every
 * alias is replaced by a copy of its anchor's value while all copies together stay under {@link #MAX_ALIAS_VALUES} values and
 * {@link #MAX_DEPTH} levels, and an alias inside its own anchor is refused. Every problem is located at its line.
 */
public final class YamlTrees {
    /** Values that aliases may add to a document, all together: generous for shared defaults, fatal to a bomb. */
    public static final int MAX_ALIAS_VALUES = 100_000;
    /** Nesting a scenario or a Kubernetes object never comes near. */
    public static final int MAX_DEPTH = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE_KEY = "<<";
    private static final YAMLFactory FACTORY = new AnchoredFactory();

    private final AnchoredParser parser;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private int nodes;
    private int aliasValues;

    private record Anchored(JsonNode value, int size) {
    }

    /** Jackson's YAML parser, telling the anchor of every node: Jackson itself reports only mappings' and lists'. */
    private static final class AnchoredParser extends YAMLParser {
        AnchoredParser(IOContext context, int features, int yamlFeatures, LoaderOptions options, ObjectCodec codec,
                       Reader reader) {
            super(context, features, yamlFeatures, options, codec, reader);
        }

        String anchor() {
            return _lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent) ? node.getAnchor() : null;
        }
    }

    private static final class AnchoredFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        AnchoredFactory() {
            super(YAMLFactory.builder().loaderOptions(loaderOptions()));
        }

        @Override
        protected YAMLParser _createParser(Reader reader, IOContext context) {
            return new AnchoredParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
        }
    }

    private YamlTrees(AnchoredParser parser) {
        this.parser = parser;
    }

    /** The SnakeYAML limits every reader of user YAML uses: the file cap instead of SnakeYAML's 3 MB. */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(InputFiles.MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(Integer.MAX_VALUE); // the expanded size is bounded instead
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** The first document of the text as a tree; a missing node when the text has none. */
    public static JsonNode read(String text) throws InputException {
        try (AnchoredParser parser = (AnchoredParser) FACTORY.createParser(new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return MissingNode.getInstance();
            }
            return new YamlTrees(parser).value(first, 1);
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw malformed(e, text.length());
        }
    }

    /**
     * SnakeYAML's own message where there is one (its problem and mark), else Jackson's, else the limit's. A problem
     * found only at the end of the text (an unclosed bracket or quote) is located where the construct began.
     */
    private static InputException malformed(Exception e, int length) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                Mark at = marked.getProblemMark();
                String problem = marked.getProblem() != null ? marked.getProblem() : firstLine(marked.getContext());
                if (at.getIndex() >= length && marked.getContextMark() != null && marked.getContext() != null) {
                    at = marked.getContextMark();
                    problem = marked.getContext() + " that never ends: " + problem;
                }
                return new InputException(at.getLine() + 1, at.getColumn() + 1, "malformed YAML: " + problem);
            }
        }
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            JsonLocation at = json.getLocation();
            return new InputException(Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1),
                    "malformed YAML: " + firstLine(json.getOriginalMessage()));
        }
        return new InputException(0, 0, "malformed YAML: " + firstLine(e.getMessage()));
    }

    private JsonNode value(JsonToken token, int depth) throws IOException, InputException {
        if (depth > MAX_DEPTH) {
            throw here("nested more than " + MAX_DEPTH + " levels deep");
        }
        if (parser.isCurrentAlias()) {
            return alias(parser.getText(), depth);
        }
        String anchor = parser.anchor();
        int before = nodes;
        if (anchor != null) {
            open.add(anchor);
        }
        JsonNode value = switch (token) {
            case START_OBJECT -> mapping(depth);
            case START_ARRAY -> sequence(depth);
            default -> scalar(token);
        };
        nodes++;
        if (anchor != null) {
            open.remove(anchor);
            anchors.put(anchor, new Anchored(value, nodes - before));
        }
        return value;
    }

    /** A mapping; {@code <<: *defaults} merges the aliased mappings' fields that the mapping does not set itself. */
    private ObjectNode mapping(int depth) throws IOException, InputException {
        ObjectNode mapping = NODES.objectNode();
        List<JsonNode> merged = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonNode value = value(parser.nextToken(), depth + 1);
            if (MERGE_KEY.equals(field) && (value.isObject() || value.isArray())) {
                merged.add(value);
            } else {
                mapping.set(field, value);
            }
        }
        for (JsonNode merge : merged) {
            for (JsonNode source : merge.isArray() ? merge : List.of(merge)) {
                source.fields().forEachRemaining(entry -> {
                    if (!mapping.has(entry.getKey())) {
                        mapping.set(entry.getKey(), entry.getValue());
                    }
                });
            }
        }
        return mapping;
    }

    private ArrayNode sequence(int depth) throws IOException, InputException {
        ArrayNode sequence = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            sequence.add(value(token, depth + 1));
        }
        return sequence;
    }

    private JsonNode scalar(JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            default -> NODES.textNode(parser.getText());
        };
    }

    private JsonNode alias(String name, int depth) throws InputException {
        if (open.contains(name)) {
            throw here("alias '*" + name + "' is inside its own anchor '&" + name + "': it would never end");
        }
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
            throw here("alias '*" + name + "' names no anchor before it");
        }
        if (depth + depthOf(anchored.value()) > MAX_DEPTH) {
            throw here("alias '*" + name + "' nests the document more than " + MAX_DEPTH + " levels deep");
        }
        aliasValues += anchored.size();
        if (aliasValues > MAX_ALIAS_VALUES) {
            throw here("alias '*" + name + "' makes the document's aliases expand to more than "
                    + MAX_ALIAS_VALUES + " values");
        }
        nodes += anchored.size();
        return anchored.value().deepCopy();
    }

    private static int depthOf(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depthOf(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    private InputException here(String reason) {
        JsonLocation at = parser.currentTokenLocation();
        return new InputException(Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1), reason);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot parse";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
