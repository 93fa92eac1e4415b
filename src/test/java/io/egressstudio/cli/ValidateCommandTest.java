package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} lists every problem of a file, each located, instead of the first and "and N more". */
class ValidateCommandTest {
    private static final String TWO_PROBLEMS = """
            apiVersion: egress-studio/v1
            kind: Scenario
            name: two-problems
            workloads:
              - id: client
                namespace: greetings-client
                name: rest-client-greeting
            externalServices:
              - id: remote
                name: remote
                namespace: greetings-client
                hosts: [greeting.remote.com]
                ports: [{number: 80}]
            links:
              - id: call
                from: client
                to: greeting-remote
                port: 80
              - id: other
                from: client
                to: remote
                port: 70000
            """;

    @TempDir
    Path folder;

    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listsEveryProblemOfAFileEachWithItsLineColumnAndField() throws Exception {
        Path file = folder.resolve("two.yaml");
        Files.writeString(file, TWO_PROBLEMS);

        Run run = run("validate", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).doesNotContain("more)");
        assertThat(run.errLines()).containsExactly(
                file + ":17:5: field 'links[0].to': 'greeting-remote' does not name any element; expected an external "
                        + "service",
                file + ":22:5: field 'links[1].port': port 70000 is out of range (1-65535)",
                file + ": 2 problems");
    }

    @Test
    void aFileWithOneProblemStillGetsOneLine() throws Exception {
        Path file = folder.resolve("one.yaml");
        Files.writeString(file, TWO_PROBLEMS.replace("to: greeting-remote", "to: remote"));

        Run run = run("validate", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(file + ":22:5: field 'links[1].port': port 70000 is out of range (1-65535)");
    }

    @Test
    void aProblemOfShapeIsReportedAloneAsTheLoaderLocatesIt() throws Exception {
        Path file = folder.resolve("shape.yaml");
        Files.writeString(file, TWO_PROBLEMS.replace("port: 80\n", "port: eighty\n"));

        Run run = run("validate", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith(file + ":18:").contains("field 'links[0].port'");
    }
}
