package io.egressstudio.cli;

import io.egressstudio.io.CrashLog;
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
    /** Exit code for an error that is ours: one line, the details in a log file. */
    public static final int INTERNAL_ERROR = 1;

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
        return execute(commandLine(out, err), args);
    }

    /** Runs the arguments on a command line from {@link #commandLine}; whatever happens, an exit code. */
    static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (Throwable e) { // StackOverflowError, OutOfMemoryError: picocli passes Errors on
            commandLine.getErr().println(CrashLog.report(e, running(commandLine, args)));
            commandLine.getErr().flush();
            return INTERNAL_ERROR;
        }
    }

    /** Whether the word names one of the commands ({@code templates}, {@code help}). */
    public static boolean isSubcommand(String word) {
        return new CommandLine(new EgressStudioCommand()).getSubcommands().containsKey(word);
    }

    /** The command line with its handlers: bad arguments get usage, anything unexpected the last-resort line. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
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
        commandLine.setExecutionExceptionHandler((ex, command, parsed) -> {
            err.println(CrashLog.report(ex, "running '" + command.getCommandSpec().qualifiedName() + "'"));
            err.flush();
            return INTERNAL_ERROR;
        });
        return commandLine;
    }

    /** Names the subcommand, never other arguments (they may be paths or values the user would not show). */
    private static String running(CommandLine commandLine, String... args) {
        return args.length > 0 && commandLine.getSubcommands().containsKey(args[0])
                ? "running '" + commandLine.getCommandName() + " " + args[0] + "'" : "running the command";
    }
}
