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
            if (!DesignerApp.launchApp(args)) {
                System.exit(EgressStudioCommand.INTERNAL_ERROR);
            }
            return;
        }
        DesignerApp.installDiagramRenderer();
        System.exit(EgressStudioCommand.run(args));
    }

    /**
     * A lone argument that is an existing file, not a subcommand: a scenario opened from the desktop. A file named
     * like a subcommand ({@code templates}) in the current folder does not hide the subcommand.
     */
    static boolean opensFile(String[] args) {
        return opensFile(args, java.nio.file.Path.of(""));
    }

    /** {@link #opensFile(String[])} with relative paths taken from this folder. */
    static boolean opensFile(String[] args, java.nio.file.Path workingFolder) {
        return args.length == 1 && !args[0].startsWith("-") && !EgressStudioCommand.isSubcommand(args[0])
                && java.nio.file.Files.isRegularFile(workingFolder.resolve(args[0]));
    }
}
