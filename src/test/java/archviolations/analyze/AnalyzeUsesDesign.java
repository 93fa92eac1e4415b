package archviolations.analyze;

/** Violates: the layers (logic must not reach up to the design pipeline built on it). */
public final class AnalyzeUsesDesign {
    public Object pipeline() {
        return new archviolations.design.Pipeline();
    }
}
