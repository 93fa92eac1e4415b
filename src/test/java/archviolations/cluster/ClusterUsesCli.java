package archviolations.cluster;

/** Violates: the layers (a connector must not use the CLI above it). */
public final class ClusterUsesCli {
    public Object cli() {
        return new archviolations.cli.CliUsesGui();
    }
}
