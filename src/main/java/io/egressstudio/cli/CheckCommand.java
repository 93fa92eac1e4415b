package io.egressstudio.cli;

import io.egressstudio.cluster.ApiKind;
import io.egressstudio.cluster.ClusterCheck;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.model.Scenario;
import io.egressstudio.io.Redaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code egress-studio check --context CTX [SCENARIO]}: connection, APIs served, control planes, what is missing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Connect to a cluster and show which Maistra, federation, Route and Istio APIs it serves and "
                + "which control planes it has; with a scenario, which APIs it needs that are missing.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "the kubeconfig context")
    String context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "a scenario file")
    Path scenarioFile;

    @Override
    public Integer call() {
        // the API server's words (a dry run's rejection, a permission check's error) are printed: cleaned first
        PrintWriter out = Redaction.filtered(spec.commandLine().getOut());
        PrintWriter err = Redaction.filtered(spec.commandLine().getErr());
        Scenario scenario = null;
        if (scenarioFile != null) {
            try {
                scenario = ClusterAccess.scenario(scenarioFile, null);
            } catch (ClusterAccess.BadInput e) {
                return ClusterAccess.fail(err, e);
            }
        }
        try (ClusterConnection connection = ClusterAccess.connector.get().connect(context)) {
            ClusterCheck check = ClusterCheck.run(connection, scenario == null ? null : ScenarioGenerator.generate(scenario));
            out.println("Context " + check.context() + ": the API server at " + check.server() + " answers.");
            for (ApiKind kind : ApiKind.values()) {
                Optional<String> version = check.apis().get(kind);
                if (version != null) {
                    out.printf("  %-24s %s%n", kind.kind(), version.map(kind::apiVersion).orElse("not served"));
                }
            }
            if (check.controlPlanes().isEmpty()) {
                out.println("No control planes found.");
            } else {
                out.println("Control planes:");
                check.controlPlanes().forEach(p -> out.println("  " + p));
            }
            if (scenario != null) {
                if (check.permissions().unchecked() != null) {
                    out.println("Permissions not checked: " + check.permissions().unchecked());
                } else if (check.permissions().ok()) {
                    out.println("Permissions: you may create every object of scenario " + scenario.name() + ".");
                } else {
                    out.println("Not allowed: " + String.join("; ", check.permissions().denied()));
                }
                if (check.missingForScenario() == null) {
                    out.println("Scenario " + scenario.name() + ": the cluster serves every API it needs.");
                } else {
                    out.println("Scenario " + scenario.name() + " needs what the cluster does not serve:"
                            + check.missingForScenario());
                    return ClusterAccess.CLUSTER_FAILURE;
                }
            }
            return 0;
        } catch (ClusterException e) {
            return ClusterAccess.fail(err, e);
        } finally {
            out.flush();
        }
    }
}
