package archviolations.design;

/** Clean: the design pipeline uses logic below it (io, analyze), and the connectors use it. */
public final class Pipeline {
    public Object read(String yaml) {
        return new archviolations.io.Reader().read(yaml);
    }
}
