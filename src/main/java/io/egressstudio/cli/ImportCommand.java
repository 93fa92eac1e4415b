package io.egressstudio.cli;

import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.Importer;
import io.egressstudio.design.ScenarioImport;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.Names;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code egress-studio import --context CTX --namespace NS... -o SCENARIO_FILE [--name NAME]}: reads the mesh
 * configuration of namespaces and writes a scenario for it (best effort; docs/decisions/0007-import.md).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read the Istio, Maistra and Route configuration of namespaces (with their Deployments and "
                + "Services) and write a scenario file for it, which the designer opens and analyze reads.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "the kubeconfig context")
    String context;

    @Option(names = {"-n", "--namespace"}, required = true, arity = "1..*", paramLabel = "NS",
            description = "namespaces to read (include the control-plane namespaces of their meshes)")
    List<String> namespaces;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "SCENARIO_FILE", description = "where to write")
    Path output;

    @Option(names = "--name", paramLabel = "NAME",
            description = "the scenario's name (default: the scenario label the objects carry, or 'imported')")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String namespace : namespaces) {
            if (!Names.isDns1123Label(namespace)) {
                err.println("--namespace '" + namespace + "' is not a namespace name");
                return EgressStudioCommand.BAD_INPUT;
            }
        }
        if (name != null && !Names.isDns1123Subdomain(name)) {
            err.println("--name '" + name + "' is not a valid scenario name (a DNS-1123 subdomain)");
            return EgressStudioCommand.BAD_INPUT;
        }
        try (ClusterConnection connection = ClusterAccess.connector.get().connect(context)) {
            Importer.Result imported = Importer.read(connection, namespaces);
            ScenarioImport.Result rebuilt = ScenarioImport.reconstruct(imported.resources(), name);
            Scenario scenario = rebuilt.scenario();
            ScenarioFile.save(scenario, output);
            imported.notes().forEach(note -> out.println("note: " + note));
            rebuilt.notes().forEach(note -> out.println("note: " + note));
            out.println("Read " + imported.resources().size() + " objects from " + String.join(", ",
                    imported.namespaces()) + " on context " + context + ".");
            out.println("Wrote " + output + ": scenario " + scenario.name() + " with " + scenario.meshes().size()
                    + " mesh(es), " + scenario.workloads().size() + " workload(s), " + scenario.egressGateways().size()
                    + " egress gateway(s), " + scenario.externalServices().size() + " external service(s), "
                    + scenario.links().size() + " link(s), " + scenario.federations().size() + " federation(s).");
            out.flush();
            return 0;
        } catch (ClusterException e) {
            return ClusterAccess.fail(err, e);
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            return ClusterAccess.CLUSTER_FAILURE;
        }
    }
}
