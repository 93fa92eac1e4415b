package io.egressstudio.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive, null-tolerant copies so every record holds immutable, non-null collections. */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }

    /** Keeps insertion order, which the file format and the canvas rely on. */
    static <K, V> Map<K, V> map(Map<K, V> entries) {
        return entries == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
