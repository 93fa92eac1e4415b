package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/scenario.schema.json and docs/scenario-format.md describe the model as it is: every built-in scenario passes
 * the schema, bad files fail it at the right place, and both documents list every field of every record, with the
 * defaults the records really apply.
 */
class ScenarioSchemaTest {
    private static final Path SCHEMA = Path.of("docs/scenario.schema.json");
    private static final Path FORMAT = Path.of("docs/scenario-format.md");
    private static final ObjectMapper YAML = new YAMLMapper();

    private static JsonNode schemaTree;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaTree = new ObjectMapper().readTree(SCHEMA.toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    }

    private static JsonNode builtInTree(String name) throws IOException {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream("/io/egressstudio/scenarios/" + name + ".yaml")) {
            return YAML.readTree(in);
        }
    }

    private static Path badFixture(String name) throws Exception {
        return Path.of(ScenarioSchemaTest.class.getResource("/scenarios/bad/" + name + ".yaml").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.egressstudio.io.BuiltInScenarios#names")
    void everyBuiltInScenarioMatchesTheSchema(String name) throws IOException {
        assertThat(schema.validate(builtInTree(name))).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.egressstudio.io.BuiltInScenarios#names")
    void whatEgressStudioSavesMatchesTheSchema(String name) throws IOException {
        JsonNode saved = YAML.readTree(ScenarioFile.toYaml(BuiltInScenarios.get(name)));
        assertThat(schema.validate(saved)).as(name).isEmpty();
    }

    static Stream<Arguments> badFilesTheSchemaCatches() {
        return Stream.of(
                Arguments.of("wrong-type", "$.links[0].port"),
                Arguments.of("unknown-kind", "$.kind"),
                Arguments.of("missing-required-field", "$.links[0]"),
                Arguments.of("invalid-dns-name", "$.workloads[0].namespace"),
                Arguments.of("port-out-of-range", "$.links[0].port"),
                Arguments.of("newer-api-version", "$.apiVersion"),
                Arguments.of("unknown-field", "$.meshes[0]"),
                Arguments.of("unknown-enum-value", "$.meshes[0].outboundPolicy"),
                Arguments.of("missing-api-version", "$"),
                Arguments.of("empty-list-item", "$.workloads[0].ports[1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFilesTheSchemaCatches")
    void badFilesFailTheSchemaAtTheRightPlace(String fixture, String location) throws Exception {
        JsonNode tree = YAML.readTree(badFixture(fixture).toFile());

        Set<ValidationMessage> errors = schema.validate(tree);

        assertThat(errors).isNotEmpty();
        assertThat(errors).extracting(e -> e.getInstanceLocation().toString()).contains(location);
    }

    @Test
    void theSchemaCannotSeeReferencesButTheLoaderDoes() throws Exception {
        // documented split: ids and references are the loader's job
        for (String fixture : List.of("duplicate-ids", "link-to-missing-element", "step-unknown-element")) {
            assertThat(schema.validate(YAML.readTree(badFixture(fixture).toFile()))).as(fixture).isEmpty();
        }
    }

    static Stream<Arguments> conditionalRules() {
        return Stream.of(
                // a registered service needs its ServiceEntry's name, namespace and ports; an unregistered one does not
                Arguments.of("1a-unencrypted-v1", "/externalServices/0", "registered", "true", "ports", "$.externalServices[0]"),
                Arguments.of("1a-unencrypted-v1", "/externalServices/0", "registered", "false", "ports", null),
                // only a CA may have no issuer
                Arguments.of("1a-simple", "/certificates/1", "kind", "\"SERVER\"", "issuer", "$.certificates[1]"),
                Arguments.of("1a-simple", "/certificates/0", "kind", "\"CA\"", "issuer", null),
                // a terminating Gateway needs its credential; a passthrough one does not
                Arguments.of("1a-simple", "/externalServices/0/server/ingress", "gatewayTlsMode", "\"MUTUAL\"",
                        "credentialName", "$.externalServices[0].server.ingress"),
                Arguments.of("1a-simple", "/externalServices/0/server/ingress", "gatewayTlsMode", "\"PASSTHROUGH\"",
                        "credentialName", null),
                // a port rewrite needs its target port
                Arguments.of("1a-simple", "/links/0", "rewrite", "\"TARGET_PORT\"", "targetPort", "$.links[0]"),
                Arguments.of("1a-simple", "/links/0", "rewrite", "\"NONE\"", "targetPort", null),
                // only an egress gateway originates egressTls
                Arguments.of("1b-egress-encrypted", "/links/0", "app", "\"HTTP\"", "via", "$.links[0]"),
                // a MESH_INGRESS server needs its ingress
                Arguments.of("1a-simple", "/externalServices/0/server", "kind", "\"MESH_INGRESS\"", "ingress",
                        "$.externalServices[0].server"),
                // a change has exactly one of set, add or remove
                Arguments.of("1a-unencrypted-v1", "/steps/1/changes/0", "remove", "\"client-mesh\"", "none",
                        "$.steps[1].changes[0]"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}={3} without {4}")
    @MethodSource("conditionalRules")
    void conditionalRequirementsHold(String builtIn, String pointer, String field, String json, String removed,
                                     String failsAt) throws IOException {
        // the elements of a finished design (a walkthrough's drawing is its start), the steps of the walkthrough
        JsonNode scenario = pointer.startsWith("/steps") ? builtInTree(builtIn)
                : YAML.readTree(ScenarioFile.toYaml(BuiltInDesigns.finished(builtIn)));
        ObjectNode target = (ObjectNode) scenario.at(pointer);
        target.set(field, new ObjectMapper().readTree(json));
        target.remove(removed);

        List<String> locations = schema.validate(scenario).stream().map(e -> e.getInstanceLocation().toString()).toList();

        if (failsAt == null) {
            assertThat(locations).isEmpty();
        } else {
            assertThat(locations).contains(failsAt);
        }
    }

    // ---- the documents follow the model ----

    /** Every record of the model reachable from Scenario, in a stable order. */
    static List<Class<?>> records() {
        Set<Class<?>> found = new LinkedHashSet<>();
        collect(Scenario.class, found);
        return new ArrayList<>(found);
    }

    static List<Class<?>> enums() {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> record : records()) {
            for (RecordComponent component : record.getRecordComponents()) {
                for (Class<?> type : typesOf(component.getGenericType())) {
                    if (type.isEnum()) {
                        found.add(type);
                    }
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static void collect(Class<?> record, Set<Class<?>> found) {
        if (!found.add(record)) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            for (Class<?> type : typesOf(component.getGenericType())) {
                if (type.isRecord()) {
                    collect(type, found);
                }
            }
        }
    }

    private static List<Class<?>> typesOf(Type type) {
        List<Class<?>> types = new ArrayList<>();
        if (type instanceof Class<?> plain) {
            types.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                types.addAll(typesOf(argument));
            }
        }
        return types;
    }

    private static JsonNode schemaOf(Class<?> record) {
        return record == Scenario.class ? schemaTree : schemaTree.path("$defs").path(record.getSimpleName());
    }

    @Test
    void theModelHasTheRecordsWeExpect() {
        assertThat(records()).extracting(Class::getSimpleName).contains("Scenario", "Mesh", "Workload",
                "EgressGateway", "ExternalService", "ServicePort", "Server", "MeshIngress", "Link", "Origination",
                "Federation", "FederatedService", "CertificateSpec", "SecretPlacement", "Step", "Change", "Position");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void theSchemaHasEveryFieldOfTheRecordAndNoOther(Class<?> record) {
        JsonNode definition = schemaOf(record);
        assertThat(definition.isMissingNode()).as("$defs/" + record.getSimpleName()).isFalse();
        assertThat(definition.path("additionalProperties").asBoolean(true)).as("unknown fields are refused").isFalse();

        List<String> fields = new ArrayList<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
        if (record == Scenario.class) {
            fields.addAll(0, List.of("apiVersion", "kind"));
        }
        List<String> properties = new ArrayList<>();
        definition.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsExactlyElementsOf(fields);

        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = definition.path("properties").path(component.getName());
            for (Class<?> type : typesOf(component.getGenericType())) {
                if (type.isEnum() || type.isRecord()) {
                    assertThat(property.toString()).as(record.getSimpleName() + "." + component.getName())
                            .contains("\"#/$defs/" + type.getSimpleName() + "\"");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void theSchemaListsEveryValueOfEachEnum(Class<?> type) {
        List<String> values = new ArrayList<>();
        schemaTree.path("$defs").path(type.getSimpleName()).path("enum").forEach(v -> values.add(v.asText()));
        assertThat(values).containsExactlyElementsOf(
                Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
    }

    /** The record built with every field left out, as it would be saved. */
    private static JsonNode withEverythingLeftOut(Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == boolean.class) {
                arguments[i] = false;
            } else if (types[i] == int.class) {
                arguments[i] = 0;
            } else if (types[i] == double.class) {
                arguments[i] = 0.0;
            }
        }
        Constructor<?> constructor = record.getDeclaredConstructor(types);
        return ScenarioMapper.JSON.valueToTree(constructor.newInstance(arguments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void theSchemaDefaultsAreTheDefaultsTheModelApplies(Class<?> record) throws Exception {
        JsonNode defaults = withEverythingLeftOut(record);
        JsonNode definition = schemaOf(record);
        Set<String> required = new LinkedHashSet<>();
        definition.path("required").forEach(r -> required.add(r.asText()));

        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            String where = record.getSimpleName() + "." + name;
            JsonNode declared = definition.path("properties").path(name).get("default");
            JsonNode applied = defaults.get(name);
            if (declared != null) {
                assertThat(applied).as(where + " is applied").isNotNull();
                if (declared.isNumber()) {
                    assertThat(applied.asDouble()).as(where).isEqualTo(declared.asDouble());
                } else {
                    assertThat(applied).as(where).isEqualTo(declared);
                }
            } else if (applied != null && !required.contains(name)) {
                // a default that depends on other fields: the schema can only describe it
                assertThat(where).as(where + " applies " + applied + " but the schema declares no default")
                        .isIn("ServicePort.name");
            }
        }
    }

    private static String format() throws IOException {
        return Files.readString(FORMAT, StandardCharsets.UTF_8);
    }

    /** The rows of the table under "### NAME" (up to the next heading): the field names, in order. */
    private static List<String> documentedFields(String doc, String record) {
        Matcher section = Pattern.compile("(?m)^### " + Pattern.quote(record) + "\\b.*$").matcher(doc);
        assertThat(section.find()).as("docs/scenario-format.md has a section '### " + record + "'").isTrue();
        int end = doc.indexOf("\n#", section.end());
        String body = doc.substring(section.end(), end < 0 ? doc.length() : end);
        List<String> fields = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(body);
        while (row.find()) {
            fields.add(row.group(1));
        }
        return fields;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void theFormatDocumentDescribesEveryFieldInFileOrder(Class<?> record) throws IOException {
        List<String> fields = new ArrayList<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
        if (record == Scenario.class) {
            fields.addAll(0, List.of("apiVersion", "kind"));
        }
        assertThat(documentedFields(format(), record.getSimpleName())).containsExactlyElementsOf(fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void theFormatDocumentListsEveryValueOfEachEnum(Class<?> type) throws IOException {
        Matcher row = Pattern.compile("(?m)^\\| `" + type.getSimpleName() + "` \\| (.*)$").matcher(format());
        assertThat(row.find()).as("an Enumerations row for " + type.getSimpleName()).isTrue();
        List<String> values = new ArrayList<>();
        Matcher value = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(row.group(1));
        while (value.find()) {
            values.add(value.group(1));
        }
        assertThat(values).containsExactlyElementsOf(
                Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
    }
}
