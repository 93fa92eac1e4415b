package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class EgressStudioCommandTest {
    /** What one in-process run printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    @TempDir
    Path folder;

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Set<String> subcommands() {
        return new CommandLine(new EgressStudioCommand()).getSubcommands().keySet();
    }

    static Stream<Path> badFixtures() throws IOException, URISyntaxException {
        Path bad = Path.of(EgressStudioCommandTest.class.getResource("/scenarios/bad").toURI());
        try (Stream<Path> files = Files.list(bad)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ", "at io.egressstudio", "at picocli");
    }

    @Test
    void templatesListsTheSevenSeedScenariosForMaistraThenForOssm3ThenTheAuthorizationWalkthroughs() {
        Run run = run("templates");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(17);
        assertThat(run.outLines()).extracting(line -> line.split("\\s+", 2)[0]).containsExactly("1a-simple",
                "1a-mutual", "1a-unencrypted-v1", "1a-unencrypted-v2", "1b-egress-encrypted", "1b-egress-plain",
                "2-federation", "3-1a-simple", "3-1a-mutual", "3-1a-unencrypted-v1", "3-1a-unencrypted-v2",
                "3-1b-egress-encrypted", "3-1b-egress-plain", "3-2-federation", "3-egress-authz",
                "3-egress-authz-gateway-api", "3-egress-authz-ambient");
        assertThat(run.outLines().get(2)).contains("Option 1a, unencrypted, Variation 1");
        assertThat(run.outLines().get(9)).contains("OSSM 3 — Option 1a, unencrypted, Variation 1");
    }

    @Test
    void newFromATemplateThenValidateExitsZero() throws Exception {
        Path file = folder.resolve("s.yaml");

        Run created = run("new", "--template", "1a-unencrypted-v1", "-o", file.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("wrote " + file);
        assertThat(ScenarioFile.load(file)).isEqualTo(BuiltInScenarios.get("1a-unencrypted-v1"));

        Run validated = run("validate", file.toString());
        assertThat(validated.exit()).as(validated.err()).isZero();
        assertThat(validated.out()).isEqualTo(file + ": valid\n");
        assertThat(validated.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.egressstudio.io.BuiltInScenarios#names")
    void everyTemplateWritesAValidFile(String template) {
        Path file = folder.resolve(template + ".yaml");

        assertThat(run("new", "-t", template, "--output", file.toString()).exit()).isZero();
        assertThat(run("validate", file.toString()).exit()).isZero();
    }

    @Test
    void newRefusesToOverwriteUnlessForced() throws Exception {
        Path file = folder.resolve("s.yaml");
        Files.writeString(file, "mine\n");

        Run refused = run("new", "--template", "1a-simple", "-o", file.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo(file + ": already exists; pass --force to overwrite it\n");
        assertThat(Files.readString(file)).isEqualTo("mine\n");

        Run forced = run("new", "--template", "1a-simple", "-o", file.toString(), "--force");
        assertThat(forced.exit()).isZero();
        assertThat(ScenarioFile.load(file).name()).isEqualTo("1a-simple");
    }

    @Test
    void anUnknownTemplateExitsTwoAndNamesTheChoices() {
        Path file = folder.resolve("s.yaml");

        Run run = run("new", "--template", "1c-nonexistent", "-o", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("no built-in scenario '1c-nonexistent'; choose one of [1a-simple, ");
        assertThat(run.out()).isEmpty();
        assertThat(file).doesNotExist();
        assertNoStackTrace(run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFixtures")
    void validateOfABadFilePrintsTheLocatedMessageAndExitsTwo(Path fixture) throws IOException {
        String firstLine = Files.readAllLines(fixture, StandardCharsets.UTF_8).get(0);
        String expected = firstLine.substring("# Expected: ".length());

        Run run = run("validate", fixture.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        String separator = Character.isDigit(expected.charAt(0)) ? ":" : ": ";
        assertThat(run.err()).isEqualTo(fixture + separator + expected + "\n");
        assertNoStackTrace(run);
    }

    @Test
    void validateShowsTheFileLineColumnAndFieldOfAnEditedFile() throws Exception {
        Path file = folder.resolve("s.yaml");
        run("new", "--template", "1a-unencrypted-v1", "-o", file.toString());
        // the link's port (the service's port is 'number: 8080'): the user types one digit too many
        List<String> lines = Files.readAllLines(file);
        int index = lines.indexOf("    port: 8080");
        assertThat(index).as("the saved file has the link's port on a line of its own").isPositive();
        lines.set(index, "    port: 80800");
        Files.write(file, lines);

        Run run = run("validate", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(file + ":" + (index + 1) + ":5: field 'links[0].port': "
                + "port 80800 is out of range (1-65535)\n");
    }

    @Test
    void validateChecksEveryFileAndFailsIfAnyIsBad() throws Exception {
        Path good = folder.resolve("good.yaml");
        Path missing = folder.resolve("missing.yaml");
        run("new", "-t", "2-federation", "-o", good.toString());

        Run run = run("validate", good.toString(), missing.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEqualTo(good + ": valid\n");
        assertThat(run.err()).isEqualTo(missing + ": cannot read: no such file\n");
    }

    @Test
    void validateWithoutAFileIsBadInput() {
        Run run = run("validate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter", "Try 'egress-studio validate --help'");
        assertNoStackTrace(run);
    }

    @Test
    void anUnknownSubcommandOrOptionIsBadInput() {
        Run unknown = run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");

        Run option = run("templates", "--colour");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--colour'");
        assertNoStackTrace(option);
    }

    @Test
    void theSubcommandsOfThisIssueExist() {
        assertThat(subcommands()).contains("templates", "new", "validate", "help");
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("subcommands")
    void helpWorksOnEverySubcommand(String subcommand) {
        Run run = run(subcommand, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Usage: egress-studio " + subcommand + " ");
    }

    @Test
    void helpAtTheTopListsTheSubcommands() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"}, new String[0])) {
            Run run = run(args);
            assertThat(run.exit()).isZero();
            assertThat(run.out()).startsWith("Usage: egress-studio").contains("templates", "new", "validate");
        }
    }

    @Test
    void versionPrintsAVersion() {
        Run run = run("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).matches("egress-studio \\S.*\\n");
    }
}
