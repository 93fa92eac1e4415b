package io.egressstudio;

import io.egressstudio.cli.EgressStudioCommand;
import io.egressstudio.gui.DesignerApp;

/**
 * The one entry point: no arguments, or a single scenario file (as a desktop file association passes it), opens the
 * designer ({@code --snapshot FILE [--template NAME]} renders its window to a PNG); anything else is the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--snapshot") || args[0].equals("--template") || opensFile(args)) {
            DesignerApp.launchApp(args);
            return;
        }
        DesignerApp.installDiagramRenderer();
        System.exit(EgressStudioCommand.run(args));
    }

    /** A lone argument that is an existing file, not a subcommand: a scenario opened from the desktop. */
    static boolean opensFile(String[] args) {
        return opensFile(args, java.nio.file.Path.of(""));
    }

    /**
     * As {@link #opensFile(String[])}, relative to {@code folder}. A command's name is always the command, even
     * when a file of that name lies in the folder ({@code ./templates} opens the file).
     */
    static boolean opensFile(String[] args, java.nio.file.Path folder) {
        return args.length == 1 && !args[0].startsWith("-") && !isCommand(args[0])
                && java.nio.file.Files.isRegularFile(folder.resolve(args[0]));
    }

    /** Whether {@code name} is one of the commands ({@code templates}, {@code contexts}, {@code help}, ...). */
    static boolean isCommand(String name) {
        return new picocli.CommandLine(new EgressStudioCommand()).getSubcommands().containsKey(name);
    }
}
