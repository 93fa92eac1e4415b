package archviolations.util;

/** Violates: every class is in a package of a layer. */
public final class Stray {
}
