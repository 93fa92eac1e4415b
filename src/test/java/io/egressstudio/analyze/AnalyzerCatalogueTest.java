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
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Meta-tests, as Istio has for its analyzers: registered, unique ordered codes, documented, exercised. */
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
