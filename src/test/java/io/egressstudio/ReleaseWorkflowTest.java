package io.egressstudio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release workflow (.github/workflows/release.yml) cannot run here, so it is checked as far as it can be: valid for
 * GitHub Actions by {@code action-validator} (npm's {@code @action-validator/cli}, which {@code .ci/run} installs), and
 * building and starting every installer with the same scripts. Without the validator the check skips, saying so,
 * except where {@code CI=true}: there it fails, as a skip would hide that nothing was validated.
 */
class ReleaseWorkflowTest {
    static final Path WORKFLOW = Path.of(".github", "workflows", "release.yml");
    static final String VALIDATOR = "action-validator";

    @TempDir
    Path dir;

    record Run(int exit, String output) {
    }

    /** The validator on the PATH, or empty. */
    static Optional<Path> validator(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, VALIDATOR)).filter(Files::isExecutable).findFirst();
    }

    private static Path requireValidator() {
        Optional<Path> found = validator(System.getenv());
        if (found.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(VALIDATOR + " is not on the PATH and CI=true: the release workflow must be validated"
                        + " in CI; install it with 'npm install -g @action-validator/cli' (.ci/run does)");
            }
            Assumptions.abort(VALIDATOR + " is not on the PATH: the release workflow is not validated; install it"
                    + " with 'npm install -g @action-validator/cli'");
        }
        return found.get();
    }

    private static Run validate(Path validator, Path workflow) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(validator.toString(), workflow.toString()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the validator finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void theReleaseWorkflowIsValidForGitHubActions() throws Exception {
        Run run = validate(requireValidator(), WORKFLOW);

        assertThat(run.exit()).as(run.output()).isZero();
    }

    @Test
    void theValidatorRejectsAJobWithoutAMachine() throws Exception {
        Path validator = requireValidator();
        Path broken = dir.resolve("release.yml");
        Files.writeString(broken, Files.readString(WORKFLOW).replace("runs-on: ${{ matrix.os }}",
                "run-on: ${{ matrix.os }}"));

        Run run = validate(validator, broken);

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("runs-on");
    }

    @Test
    void everyInstallerIsBuiltAndSmokeStartedByTheSameScripts() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
        JsonNode installer = workflow.at("/jobs/installer");
        List<String> builds = new ArrayList<>();
        installer.at("/strategy/matrix/include")
                .forEach(entry -> builds.add(entry.get("type").asText() + " on " + entry.get("os").asText()));
        List<String> commands = new ArrayList<>();
        installer.get("steps").forEach(step -> {
            if (step.has("run")) {
                commands.add(step.get("run").asText().strip());
            }
        });

        assertThat(builds).hasSize(4).anyMatch(b -> b.startsWith("deb on ubuntu"))
                .anyMatch(b -> b.startsWith("rpm on ubuntu")).anyMatch(b -> b.startsWith("msi on windows"))
                .anyMatch(b -> b.startsWith("dmg on macos"));
        assertThat(commands).contains("bin/package ${{ matrix.type }}",
                "packaging/smoke-installer target/dist/*.${{ matrix.type }}");
        assertThat(String.join("\n", commands)).as("no platform's own packaging steps in the workflow")
                .doesNotContain("jpackage", "jlink");
        JsonNode release = workflow.at("/jobs/release");
        assertThat(release.get("needs").asText()).isEqualTo("installer");
        assertThat(release.toString()).contains("gh release upload");
    }
}
