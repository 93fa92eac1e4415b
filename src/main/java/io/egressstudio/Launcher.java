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
        return args.length == 1 && !args[0].startsWith("-") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }
}
