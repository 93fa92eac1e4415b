package io.egressstudio.cli;

import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files; print each problem as FILE:LINE:COLUMN: field 'F': message.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files")
    List<Path> files;

    @Override
    public Integer call() {
        int exit = 0;
        for (Path file : files) {
            try {
                ScenarioFile.load(file);
                spec.commandLine().getOut().println(file + ": valid");
            } catch (ScenarioFormatException e) {
                spec.commandLine().getErr().println(e.getMessage());
                exit = EgressStudioCommand.BAD_INPUT;
            }
        }
        return exit;
    }
}
