package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshFlavour;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate SCENARIO --to ossm3 -o FILE}: the rewritten scenario, and each link that changes, with why. */
class MigrateCommandTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void writesTheOssm3ScenarioAndListsTheLinkThatChangesAndWhy() throws Exception {
        Path input = folder.resolve("1a-mutual.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-mutual"), input);
        Path output = folder.resolve("ossm3.yaml");

        int exit = run("migrate", input.toString(), "--to", "ossm3", "-o", output.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Migrating 1a-mutual to OpenShift Service Mesh 3")
                .contains("1 of 1 links change outcome or encryption (1 change over the walkthrough)")
                .contains("greeting-call (Step 2: the client side originates mutual TLS from its sidecar): "
                        + "OK [MUTUAL MUTUAL ISTIO_MUTUAL] → MTLS_FAILURE [MUTUAL MUTUAL NONE]")
                .contains("because Maistra's control plane created DestinationRule/istio-system-service/default")
                .contains("To keep the links as they were:");
        assertThat(ScenarioFile.load(output).meshes()).extracting(Mesh::flavour).containsOnly(MeshFlavour.OSSM_3);
    }

    @Test
    void refusesToOverwriteWithoutForceAndNamesTheFile() throws Exception {
        Path input = folder.resolve("s.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), input);
        Path output = folder.resolve("taken.yaml");
        Files.writeString(output, "keep me");

        int exit = run("migrate", input.toString(), "--to", "istio", "-o", output.toString());

        assertThat(exit).isEqualTo(EgressStudioCommand.BAD_INPUT);
        assertThat(err.toString()).contains(output + ": already exists; pass --force");
        assertThat(Files.readString(output)).isEqualTo("keep me");
    }

    @Test
    void anUnknownTargetIsBadInput() throws Exception {
        Path input = folder.resolve("s.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), input);

        assertThat(run("migrate", input.toString(), "--to", "ossm4")).isEqualTo(EgressStudioCommand.BAD_INPUT);
        assertThat(err.toString()).contains("--to");
    }
}
