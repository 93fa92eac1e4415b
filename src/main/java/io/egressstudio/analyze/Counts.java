package io.egressstudio.analyze;

/** "1 finding", "2 findings": a count with its noun in the right number, for every place that prints one. */
public final class Counts {
    private Counts() {
    }

    /** {@code noun} is the singular; the plural adds an s (every noun counted here takes one). */
    public static String of(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
