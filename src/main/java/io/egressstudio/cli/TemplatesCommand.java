package io.egressstudio.cli;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Scenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "List the built-in scenarios, one for every option of the seed walkthrough.")
final class TemplatesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String name : BuiltInScenarios.names()) {
            Scenario scenario = BuiltInScenarios.get(name);
            spec.commandLine().getOut().printf("%-22s %s%n", name, scenario.title() != null ? scenario.title() : "");
        }
        return 0;
    }
}
