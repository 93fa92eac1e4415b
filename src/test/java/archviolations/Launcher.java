package archviolations;

/** The entry point may use cli and gui. */
public final class Launcher {
    private Launcher() {
    }

    public static Object open() {
        return new archviolations.gui.Window() + " " + new archviolations.cli.CliUsesGui();
    }
}
