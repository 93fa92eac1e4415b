package io.egressstudio.cluster;

/**
 * One field where the cluster differs from what the scenario generates.
 *
 * @param path the field, e.g. {@code spec.hosts} or {@code metadata.labels[egress-studio.io/scenario]}
 */
public record Difference(String path, Type type) {
    public enum Type {
        /** The cluster has another value. */
        CHANGED,
        /** The scenario sets it; the cluster does not have it. */
        MISSING,
        /** Egress Studio set it before; the scenario no longer does, so apply removes it. */
        REMOVED
    }

    @Override
    public String toString() {
        return switch (type) {
            case CHANGED -> path + " changes";
            case MISSING -> path + " is added";
            case REMOVED -> path + " is removed";
        };
    }
}
