package io.egressstudio.cli;

import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What plan and apply both take: a context, a scenario file at a step, and the certificates for its Secrets. */
final class ClusterScenarioInput {
    /** The scenario at the chosen step, and the resources it generates. */
    record Loaded(Scenario scenario, ResourceSet resources) {
    }

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "the kubeconfig context")
    String context;

    @Option(names = "--step", paramLabel = "N", description = ScenarioInput.STEP_HELP)
    Integer step;

    @Option(names = "--certs", paramLabel = "DIR", description = ClusterAccess.CERTS_HELP)
    Path certificates;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file")
    Path scenarioFile;

    Loaded load() throws ClusterAccess.BadInput {
        Scenario scenario = ClusterAccess.scenario(scenarioFile, step);
        return new Loaded(scenario, ClusterAccess.resources(scenario, certificates));
    }
}
