package io.egressstudio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated YAML of every built-in scenario: equal to its reviewed golden file, valid against the upstream CRD
 * schemas in ../shared/crds (see {@link SharedCrds}), and read back by fabric8 as equal objects. Run with
 * -Dgolden.update=true to rewrite the golden files after an intended change, then review the diff.
 */
class GeneratedManifestsTest {
    private static final Path GOLDEN = Paths.get("src/test/resources/io/egressstudio/generate/golden");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> BUILT_IN_KINDS = Set.of("Namespace", "Secret", "ConfigMap", "Role", "RoleBinding",
            "Deployment", "Service");
    private static Map<String, JsonSchema> schemas;

    static Stream<String> builtIns() {
        return BuiltInScenarios.names().stream();
    }

    private static ResourceSet finished(String name) throws Exception {
        Scenario scenario = BuiltInScenarios.get(name);
        return ScenarioGenerator.generate(Steps.after(scenario, scenario.steps().size()));
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void matchesTheReviewedGoldenFile(String name) throws Exception {
        String yaml = ManifestWriter.toYaml(finished(name));
        Path golden = GOLDEN.resolve("GeneratedManifestsTest." + name + ".yaml");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, yaml);
        }
        assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(yaml).isEqualTo(Files.readString(golden));
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyResourceValidatesAgainstItsUpstreamCrdSchema(String name) throws Exception {
        SharedCrds.require();
        Map<String, JsonSchema> byKind = schemas();
        int validated = 0;
        for (HasMetadata resource : finished(name).applicable()) {
            if (BUILT_IN_KINDS.contains(resource.getKind())) {
                continue;
            }
            String key = resource.getApiVersion() + "/" + resource.getKind();
            JsonSchema schema = byKind.get(key);
            assertThat(schema).as("a CRD schema for %s", key).isNotNull();
            JsonNode node = Serialization.jsonMapper().valueToTree(resource);
            Set<ValidationMessage> errors = schema.validate(node);
            assertThat(errors).as("%s %s/%s against its CRD", key, resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName()).isEmpty();
            validated++;
        }
        assertThat(validated).as("resources with a CRD in %s", name).isPositive();
    }

    /** Issue #19: the Gateway API gateway, its routes and their DestinationRules validate against the upstream CRDs. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"3-1b-egress-encrypted", "3-1b-egress-plain", "3-egress-authz"})
    void gatewayApiEgressValidatesAgainstTheGatewayApiCrds(String name) throws Exception {
        SharedCrds.require();
        Scenario scenario = io.egressstudio.io.BuiltInDesigns.finished(name);
        for (io.egressstudio.model.EgressGateway g : scenario.egressGateways()) {
            scenario = io.egressstudio.design.ScenarioEdits.replace(scenario, g.id(),
                    g.withApi(io.egressstudio.model.GatewayApi.GATEWAY_API));
        }
        Map<String, JsonSchema> byKind = schemas();
        java.util.Set<String> gatewayApiKinds = new java.util.TreeSet<>();
        for (HasMetadata resource : ScenarioGenerator.generate(scenario).applicable()) {
            if (BUILT_IN_KINDS.contains(resource.getKind())) {
                continue;
            }
            String key = resource.getApiVersion() + "/" + resource.getKind();
            assertThat(byKind.get(key)).as("a CRD schema for %s", key).isNotNull();
            JsonNode node = Serialization.jsonMapper().valueToTree(resource);
            assertThat(byKind.get(key).validate(node)).as("%s %s/%s against its CRD", key,
                    resource.getMetadata().getNamespace(), resource.getMetadata().getName()).isEmpty();
            if (key.startsWith("gateway.networking.k8s.io/")) {
                gatewayApiKinds.add(resource.getKind());
            }
        }
        assertThat(gatewayApiKinds).as("Gateway API kinds generated for %s", name).contains("Gateway", "HTTPRoute");
    }

    /**
     * TLSRoutes are experimental in Istio before 1.30: a design that passes TLS through a Gateway API gateway turns on
     * istiod's PILOT_ENABLE_ALPHA_GATEWAY_API in the Sail Istio (which still validates), and does not from 1.30 on.
     */
    @org.junit.jupiter.api.Test
    void tlsPassthroughThroughAGatewayApiGatewayTurnsOnIstiodsExperimentalRoutesBeforeIstio130() throws Exception {
        SharedCrds.require();
        Scenario scenario = io.egressstudio.io.ScenarioFile.load(
                io.egressstudio.predict.Fixture.ROOT.resolve("scenarios/gateway-api-tls-passthrough.yaml"));
        Map<String, JsonSchema> byKind = schemas();
        List<HasMetadata> resources = ScenarioGenerator.generate(scenario).applicable();
        assertThat(resources).extracting(HasMetadata::getKind).contains("TLSRoute");
        for (HasMetadata resource : resources) {
            String key = resource.getApiVersion() + "/" + resource.getKind();
            if (!BUILT_IN_KINDS.contains(resource.getKind())) {
                assertThat(byKind.get(key).validate(Serialization.jsonMapper().valueToTree(resource)))
                        .as("%s %s against its CRD", key, resource.getMetadata().getName()).isEmpty();
            }
        }
        assertThat(alphaFlag(resources)).isEqualTo("true");

        io.egressstudio.model.Mesh mesh = scenario.meshes().get(0);
        Scenario current = io.egressstudio.design.ScenarioEdits.replace(scenario, mesh.id(),
                io.egressstudio.design.ElementPatch.setField(mesh, "version", "v1.30-latest"));
        assertThat(alphaFlag(ScenarioGenerator.generate(current).applicable())).isNull();
    }

    private static String alphaFlag(List<HasMetadata> resources) {
        HasMetadata istio = resources.stream().filter(r -> r.getKind().equals("Istio")).findFirst().orElseThrow();
        return Serialization.jsonMapper().valueToTree(istio).path("spec").path("values").path("pilot").path("env")
                .path("PILOT_ENABLE_ALPHA_GATEWAY_API").textValue();
    }

    @org.junit.jupiter.api.Test
    void schemaValidationRejectsAResourceThatBreaksItsCrd() throws Exception {
        SharedCrds.require();
        JsonNode broken = YAML.readTree(String.join("\n",
                "apiVersion: networking.istio.io/v1beta1",
                "kind: ServiceEntry",
                "metadata: {name: x, namespace: y}",
                "spec:",
                "  hosts: [example.com]",
                "  resolution: SOMETIMES",
                "  ports: [{number: notanumber, name: http, protocol: HTTP}]"));
        Set<ValidationMessage> errors = schemas().get("networking.istio.io/v1beta1/ServiceEntry").validate(broken);
        assertThat(errors).extracting(ValidationMessage::getMessage).anySatisfy(m -> assertThat(m).contains("resolution"))
                .anySatisfy(m -> assertThat(m).contains("number"));
    }

    @org.junit.jupiter.api.Test
    void theOssm3ControlPlaneValidatesAgainstTheSailOperatorsSchemaWhichRejectsAnUnknownVersion() throws Exception {
        SharedCrds.require();
        List<HasMetadata> sail = finished("3-1b-egress-encrypted").applicable().stream()
                .filter(r -> r.getApiVersion().startsWith("sailoperator.io/")).toList();
        assertThat(sail).extracting(HasMetadata::getKind).contains("Istio", "IstioCNI");
        for (HasMetadata resource : sail) {
            JsonNode node = Serialization.jsonMapper().valueToTree(resource);
            assertThat(schemas().get(resource.getApiVersion() + "/" + resource.getKind()).validate(node))
                    .as(resource.getKind()).isEmpty();
        }
        com.fasterxml.jackson.databind.node.ObjectNode broken = Serialization.jsonMapper().valueToTree(sail.get(0));
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("spec")).put("version", "v2.1");
        assertThat(schemas().get("sailoperator.io/v1/Istio").validate(broken))
                .extracting(ValidationMessage::getMessage).anySatisfy(m -> assertThat(m).contains("version"));
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void yamlReadBackWithFabric8GivesEqualObjects(String name, @TempDir Path folder) throws Exception {
        ResourceSet set = finished(name);
        ManifestWriter.write(set, folder, ManifestWriter.Layout.SINGLE);
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> expected = ManifestWriter.ordered(set).stream().filter(r -> !ManifestWriter.isPending(r)).toList();
        List<HasMetadata> read = serialization.unmarshal(Files.newInputStream(folder.resolve(ManifestWriter.SINGLE_FILE)));
        assertThat(read).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource) {
                // written from plain maps (Gateway API kinds, SMCPs): read back as a model class where one is on
                // the class path; the same object either way
                JsonNode readTree = Serialization.jsonMapper().valueToTree(read.get(i));
                JsonNode expectedTree = Serialization.jsonMapper().valueToTree(expected.get(i));
                assertThat(readTree).isEqualTo(expectedTree);
                continue;
            }
            assertThat(read.get(i).getClass()).isEqualTo(expected.get(i).getClass());
            assertThat(serialization.asJson(read.get(i))).isEqualTo(serialization.asJson(expected.get(i)));
        }
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void scriptLayoutAppliesEveryFileInDependencyOrder(String name, @TempDir Path folder) throws Exception {
        ManifestWriter.write(finished(name), folder, ManifestWriter.Layout.SCRIPT);
        String script = Files.readString(folder.resolve("apply.sh"));
        String kustomization = Files.readString(folder.resolve("kustomization.yaml"));
        List<String> files = YAML.readTree(kustomization).path("resources").findValuesAsText("resources");
        JsonNode resources = YAML.readTree(kustomization).path("resources");
        int lastRank = -1;
        for (JsonNode file : resources) {
            assertThat(folder.resolve(file.asText())).exists();
            assertThat(script).contains("apply -f '" + file.asText() + "'");
            int rank = Integer.parseInt(Paths.get(file.asText()).getFileName().toString().substring(0, 2));
            assertThat(rank).isGreaterThanOrEqualTo(lastRank);
            lastRank = rank;
        }
        assertThat(files).isEmpty();
        boolean maistra = BuiltInScenarios.get(name).meshes().stream().allMatch(m -> m.flavour().memberRoll());
        String controlPlane = maistra ? "-servicemeshcontrolplane.yaml" : "-istio.yaml";
        assertThat(script.indexOf("-namespace.yaml")).isLessThan(script.indexOf(controlPlane));
        assertThat(script).contains(maistra ? "wait --for condition=Ready servicemeshcontrolplane/"
                : "wait --for condition=Ready istio/");
        assertThat(Files.isExecutable(folder.resolve("apply.sh"))).isTrue();
    }

    /**
     * OpenAPI v3 as Kubernetes writes it, made plain JSON Schema: int-or-string becomes anyOf integer/string, and
     * null-valued keywords (an upstream quirk, e.g. the Route CRD's {@code anyOf: null}) are dropped.
     */
    static JsonNode openApiToJsonSchema(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        sanitize(copy);
        return copy;
    }

    private static void sanitize(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            List<String> nulls = new java.util.ArrayList<>();
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                }
            });
            object.remove(nulls);
            if (object.path("x-kubernetes-int-or-string").asBoolean(false) && !object.has("type") && !object.has("anyOf")) {
                object.putArray("anyOf").add(YAML.createObjectNode().put("type", "integer"))
                        .add(YAML.createObjectNode().put("type", "string"));
            }
            object.elements().forEachRemaining(GeneratedManifestsTest::sanitize);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(GeneratedManifestsTest::sanitize);
        }
    }

    private static synchronized Map<String, JsonSchema> schemas() throws IOException {
        if (schemas != null) {
            return schemas;
        }
        Map<String, JsonSchema> result = new HashMap<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.walk(SharedCrds.FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (JsonNode crd : YAML.readValues(YAML.createParser(text), JsonNode.class).readAll()) {
                    if (crd == null || !"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        JsonNode schema = version.path("schema").path("openAPIV3Schema");
                        if (!schema.isMissingNode()) {
                            result.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(openApiToJsonSchema(schema)));
                        }
                    }
                }
            }
        }
        schemas = result;
        return result;
    }
}
