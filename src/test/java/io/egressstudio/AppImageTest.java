package io.egressstudio;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.cluster.ApiKind;
import io.egressstudio.cluster.MockCluster;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed app has every jar and JDK module it uses: the app-image that {@code bin/package} builds (its own trimmed
 * runtime and only the jars it ships) runs {@code generate}, {@code analyze} and {@code plan} against fabric8's mock API
 * server, as a user runs them. A jar or module left out shows here as a failed command or a class not found.
 *
 * <p>Runs in {@code mvn verify}'s integration-test phase, after the pom's {@code pre-integration-test} step has built the
 * app-image ({@code bin/package app-image}); on its own: {@code mvn -B -o -DskipTests package}, then
 * {@code PACKAGE_SKIP_BUILD=1 bin/package app-image}, then {@code mvn -B -o surefire:test -Dtest=AppImageTest}.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AppImageTest {
    static final Path IMAGE = Path.of("target", "dist", "egress-studio");
    static final Path LAUNCHER = IMAGE.resolve(Path.of("bin", "egress-studio"));

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void theAppImageIsBuilt() {
        if (!Files.isExecutable(LAUNCHER)) {
            Assertions.fail(LAUNCHER + " is missing: build it with 'PACKAGE_SKIP_BUILD=1 bin/package app-image' after"
                    + " 'mvn -B -DskipTests package' ('mvn verify' builds it before this test)");
        }
    }

    private Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            Assertions.fail(String.join(" ", args) + " did not finish within 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private Path scenario(String name) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        ScenarioFile.save(BuiltInScenarios.get(name), file);
        return file;
    }

    private static void ranCleanly(Run run) {
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.all()).as("no class or module missing")
                .doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "Exception", "\tat ");
    }

    @Test
    void generateWritesTheResourcesOfAScenario() throws Exception {
        Path out = dir.resolve("out");
        Run run = run("generate", scenario("1b-egress-encrypted").toString(), "-o", out.toString());

        ranCleanly(run);
        String manifests = Files.readString(out.resolve("manifests.yaml"));
        assertThat(manifests).contains("kind: \"ServiceEntry\"", "kind: \"DestinationRule\"", "kind: \"Gateway\"",
                "kind: \"VirtualService\"", "kind: \"Route\"");
    }

    @Test
    void analyzePredictsEachRequestHopByHop() throws Exception {
        Run run = run("analyze", scenario("1a-simple").toString());

        ranCleanly(run);
        assertThat(run.out()).contains("greetings-client/rest-client-greeting -> http://greeting.remote.com:80",
                "hop router (Route istio-system-service/hello-remote)");
    }

    @Test
    void planListsWhatApplyWouldCreateOnAnEmptyCluster() throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-simple");
        MockCluster.installCrds(client, EnumSet.allOf(ApiKind.class),
                scenario.istioApi().name().toLowerCase(Locale.ROOT));
        Path file = dir.resolve("1a-simple.yaml");
        ScenarioFile.save(scenario, file);
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: mock
                contexts:
                - name: mock
                  context: {cluster: mock-cluster, user: mock-user}
                clusters:
                - name: mock-cluster
                  cluster: {server: "%s"}
                users:
                - name: mock-user
                  user: {token: "app-image-test"}
                """.formatted(client.getConfiguration().getMasterUrl()));

        Run run = run(Map.of("KUBECONFIG", kubeconfig.toString()), "plan", "--context", "mock", file.toString());

        ranCleanly(run);
        assertThat(run.out()).contains("create", "ServiceEntry", "greetings-client")
                .containsPattern("\\d+ to create, 0 to update, 0 to delete");
    }

    @Test
    void theLauncherStartsWithTheClassDataSharingArchiveItWasPackagedWith() throws Exception {
        // -Xshare:on makes the JVM refuse to start on an archive it would otherwise ignore: a missing one, or one
        // dumped for other jars, another classpath or another JVM
        Run run = run(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info"), "templates");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(IMAGE.resolve(Path.of("lib", "app", "egress-studio.cfg"))))
                .contains("java-options=-XX:SharedArchiveFile=$APPDIR/egress-studio.jsa");
        assertThat(run.out()).contains("1a-simple").contains("io.egressstudio.Launcher source: shared objects file");
    }
}
