package io.egressstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/extending.md stays true while classes move and split: every class, member, test and file it names in code
 * spans ({@code analyze/Messages}, {@code CanvasViewModel.place}, {@code ImportTest.importOf...}) exists.
 */
class ExtendingGuideTest {
    private static final Path GUIDE = Paths.get("docs/extending.md");
    private static final Path MAIN = Paths.get("src/main/java/io/egressstudio");
    /** A code span: {@code `x`}, or {@code ``x``} around one with backticks in it. */
    private static final Pattern CODE = Pattern.compile("``(.+?)``|`([^`]+)`");
    /** {@code dir/Class}, {@code Class}, {@code Class.member} or {@code Class.member()}; a class has lower case. */
    private static final Pattern CLASS =
            Pattern.compile("((?:[a-z]+/)*)([A-Z][a-z][A-Za-z0-9]*)(?:\\.([A-Za-z_]+)(?:\\(\\))?)?");

    @Test
    void everyClassMemberTestAndFileTheGuideNamesExists() throws IOException {
        Map<String, List<Path>> sources = sourcesByName();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        Matcher code = CODE.matcher(Files.readString(GUIDE));
        while (code.find()) {
            String span = (code.group(1) != null ? code.group(1) : code.group(2)).strip();
            Matcher c = CLASS.matcher(span);
            if (c.matches()) {
                checked++;
                String problem = classProblem(c.group(1), c.group(2), c.group(3), sources);
                if (problem != null) {
                    missing.add(span + ": " + problem);
                }
            } else if ((span.startsWith("docs/") || span.startsWith("src/")) && !span.contains("NN")) {
                checked++;
                if (!Files.exists(Paths.get(span))) {
                    missing.add(span + ": no such file or folder");
                }
            }
        }

        assertThat(checked).as("names checked in the guide").isGreaterThan(50);
        assertThat(missing).as("names in docs/extending.md that the code does not have").isEmpty();
    }

    private static String classProblem(String folder, String name, String member, Map<String, List<Path>> sources) {
        List<Path> files = sources.getOrDefault(name, List.of());
        if (!folder.isEmpty()) {
            Path expected = MAIN.resolve(folder + name + ".java");
            files = files.stream().filter(expected::equals).toList();
            if (files.isEmpty()) {
                return "no " + expected;
            }
        }
        if (files.isEmpty()) {
            return "no class " + name + " under src/main/java or src/test/java";
        }
        if (member != null && files.stream().noneMatch(f -> declares(f, member))) {
            return name + " has no " + member;
        }
        return null;
    }

    private static boolean declares(Path file, String member) {
        try {
            return Pattern.compile("\\b" + Pattern.quote(member) + "\\b").matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<Path>> sourcesByName() throws IOException {
        Map<String, List<Path>> byName = new HashMap<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Paths.get(root))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> byName.computeIfAbsent(
                        f.getFileName().toString().replace(".java", ""), k -> new ArrayList<>()).add(f));
            }
        }
        return byName;
    }
}
