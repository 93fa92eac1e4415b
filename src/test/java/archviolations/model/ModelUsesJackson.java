package archviolations.model;

/** Violates: model is plain Java. */
public final class ModelUsesJackson {
    public Object mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
