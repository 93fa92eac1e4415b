package io.egressstudio;

import io.egressstudio.cli.EgressStudioCommand;
import io.egressstudio.gui.DesignerApp;

/**
 * The one entry point: no arguments opens the designer ({@code --snapshot FILE [--template NAME]} renders its window
 * to a PNG), anything else is the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--snapshot") || args[0].equals("--template")) {
            DesignerApp.launchApp(args);
            return;
        }
        System.exit(EgressStudioCommand.run(args));
    }
}
