package io.egressstudio.cli;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.Migration;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.io.Steps;
import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code egress-studio migrate SCENARIO --to ossm3 -o FILE}: the scenario rewritten for OpenShift Service Mesh 3 (or
 * upstream Istio), both predicted, and every link whose outcome or encryption changes listed with why.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Rewrite a Maistra 2.x scenario for OpenShift Service Mesh 3 or upstream Istio and list each "
                + "link whose outcome or encryption changes, and why.")
final class MigrateCommand implements Callable<Integer> {
    /** The flavours a scenario can move to, by the names users type. */
    enum Target {
        OSSM3(MeshFlavour.OSSM_3), ISTIO(MeshFlavour.ISTIO);

        final MeshFlavour flavour;

        Target(MeshFlavour flavour) {
            this.flavour = flavour;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file to migrate")
    Path input;

    @Option(names = "--to", required = true, paramLabel = "ossm3|istio", description = "the flavour to move to")
    Target target;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write the migrated scenario")
    Path output;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output != null && Files.exists(output) && !force) {
            err.println(output + ": already exists; pass --force to overwrite it");
            return EgressStudioCommand.BAD_INPUT;
        }
        Migration.Report report;
        try {
            Scenario scenario = ScenarioFile.load(input);
            report = Migration.migrate(scenario, target.flavour, DesignPipeline.standard());
        } catch (ScenarioFormatException e) {
            e.problems().forEach(p -> err.println(p.getMessage()));
            return EgressStudioCommand.BAD_INPUT;
        } catch (Steps.StepException e) {
            err.println(input + ": field '" + e.path() + "': " + e.getMessage());
            return EgressStudioCommand.BAD_INPUT;
        }
        print(out, report);
        if (output != null) {
            try {
                ScenarioFile.save(report.migrated(), output);
            } catch (IOException e) {
                err.println(output + ": cannot write: " + e.getMessage());
                return 1;
            }
            out.println("wrote " + output);
        }
        return 0;
    }

    static void print(PrintWriter out, Migration.Report report) {
        report.lines().forEach(out::println);
    }
}
