package io.egressstudio.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.predict.Fixture;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Meta-tests, as Istio has for its analyzers: registered, unique ordered codes and names, documented (a page per code
 * and a row per code in docs/analyzers/README.md), exercised. Names, codes and severities are read from the analyzers
 * and the catalogue ({@link Messages}), never typed here.
 */
class AnalyzerCatalogueTest {
    @Test
    void everyAnalyzerClassIsRegistered() throws Exception {
        Path folder = Paths.get(Analyzer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/egressstudio/analyze");
        Set<String> registered = Analyzers.all().stream().map(a -> a.getClass().getName()).collect(Collectors.toSet());
        List<String> implementations = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = "io.egressstudio.analyze." + f.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(name);
                if (Analyzer.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                    implementations.add(name);
                }
            }
        }
        assertThat(implementations).isNotEmpty();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(implementations);
    }

    @Test
    void codesAreUniqueAndOrdered() {
        List<String> codes = Messages.all().stream().map(MessageType::code).toList();
        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
        assertThat(codes).isSorted();
        assertThat(codes).allMatch(c -> c.matches("ES\\d{4}"));
        for (int i = 0; i < codes.size(); i++) {
            assertThat(codes.get(i)).isEqualTo(String.format("ES%04d", i + 1));
        }
        List<String> names = Messages.all().stream().map(MessageType::name).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        List<String> analyzers = Analyzers.all().stream().map(Analyzer::name).toList();
        assertThat(new HashSet<>(analyzers)).as("analyzer names").hasSameSizeAs(analyzers);
    }

    @Test
    void everyMessageIsReportedBySomeAnalyzerOrByPredictionsAndEveryAnalyzerDeclaresCatalogueMessages() {
        Set<MessageType> declared = new HashSet<>(PredictionFindings.messages());
        for (Analyzer a : Analyzers.all()) {
            assertThat(a.name()).isNotBlank();
            assertThat(a.description()).isNotBlank();
            assertThat(a.messages()).isNotEmpty();
            assertThat(Messages.all()).containsAll(a.messages());
            declared.addAll(a.messages());
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(Messages.all());
    }

    @Test
    void everyCodeIsDocumented() throws Exception {
        Path docs = projectRoot().resolve("docs/analyzers");
        for (MessageType m : Messages.all()) {
            Path page = docs.resolve(m.code() + ".md");
            assertThat(page).as("page for " + m.code()).exists();
            String text = Files.readString(page);
            assertThat(text).contains(m.code()).contains(m.name()).contains(m.severity().name());
        }
    }

    @Test
    void theReadmeTableListsEveryCodeWithItsNameSeverityAndAnalyzerAndNothingElse() throws Exception {
        String readme = Files.readString(projectRoot().resolve("docs/analyzers/README.md"));

        assertThat(ReadmeTable.problems(readme)).as("docs/analyzers/README.md against the catalogue").isEmpty();
    }

    @Test
    void theReadmeCheckNamesARowThatIsMissingWrongOrUnknown() throws Exception {
        String readme = Files.readString(projectRoot().resolve("docs/analyzers/README.md"));
        MessageType first = Messages.all().get(0);
        MessageType last = Messages.all().get(Messages.all().size() - 1);
        String firstRow = readme.lines().filter(l -> l.startsWith("| [" + first.code() + "]")).findFirst().orElseThrow();
        String lastRow = readme.lines().filter(l -> l.startsWith("| [" + last.code() + "]")).findFirst().orElseThrow();
        String unknownCode = String.format("ES%04d", Messages.all().size() + 1);
        Severity other = first.severity() == Severity.ERROR ? Severity.WARNING : Severity.ERROR;
        String analyzer = Analyzers.all().stream().filter(a -> a.messages().contains(first)).findFirst()
                .orElseThrow().name();

        assertThat(ReadmeTable.problems(readme.replace(firstRow + "\n", "")))
                .containsExactly("the table lacks " + first.code() + " " + first.name());
        assertThat(ReadmeTable.problems(readme.replace(lastRow,
                lastRow + "\n" + lastRow.replace(last.code(), unknownCode))))
                .containsExactly("the table lists " + unknownCode + ", which is not in the catalogue");
        assertThat(ReadmeTable.problems(readme.replace(firstRow, firstRow.replace(" " + first.severity() + " ",
                " " + other + " ")))).singleElement().asString().startsWith(first.code() + ": the table has");
        assertThat(ReadmeTable.problems(readme.replace(firstRow, firstRow.replace("`" + analyzer + "`",
                "`" + analyzer + "Gone`")))).singleElement().asString().contains(analyzer + "Gone");
    }

    /** The README's table: one row per code, {@code | [CODE](CODE.md) | name | severity | reported by |}. */
    static final class ReadmeTable {
        static final String PREDICTIONS = "predictions";
        private static final Pattern ROW = Pattern.compile("\\|\\s*\\[(ES\\d{4})]\\(([^)]*)\\)\\s*\\|(.*)\\|\\s*");

        record Row(String code, String page, String name, String severity, String reportedBy) {
        }

        static List<Row> rows(String readme) {
            List<Row> rows = new ArrayList<>();
            for (String line : readme.lines().toList()) {
                Matcher m = ROW.matcher(line);
                if (m.matches()) {
                    String[] cells = m.group(3).split("\\|", -1);
                    rows.add(new Row(m.group(1), m.group(2), cell(cells, 0), cell(cells, 1), cell(cells, 2)));
                }
            }
            return rows;
        }

        private static String cell(String[] cells, int i) {
            return i < cells.length ? cells[i].strip() : "";
        }

        /** The row the catalogue and the analyzers call for. */
        static Row expected(MessageType m) {
            List<String> by = Analyzers.all().stream().filter(a -> a.messages().contains(m)).map(Analyzer::name)
                    .sorted().map(name -> "`" + name + "`").collect(Collectors.toCollection(ArrayList::new));
            if (PredictionFindings.messages().contains(m)) {
                by.add(PREDICTIONS);
            }
            return new Row(m.code(), m.code() + ".md", m.name(), m.severity().name(), String.join(", ", by));
        }

        /** Each difference between the table and the catalogue, as a sentence; empty when they agree. */
        static List<String> problems(String readme) {
            List<Row> rows = rows(readme);
            Map<String, Row> byCode = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (Row row : rows) {
                if (byCode.putIfAbsent(row.code(), row) != null) {
                    problems.add("the table lists " + row.code() + " twice");
                }
            }
            Set<String> codes = Messages.all().stream().map(MessageType::code).collect(Collectors.toSet());
            for (Row row : byCode.values()) {
                if (!codes.contains(row.code())) {
                    problems.add("the table lists " + row.code() + ", which is not in the catalogue");
                }
            }
            for (MessageType m : Messages.all()) {
                Row row = byCode.get(m.code());
                Row expected = expected(m);
                if (row == null) {
                    problems.add("the table lacks " + m.code() + " " + m.name());
                } else if (!row.equals(expected)) {
                    problems.add(m.code() + ": the table has " + row + ", the catalogue " + expected);
                }
            }
            List<String> order = rows.stream().map(Row::code).toList();
            if (problems.isEmpty() && !order.equals(order.stream().sorted().toList())) {
                problems.add("the table's rows are not in code order: " + order);
            }
            return problems;
        }
    }

    @Test
    void everyCodeHasAFixture() {
        Set<String> covered = new HashSet<>();
        for (Path file : Fixture.files("analyzers")) {
            for (String expected : Fixture.load(file).findings()) {
                covered.add(expected.split(" ")[0]);
            }
        }
        covered.addAll(CertificateAnalyzersTest.COVERS);
        covered.addAll(PredictionFindingsTest.COVERS);
        assertThat(covered).containsAll(Messages.all().stream().map(MessageType::code).toList());
    }

    private static Path projectRoot() throws URISyntaxException {
        Path p = Paths.get(AnalyzerCatalogueTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        while (p != null && !Files.exists(p.resolve("pom.xml"))) {
            p = p.getParent();
        }
        return p;
    }
}
