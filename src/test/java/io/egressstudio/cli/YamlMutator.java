package io.egressstudio.cli;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Mutates YAML the way a careless user or a hostile file would: on the tree (a key deleted, a value null or of the
 * wrong type, a null list item, a huge number, odd unicode, a shared value written as an anchor and aliases, a value
 * inside itself, an alias bomb) or on the bytes (a byte order mark, CRLF, NUL, a byte that is not UTF-8, a cut).
 * Everything comes from the one {@link Random}, so a seed replays a run.
 */
final class YamlMutator {
    /** A mutated input and what was done to it, for the failure message. */
    record Mutant(String description, byte[] bytes) {
    }

    private static final Object[] ODD_VALUES = {
        null, 0, -1, 65536, Long.MAX_VALUE, new BigInteger("9".repeat(40)), 1e308, "", " ", "true", "İ", "\u202e",
        "😀", "a\u0000b", ":80İ", "../../etc/passwd", List.of(), Map.of(), List.of("x"), Map.of("k", "v"), true,
    };
    private static final String[] TEXT_EDITS = {"bom", "crlf", "nul", "latin1", "truncate", "delete-line",
        "duplicate-line", "tab-indent", "unicode-line"};

    private final Random random;

    YamlMutator(Random random) {
        this.random = random;
    }

    Mutant mutate(String yaml) {
        int choice = random.nextInt(10);
        if (choice < 3) {
            return textEdit(yaml);
        }
        List<Object> documents = new ArrayList<>();
        new Yaml(new LoaderOptions()).loadAll(yaml).forEach(documents::add);
        documents.removeIf(d -> d == null);
        if (documents.isEmpty()) {
            return textEdit(yaml);
        }
        int index = random.nextInt(documents.size());
        List<String> done = new ArrayList<>();
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            done.add(treeEdit(documents, index));
        }
        return new Mutant("document " + index + ": " + String.join(", ", done), dump(documents));
    }

    private String treeEdit(List<Object> documents, int index) {
        List<Slot> slots = new ArrayList<>();
        collect(documents.get(index), "", slots, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        if (slots.isEmpty()) {
            return "nothing to edit";
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(8)) {
            case 0 -> {
                slot.remove();
                return "deleted " + slot.path();
            }
            case 1 -> {
                slot.set(null);
                return "null at " + slot.path();
            }
            case 2 -> {
                Object odd = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
                slot.set(odd instanceof List<?> l ? new ArrayList<>(l) : odd instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : odd);
                return "odd value at " + slot.path();
            }
            case 3 -> {
                if (slot.value() instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    List<Object> items = (List<Object>) list;
                    items.add(random.nextInt(items.size() + 1), null);
                    return "null item in " + slot.path();
                }
                slot.set(new ArrayList<>(java.util.Arrays.asList(slot.value(), null)));
                return "list with a null item at " + slot.path();
            }
            case 4 -> {
                Slot other = slots.get(random.nextInt(slots.size()));
                slot.set(other.value()); // the dumper writes a shared value as an anchor and an alias
                return "alias of " + other.path() + " at " + slot.path();
            }
            case 5 -> {
                if (slot.value() instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<Object, Object> self = (Map<Object, Object>) map;
                    self.put("self", self);
                    return "recursive alias in " + slot.path();
                }
                slot.set(bomb(2 + random.nextInt(2), 8 + random.nextInt(17)));
                return "alias bomb at " + slot.path();
            }
            case 6 -> {
                // a container (perhaps one inside itself, from an earlier mutation) has no text to append to
                Object value = slot.value() instanceof Map || slot.value() instanceof List ? "" : slot.value();
                slot.set(value + "İ\u0085\uFEFF");
                return "unicode at " + slot.path();
            }
            default -> {
                if (slot.value() instanceof Number) {
                    slot.set(new BigInteger("9".repeat(30 + random.nextInt(2000))));
                } else {
                    slot.set(random.nextBoolean() ? -1 : Integer.MAX_VALUE);
                }
                return "huge number at " + slot.path();
            }
        }
    }

    /** {@code levels} lists of {@code width} aliases of the list below: width^levels leaves from a few lines. */
    private static Object bomb(int levels, int width) {
        Object current = new ArrayList<>(List.of("lol"));
        for (int level = 0; level < levels; level++) {
            List<Object> next = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                next.add(current);
            }
            current = next;
        }
        return current;
    }

    private Mutant textEdit(String yaml) {
        String edit = TEXT_EDITS[random.nextInt(TEXT_EDITS.length)];
        byte[] utf8 = yaml.getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        int line = lines.isEmpty() ? 0 : random.nextInt(lines.size());
        String text = switch (edit) {
            case "bom" -> "\uFEFF" + yaml;
            case "crlf" -> yaml.replace("\n", "\r\n");
            case "nul" -> insert(yaml, "\u0000");
            case "truncate" -> yaml.substring(0, random.nextInt(yaml.length() + 1));
            case "delete-line" -> {
                if (!lines.isEmpty()) {
                    lines.remove(line);
                }
                yield String.join("\n", lines);
            }
            case "duplicate-line" -> {
                if (!lines.isEmpty()) {
                    lines.add(line, lines.get(line));
                }
                yield String.join("\n", lines);
            }
            case "tab-indent" -> yaml.replaceFirst("\n  ", "\n\t");
            case "unicode-line" -> insert(yaml, "\u2028İ\u202e");
            default -> null;
        };
        if (text == null) { // latin1: a byte that cannot start a UTF-8 character
            byte[] bytes = utf8.clone();
            bytes[random.nextInt(Math.max(bytes.length, 1))] = (byte) 0xFC;
            return new Mutant(edit, bytes);
        }
        return new Mutant(edit, text.getBytes(StandardCharsets.UTF_8));
    }

    private String insert(String text, String piece) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + piece + text.substring(at);
    }

    private static byte[] dump(List<Object> documents) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dumpAll(documents.iterator()).getBytes(StandardCharsets.UTF_8);
    }

    /** A place in the tree that can be deleted or replaced. */
    private record Slot(String path, Object parent, Object key) {
        Object value() {
            return parent instanceof Map<?, ?> map ? map.get(key) : ((List<?>) parent).get((Integer) key);
        }

        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (parent instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).put(key, value);
            } else {
                ((List<Object>) parent).set((Integer) key, value);
            }
        }

        void remove() {
            if (parent instanceof Map<?, ?> map) {
                map.remove(key);
            } else {
                ((List<?>) parent).remove((int) (Integer) key);
            }
        }
    }

    /** Every slot under the node; a value seen before (an alias, a value inside itself) is not entered again. */
    private static void collect(Object node, String path, List<Slot> slots, java.util.Set<Object> seen) {
        if ((node instanceof Map || node instanceof List) && !seen.add(node)) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String child = path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey();
                slots.add(new Slot(child, map, entry.getKey()));
                collect(entry.getValue(), child, slots, seen);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String child = path + "[" + i + "]";
                slots.add(new Slot(child, list, i));
                collect(list.get(i), child, slots, seen);
            }
        }
    }
}
