package io.egressstudio.cli;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Write a new scenario file from a built-in template.")
final class NewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--template"}, required = true, paramLabel = "NAME",
            description = "a built-in scenario (see 'templates')")
    String template;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the file to write")
    Path output;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Override
    public Integer call() {
        var scenario = BuiltInScenarios.find(template);
        if (scenario.isEmpty()) {
            spec.commandLine().getErr().println("no built-in scenario '" + template + "'; choose one of "
                    + BuiltInScenarios.names());
            return EgressStudioCommand.BAD_INPUT;
        }
        if (Files.exists(output) && !force) {
            spec.commandLine().getErr().println(output + ": already exists; pass --force to overwrite it");
            return EgressStudioCommand.BAD_INPUT;
        }
        try {
            ScenarioFile.save(scenario.get(), output);
        } catch (IOException e) {
            spec.commandLine().getErr().println(output + ": cannot write: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("wrote " + output + " from template " + template);
        return 0;
    }
}
