package io.egressstudio.generate;

import io.egressstudio.mesh.ResourceSet;
import java.util.List;
import java.util.Map;

/**
 * What one generation made per link, kept for the next generation of the same design: a link whose inputs (the link
 * and every element its rules are made from) are equal to last time gets the same resources, the same instances, without
 * building them again. Building the fabric8 objects of 2,000 links was the largest part of an edit on a large design;
 * an edit changes the inputs of a few. Immutable: one memo may be read by several generations at once.
 */
public final class GenerationMemo {
    /** Nothing generated before: every link is built. */
    public static final GenerationMemo NONE = new GenerationMemo(Map.of());

    /** The inputs of one unit (equal inputs make equal resources) and the entries it added, in order. */
    record Unit(Object inputs, List<ResourceSet.Entry> entries) {
    }

    private final Map<String, Unit> units;

    GenerationMemo(Map<String, Unit> units) {
        this.units = Map.copyOf(units);
    }

    Unit unit(String id) {
        return units.get(id);
    }

    /** How many units the memo holds (for tests). */
    int size() {
        return units.size();
    }
}
