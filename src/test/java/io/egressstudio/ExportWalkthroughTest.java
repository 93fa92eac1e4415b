package io.egressstudio;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.DiagramRenderer;
import io.egressstudio.cli.EgressStudioCommand;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code egress-studio export}: the AsciiDoc walkthrough of every built-in scenario, with its manifests and diagrams. */
class ExportWalkthroughTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void installRenderer() {
        io.egressstudio.gui.DesignerApp.installDiagramRenderer();
    }

    @AfterAll
    static void uninstall() {
        DiagramRenderer.Installed.set(null);
    }

    private int run(String... args) {
        StringWriter err = new StringWriter();
        int code = EgressStudioCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        assertThat(err.toString()).as("stderr").isEmpty();
        return code;
    }

    @Test
    void everyBuiltInScenarioExportsAWellFormedWalkthrough() throws Exception {
        for (String name : BuiltInScenarios.names()) {
            Scenario scenario = BuiltInScenarios.get(name);
            Path file = dir.resolve(name + ".yaml");
            ScenarioFile.save(scenario, file);
            Path out = dir.resolve("out-" + name);
            assertThat(run("export", file.toString(), "--format", "adoc", "-o", out.toString())).as(name).isZero();
            Path adoc = out.resolve(scenario.name() + ".adoc");
            List<String> lines = Files.readAllLines(adoc);
            checkStructure(name, lines, scenario.steps().size());
            for (int n = 0; n <= scenario.steps().size(); n++) {
                assertThat(out.resolve("step-" + n + ".yaml")).as(name).isNotEmptyFile();
                Path png = out.resolve("step-" + n + ".png");
                assertThat(png).as(name).isNotEmptyFile();
                byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
                assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
                String image = "image::step-" + n + ".png[";
                assertThat(lines.stream().filter(l -> l.startsWith(image))).as(name).hasSize(1);
            }
        }
    }

    /** A structural parse: one level-0 title first, one level-1 section per step, balanced listing blocks and tables. */
    static void checkStructure(String name, List<String> lines, int steps) {
        assertThat(lines.get(0)).as(name).startsWith("= ");
        assertThat(lines.stream().filter(l -> l.startsWith("= "))).as(name).hasSize(1);
        assertThat(lines.stream().filter(l -> l.startsWith("== "))).as(name).hasSize(steps);
        assertThat(lines.stream().filter(l -> l.startsWith("=== ") || l.startsWith("==== "))).as(name).isEmpty();
        boolean inListing = false;
        boolean inTable = false;
        int yamlBlocks = 0;
        int applies = 0;
        String previous = "";
        for (String line : lines) {
            if (line.equals("----")) {
                if (!inListing) {
                    assertThat(previous).as(name + ": a listing opens after its [source,...]").startsWith("[source,");
                    yamlBlocks += previous.equals("[source,yaml]") ? 1 : 0;
                }
                inListing = !inListing;
            } else if (line.equals("|===") && !inListing) {
                inTable = !inTable;
            } else if (!inListing && !inTable && line.startsWith("=")) {
                assertThat(line).as(name).matches("=+ \\S.*");
            }
            if (inListing && line.startsWith("oc apply -f step-")) {
                applies++;
            }
            previous = line;
        }
        assertThat(inListing).as(name + ": listing blocks balanced").isFalse();
        assertThat(inTable).as(name + ": tables balanced").isFalse();
        assertThat(yamlBlocks).as(name).isEqualTo(steps);
        assertThat(applies).as(name).isEqualTo(steps + 1);
    }

    @Test
    void theUnencryptedWalkthroughStatesExpectedAndPredictedOutcomes() throws Exception {
        Path file = dir.resolve("s.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-unencrypted-v1"), file);
        assertThat(run("export", file.toString(), "-o", dir.resolve("o").toString())).isZero();
        String adoc = Files.readString(dir.resolve("o").resolve(BuiltInScenarios.get("1a-unencrypted-v1").name() + ".adoc"));
        assertThat(adoc).contains("|`greeting-call` |PASSTHROUGH |PASSTHROUGH", "|`greeting-call` |BLACKHOLE |BLACKHOLE",
                "|`greeting-call` |OK |OK").doesNotContain("(differs)").contains("REGISTRY_ONLY", "ServiceEntry");
    }

    @Test
    void exportsTheDiagramAloneAsSvgAndPng() throws Exception {
        Path file = dir.resolve("s.yaml");
        Scenario scenario = BuiltInScenarios.get("1a-unencrypted-v1");
        ScenarioFile.save(scenario, file);
        assertThat(run("export", file.toString(), "--format", "svg", "-o", dir.toString())).isZero();
        assertThat(Files.readString(dir.resolve(scenario.name() + ".svg"))).startsWith("<?xml").contains("<svg ", "link-greeting-call");
        assertThat(run("export", file.toString(), "--format", "png", "--step", "1", "-o", dir.toString())).isZero();
        assertThat(dir.resolve(scenario.name() + ".png")).isNotEmptyFile();
    }
}
