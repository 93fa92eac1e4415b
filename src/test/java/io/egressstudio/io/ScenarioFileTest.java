package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioFileTest {
    /** The cases issue #2 asks for; each must have a fixture in {@code scenarios/bad/}. */
    private static final List<String> REQUIRED_BAD_CASES = List.of("malformed-yaml", "wrong-type", "unknown-kind",
            "missing-required-field", "duplicate-ids", "link-to-missing-element", "invalid-dns-name",
            "port-out-of-range", "newer-api-version", "unknown-field", "empty-file");

    @TempDir
    Path folder;

    static List<String> builtIns() {
        return BuiltInScenarios.names();
    }

    static Stream<Path> badFixtures() throws IOException {
        return BadFixtures.all().stream();
    }

    @Test
    void theSevenSeedScenariosAreBuiltInForMaistraAndForOssm3() {
        List<String> seed = List.of("1a-simple", "1a-mutual", "1a-unencrypted-v1", "1a-unencrypted-v2",
                "1b-egress-encrypted", "1b-egress-plain", "2-federation");
        // the seed's scenarios first, then the walkthroughs that go beyond the seed (issue 19: authorization)
        assertThat(BuiltInScenarios.names()).containsExactlyElementsOf(java.util.stream.Stream.of(seed.stream(),
                seed.stream().map(name -> "3-" + name), java.util.stream.Stream.of("3-egress-authz", "3-egress-authz-gateway-api",
                "3-egress-authz-ambient"))
                .flatMap(s -> s).toList());
        for (String name : seed) {
            assertThat(BuiltInScenarios.get(name).meshes()).extracting(io.egressstudio.model.Mesh::flavour)
                    .containsOnly(io.egressstudio.model.MeshFlavour.MAISTRA_2);
            assertThat(BuiltInScenarios.get("3-" + name).meshes()).extracting(io.egressstudio.model.Mesh::flavour)
                    .containsOnly(io.egressstudio.model.MeshFlavour.OSSM_3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void savedAndLoadedAgainEqualsItself(String name) throws Exception {
        Scenario original = BuiltInScenarios.get(name);
        Path file = folder.resolve(name + ".yaml");

        ScenarioFile.save(original, file);
        Scenario loaded = ScenarioFile.load(file);

        assertThat(loaded).isEqualTo(original);
        assertThat(loaded.name()).isEqualTo(name);
        assertThat(loaded.links()).isNotEmpty();
        // saving what was loaded writes the same bytes: nothing drifts from one save to the next
        Path again = folder.resolve(name + "-again.yaml");
        ScenarioFile.save(loaded, again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void toYamlIsDeterministicAndStartsWithTheHeader(String name) throws Exception {
        Scenario scenario = BuiltInScenarios.get(name);
        String first = ScenarioFile.toYaml(scenario);

        assertThat(ScenarioFile.toYaml(BuiltInScenarios.get(name))).isEqualTo(first);
        assertThat(ScenarioFile.toYaml(ScenarioFile.parse(first, "memory"))).isEqualTo(first);
        assertThat(first).startsWith("apiVersion: egress-studio/v1\nkind: Scenario\nname: " + name + "\n");
    }

    @Test
    void everyRequiredBadCaseHasAFixture() throws IOException {
        List<String> names = BadFixtures.all().stream().map(BadFixtures::caseName).toList();
        assertThat(names).containsAll(REQUIRED_BAD_CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFixtures")
    void badFileGivesOneLocatedMessage(Path fixture) throws IOException {
        BadFixtures.Expected expected = BadFixtures.expected(fixture);

        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioFile.load(fixture));

        assertThat(e.source()).isEqualTo(fixture.toString());
        assertThat(e.line()).as("line").isEqualTo(expected.line());
        assertThat(e.column()).as("column").isEqualTo(expected.column());
        assertThat(e.field()).as("field").isEqualTo(expected.field());
        assertThat(e.reason()).as("reason").isEqualTo(expected.reason());
        assertThat(e.getMessage()).isEqualTo(fixture + expected.message());
        assertThat(e.getMessage()).doesNotContain("Exception", "\tat ", "io.egressstudio");
    }

    @Test
    void aMaistraMeshIsSavedWithoutAFlavourAndAnOssm3MeshWithIt() throws ScenarioFormatException {
        Scenario scenario = ScenarioFile.parse("""
                apiVersion: egress-studio/v1
                kind: Scenario
                name: flavours
                meshes:
                  - {id: old, name: basic, namespace: istio-system}
                  - {id: new, name: default, namespace: istio-next, flavour: OSSM_3, members: [shop]}
                """, "flavours.yaml");

        String saved = ScenarioFile.toYaml(scenario);

        assertThat(scenario.mesh("old").orElseThrow().flavour()).isEqualTo(MeshFlavour.MAISTRA_2);
        assertThat(scenario.mesh("new").orElseThrow().version()).isEqualTo("v1.28-latest");
        assertThat(scenario.mesh("new").orElseThrow().autoMtls()).as("Istio's default").isTrue();
        assertThat(saved).containsOnlyOnce("flavour:").contains("flavour: OSSM_3");
        assertThat(ScenarioFile.parse(saved, "again.yaml")).isEqualTo(scenario);
    }

    @Test
    void aMissingFileIsReportedWithoutAStackTrace() {
        Path missing = folder.resolve("nothing-here.yaml");

        assertThatThrownBy(() -> ScenarioFile.load(missing))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage(missing + ": cannot read: no such file");
    }

    @Test
    void anOlderButKnownVersionIsRead() throws Exception {
        // v1 is the first format version: files that say so are read, whatever the order of the header fields
        String yaml = "kind: Scenario\napiVersion: egress-studio/v1\nname: minimal\n";
        Scenario scenario = ScenarioFile.parse(yaml, "minimal.yaml");
        assertThat(scenario.name()).isEqualTo("minimal");
        assertThat(scenario.elements()).isEmpty();
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        assertThatThrownBy(() -> ScenarioFile.parse("apiVersion: egress-studio/v0\nkind: Scenario\nname: x\n", "old.yaml"))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage("old.yaml:1:1: field 'apiVersion': unknown apiVersion 'egress-studio/v0' (expected egress-studio/v1)");
    }

    @Test
    void manyProblemsAreReportedAsTheFirstAndACount() {
        String yaml = """
                apiVersion: egress-studio/v1
                kind: Scenario
                name: many
                workloads:
                  - id: client
                    namespace: Bad_Namespace
                    name: Bad_Name
                    ports: [0]
                """;
        assertThatThrownBy(() -> ScenarioFile.parse(yaml, "many.yaml"))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith("many.yaml:6:5: field 'workloads[0].namespace': 'Bad_Namespace' is not a valid")
                .hasMessageEndingWith("(and 2 more)");
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = folder.resolve("s.yaml");
        Files.writeString(file, "old content\n");

        ScenarioFile.save(BuiltInScenarios.get("1a-unencrypted-v1"), file);

        assertThat(Files.readString(file)).isEqualTo(ScenarioFile.toYaml(BuiltInScenarios.get("1a-unencrypted-v1")));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theFileIsUtf8AndOtherEncodingsAreRefused() throws Exception {
        Scenario simple = BuiltInScenarios.get("1a-simple");
        Scenario accented = new Scenario(simple.name(), "Grüße → greeting.remote.com", simple.description(),
                simple.istioApi(), simple.meshes(), simple.workloads(), simple.egressGateways(),
                simple.externalServices(), simple.links(), simple.federations(), simple.certificates(), simple.steps(),
                simple.layout());
        Path file = folder.resolve("s.yaml");

        ScenarioFile.save(accented, file);

        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("Grüße → greeting.remote.com");
        assertThat(ScenarioFile.load(file)).isEqualTo(accented);

        Path latin1 = folder.resolve("latin1.yaml");
        Files.write(latin1, "apiVersion: egress-studio/v1\nkind: Scenario\nname: x\ntitle: Grüße\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScenarioFile.load(latin1))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage(latin1 + ":4:10: not UTF-8 text: byte 0xFC cannot start or continue a character");
    }

    /** The fixtures in {@code src/test/resources/scenarios/bad/} and the message each one's first line expects. */
    static final class BadFixtures {
        private static final Pattern EXPECTED = Pattern.compile(
                "# Expected: (?:(\\d+):(\\d+): )?(?:field '([^']+)': )?(.+)");

        /** {@code message} is the full message after the file name. */
        record Expected(int line, int column, String field, String reason, String message) {
        }

        private BadFixtures() {
        }

        static List<Path> all() throws IOException {
            Path folder;
            try {
                folder = Path.of(BadFixtures.class.getResource("/scenarios/bad").toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            }
        }

        static String caseName(Path fixture) {
            String name = fixture.getFileName().toString();
            return name.substring(0, name.length() - ".yaml".length());
        }

        static Expected expected(Path fixture) throws IOException {
            String first = Files.readAllLines(fixture, StandardCharsets.UTF_8).get(0);
            Matcher m = EXPECTED.matcher(first);
            if (!m.matches()) {
                throw new IllegalStateException(fixture + ": the first line must be '# Expected: LINE:COL: field 'F': reason'");
            }
            int line = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            int column = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            String rest = first.substring("# Expected: ".length());
            // FILE:LINE:COL: ... when the problem has a position, FILE: ... when it has none (an empty file)
            return new Expected(line, column, m.group(3), m.group(4), (line > 0 ? ":" : ": ") + rest);
        }
    }
}
