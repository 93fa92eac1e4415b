package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.OutputFolder;
import io.egressstudio.io.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate -o DIR}: the folder holds one scenario's files, and only a folder Egress Studio wrote is replaced. */
class GenerateOutputFolderTest {
    @TempDir
    Path dir;

    private static EgressStudioCommandTest.Run run(String... args) {
        return EgressStudioCommandTest.run(args);
    }

    private Path scenario(String template) throws IOException {
        Path file = dir.resolve(template + ".yaml");
        ScenarioFile.save(BuiltInScenarios.get(template), file);
        return file;
    }

    private static List<String> filesUnder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void generatingAnotherScenarioIntoTheFolderLeavesNoFileOfThePreviousOne() throws Exception {
        Path out = dir.resolve("out");
        Path federation = scenario("2-federation");
        Path simple = scenario("1a-simple");
        assertThat(run("generate", federation.toString(), "-o", out.toString(), "--layout", "script").exit()).isZero();
        List<String> federationFiles = filesUnder(out);
        assertThat(federationFiles).contains("apply.sh", OutputFolder.MARKER);

        EgressStudioCommandTest.Run second = run("generate", simple.toString(), "-o", out.toString(), "--layout", "folders");

        assertThat(second.exit()).as(second.err()).isZero();
        List<String> simpleFiles = filesUnder(out);
        assertThat(simpleFiles).doesNotContain("apply.sh").contains("kustomization.yaml", OutputFolder.MARKER);
        assertThat(second.out()).isEqualTo("wrote " + (simpleFiles.size() - 1) + " files to " + out + "\n");
        String kustomization = Files.readString(out.resolve("kustomization.yaml"));
        for (String file : simpleFiles) {
            if (!file.equals("kustomization.yaml") && !file.equals(OutputFolder.MARKER)) {
                assertThat(kustomization).as("every file there is one the kustomization applies").contains(file);
            }
        }
        assertThat(federationFiles).as("the two scenarios really differ").isNotEqualTo(simpleFiles);
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".out"))).isEmpty();
        }
    }

    @Test
    void aFolderEgressStudioDidNotWriteIsRefusedWithExitTwoAndKept() throws Exception {
        Path out = Files.createDirectories(dir.resolve("project"));
        Files.writeString(out.resolve("README.md"), "my notes");

        EgressStudioCommandTest.Run run = run("generate", scenario("1a-simple").toString(), "-o", out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith(out + ": is not empty and Egress Studio did not write it")
                .contains("--force").doesNotContain("Exception");
        assertThat(filesUnder(out)).containsExactly("README.md");
    }

    @Test
    void forceReplacesAFolderEgressStudioDidNotWrite() throws Exception {
        Path out = Files.createDirectories(dir.resolve("project"));
        Files.writeString(out.resolve("stale.yaml"), "kind: Gateway");

        EgressStudioCommandTest.Run run = run("generate", scenario("1a-simple").toString(), "-o", out.toString(),
                "--force");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(filesUnder(out)).containsExactly(OutputFolder.MARKER, "manifests.yaml");
    }
}
