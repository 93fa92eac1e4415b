package archviolations.model;

/** Violates: model depends on nothing of ours; the layers. */
public final class ModelUsesIo {
    public Object read() {
        return new archviolations.io.Reader();
    }
}
