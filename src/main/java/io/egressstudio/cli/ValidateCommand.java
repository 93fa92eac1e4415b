package io.egressstudio.cli;

import io.egressstudio.analyze.Counts;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code egress-studio validate FILE...}: every problem of each file, each located; exit 2 when any has one. */
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
            List<String> problems = problems(file);
            if (problems.isEmpty()) {
                spec.commandLine().getOut().println(file + ": valid");
            } else {
                problems.forEach(spec.commandLine().getErr()::println);
                if (problems.size() > 1) {
                    spec.commandLine().getErr().println(file + ": " + Counts.of(problems.size(), "problem"));
                }
                exit = EgressStudioCommand.BAD_INPUT;
            }
        }
        return exit;
    }

    /** Every problem of the file, each located; empty when it is valid. */
    private static List<String> problems(Path file) {
        try {
            ScenarioFile.load(file);
            return List.of();
        } catch (ScenarioFormatException e) {
            return e.problems().stream().map(ScenarioFormatException::getMessage).toList();
        }
    }
}
