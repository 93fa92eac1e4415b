package io.egressstudio.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code egress-studio}: the command line. Commands are thin: parse, call the logic, print. */
@Command(name = "egress-studio", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Design, generate, predict and check egress security for Istio / OpenShift Service Mesh.",
        subcommands = {TemplatesCommand.class, NewCommand.class, ValidateCommand.class, GenerateCommand.class,
                AnalyzeCommand.class, ObserveCommand.class, io.egressstudio.cli.certs.CertsCommand.class,
                ContextsCommand.class, CheckCommand.class, PlanCommand.class,
                ApplyCommand.class, RollbackCommand.class, DeleteCommand.class, ImportCommand.class, ExportCommand.class,
                MigrateCommand.class,
                CommandLine.HelpCommand.class})
public final class EgressStudioCommand implements Runnable {
    /** Exit code for bad input: the message says where. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new EgressStudioCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return BAD_INPUT;
        });
        return commandLine.execute(args);
    }
}
