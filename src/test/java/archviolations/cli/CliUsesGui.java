package archviolations.cli;

/** Violates: nothing depends on gui except Launcher; the layers. */
public final class CliUsesGui {
    public Object window() {
        return new archviolations.gui.Window();
    }
}
