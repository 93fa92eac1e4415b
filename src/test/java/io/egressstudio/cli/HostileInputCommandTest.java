package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.egressstudio.io.BuiltInScenarios;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The inputs of issue 21 through the commands: what {@code validate} accepts, {@code generate} and {@code analyze}
 * use; what it refuses, all three refuse with the file, line and field; nothing unexpected reaches the user as a trace.
 */
class HostileInputCommandTest {
    @TempDir
    Path folder;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String builtIn(String name) throws Exception {
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream("/io/egressstudio/scenarios/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void aScenarioWithAByteOrderMarkWorksInEveryCommand() throws Exception {
        Path bom = file("bom.yaml", "\uFEFF" + builtIn("1a-simple"));

        assertThat(run("validate", bom.toString()).exit()).isZero();
        assertThat(run("generate", bom.toString()).out()).contains("kind: \"ServiceEntry\"");
        Run analyze = run("analyze", bom.toString());
        assertThat(analyze.exit()).isZero();
        assertThat(analyze.out()).contains("http://greeting.remote.com:80/hello/greeting/Stelios: OK");
    }

    @Test
    void aHeaderOnlyScenarioThatValidatesAlsoGeneratesAndAnalyzes() throws Exception {
        Path header = file("header.yaml", "apiVersion: egress-studio/v1\nkind: Scenario\nname: nothing-yet\n");

        assertThat(run("validate", header.toString()).exit()).isZero();
        Run generate = run("generate", header.toString());
        assertThat(generate.exit()).isZero();
        assertThat(generate.err()).isEmpty();
        Run analyze = run("analyze", header.toString());
        assertThat(analyze.exit()).isZero();
        assertThat(analyze.out()).contains("0 requests, 0 findings");
    }

    @Test
    void aLinkPathThatIsNotAUrlPathIsRefusedByValidateAsAnalyzeWouldFail() throws Exception {
        for (String path : new String[] {"\"true\"", "\":80İ\"", "/a b"}) {
            Path file = file("path.yaml", builtIn("1a-simple").replace("path: /hello/greeting/Stelios", "path: " + path));

            for (String command : new String[] {"validate", "generate", "analyze"}) {
                Run run = run(command, file.toString());
                assertThat(run.exit()).as(command + " " + path).isEqualTo(2);
                assertThat(run.err()).startsWith(file + ":58:5: field 'links[0].path': ")
                        .contains("is not a URL path");
            }
        }
    }

    @Test
    void aHugeVersionNumberIsANewerFormatNotACrash() throws Exception {
        Path file = file("v.yaml", "apiVersion: egress-studio/v99999999999999999999\nkind: Scenario\nname: x\n");

        for (String command : new String[] {"validate", "analyze"}) {
            Run run = run(command, file.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith(file + ":1:1: field 'apiVersion': this file was written for "
                    + "egress-studio/v99999999999999999999, a newer format");
        }
    }

    @Test
    void analyzeLocatesAByteThatIsNotUtf8() throws Exception {
        Path file = folder.resolve("latin1.yaml");
        Files.write(file, "apiVersion: v1\nkind: Namespace\nmetadata: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));

        Run run = run("analyze", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(file + ":3:21: not UTF-8 text: byte 0xE9 cannot start or continue a character");
    }

    @Test
    void analyzeOfAnEmptyOrCommentOnlyFileSaysItHasNoResources() throws Exception {
        for (Path file : new Path[] {file("empty.yaml", ""), file("comments.yaml", "# only a comment\n")}) {
            Run run = run("analyze", file.toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip()).isEqualTo(file + ": no resources in " + file);
        }
    }

    @Test
    void analyzeOfAManifestWithANullListItemNamesTheObjectAndField() throws Exception {
        Path file = file("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
                + "spec:\n  ports: [null]\n");

        Run run = run("analyze", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(file + ":5:11: Service/shop/web field 'spec.ports[0]': empty list item: "
                + "remove the '-' or give the item a value");
    }

    @Test
    void certificateAndNameNonsenseIsRefusedWhereItIsWritten() throws Exception {
        String simple = builtIn("1a-simple");
        record Case(String from, String to, String expected) {
        }
        for (Case c : new Case[] {
            new Case("keyType: RSA_4096", "keyType: RSA_4096\n    validityDays: 3000000",
                    ":64:5: field 'certificates[0].validityDays': validityDays 3000000 is out of range (1-36500)"),
            new Case("dnsNames: [greeting.remote.com]", "dnsNames: [\"greeting remote\"]",
                    ":67:16: field 'certificates[1].dnsNames[0]': 'greeting remote' is not a valid DNS name"),
            new Case("credentialName: greeting-remote-secret", "credentialName: Greeting_Secret",
                    ":89:5: field 'steps[0].changes': after this step, externalServices[0].server.ingress.credentialName: "
                            + "'Greeting_Secret' is not a valid credentialName"),
            new Case("ruleName: originate-tls-to-rest-greeting-remote", "ruleName: \"rule; rm -rf\"",
                    ":118:5: field 'steps[1].changes': after this step, links[0].sidecarTls.ruleName: "
                            + "'rule; rm -rf' is not a valid ruleName"),
        }) {
            Path file = file("nonsense.yaml", simple.replace(c.from(), c.to()));

            Run run = run("validate", file.toString());

            assertThat(run.exit()).as(c.to()).isEqualTo(2);
            assertThat(run.err()).as(c.to()).startsWith(file + c.expected());
        }
    }

    @Test
    void aLongWalkthroughValidatesInLinearTime() throws Exception {
        String simple = builtIn("1a-simple");
        StringBuilder steps = new StringBuilder("steps:\n");
        for (int i = 0; i < 3000; i++) {
            steps.append("  - title: step ").append(i).append("\n    changes:\n      - set: greeting-call.path\n")
                    .append("        value: /p").append(i).append('\n');
        }
        Path file = file("long.yaml", simple.substring(0, simple.indexOf("steps:")) + steps);

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> run("validate", file.toString()));

        assertThat(run.out().strip()).isEqualTo(file + ": valid");
    }

    @Command(name = "explode")
    static final class ExplodingCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new NullPointerException("a bug");
        }
    }

    @Command(name = "recurse")
    static final class RecursingCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return call() + 1;
        }
    }

    @Test
    void anUnexpectedErrorIsOneLineAndALogFileWithTheDetails() throws Exception {
        for (Object command : new Object[] {new ExplodingCommand(), new RecursingCommand()}) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = EgressStudioCommand.commandLine(new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true));
            commandLine.addSubcommand(command);
            String name = command.getClass().getAnnotation(Command.class).name();

            int exit = EgressStudioCommand.execute(commandLine, name);

            assertThat(exit).isEqualTo(EgressStudioCommand.INTERNAL_ERROR);
            assertThat(err.toString().lines()).hasSize(1);
            assertThat(err.toString()).startsWith("internal error while running 'egress-studio " + name + "' (")
                    .doesNotContain("\tat ");
            Path log = Path.of(err.toString().strip().replaceFirst(".*: details in ", ""));
            try {
                assertThat(Files.readString(log)).contains("\tat io.egressstudio.cli.HostileInputCommandTest$");
            } finally {
                Files.deleteIfExists(log);
            }
        }
    }
}
