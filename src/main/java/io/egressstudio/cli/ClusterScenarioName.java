package io.egressstudio.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What rollback and delete both take: a context and a scenario, by file or by name (its file may be gone). */
final class ClusterScenarioName {
    @Option(names = "--context", required = true, paramLabel = "CTX", description = "the kubeconfig context")
    String context;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file, or a scenario's name")
    String scenario;

    String name() throws ClusterAccess.BadInput {
        return ClusterAccess.scenarioName(scenario);
    }
}
