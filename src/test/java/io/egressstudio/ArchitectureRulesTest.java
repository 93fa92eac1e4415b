package io.egressstudio;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that every rule of {@link ArchitectureRules} really fails when broken: the package {@code archviolations}
 * (test sources) has one class per violation, plus clean classes that use what each layer may use. Each rule must
 * name exactly the classes that break it, and none of the clean ones.
 */
class ArchitectureRulesTest {
    private static final String ROOT = "archviolations";
    private static final ArchitectureRules RULES = new ArchitectureRules(ROOT);
    private static final Pattern ORIGIN = Pattern.compile("<(" + Pattern.quote(ROOT) + "\\.[\\w.]*?\\.?[A-Z]\\w*)");

    private static JavaClasses classes;

    @BeforeAll
    static void importViolations() {
        classes = new ClassFileImporter().importPackages(ROOT);
        assertThat(classes).as("the violation fixtures are compiled").hasSizeGreaterThan(10);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("modelDependsOnNothingOfOurs", ArchitectureRules::modelDependsOnNothingOfOurs,
                        "model.ModelUsesIo"),
                rule("modelIsPlainJava", ArchitectureRules::modelIsPlainJava,
                        "model.ModelUsesIo", "model.ModelUsesJackson"),
                rule("onlyGuiUsesJavaFx", ArchitectureRules::onlyGuiUsesJavaFx,
                        "io.IoUsesJavaFx"),
                rule("nothingDependsOnGuiButTheLauncher", ArchitectureRules::nothingDependsOnGuiButTheLauncher,
                        "cli.CliUsesGui"),
                rule("onlyCertsUsesBouncyCastle", ArchitectureRules::onlyCertsUsesBouncyCastle,
                        "mesh.MeshUsesBouncyCastle"),
                rule("onlyClusterAndTelemetryTalkToTheNetwork", ArchitectureRules::onlyClusterAndTelemetryTalkToTheNetwork,
                        "generate.GenerateUsesKubernetesClient", "analyze.AnalyzeUsesHttpClient"),
                rule("layers", ArchitectureRules::layers,
                        "model.ModelUsesIo", "io.IoUsesCluster", "analyze.AnalyzeUsesDesign", "cluster.ClusterUsesCli",
                        "cli.CliUsesGui"),
                rule("guiFeaturesAreFreeOfCycles", ArchitectureRules::guiFeaturesAreFreeOfCycles,
                        "gui.WindowUsesPresenter", "gui.canvas.CanvasUsesLive"),
                rule("everyClassIsInALayer", ArchitectureRules::everyClassIsInALayer,
                        "util.Stray"));
    }

    private static Arguments rule(String name, Function<ArchitectureRules, ArchRule> rule, String... violators) {
        Set<String> expected = new TreeSet<>();
        for (String violator : violators) {
            expected.add(ROOT + "." + violator);
        }
        return Arguments.of(name, rule, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRuleNamesExactlyTheClassesThatBreakIt(String name, Function<ArchitectureRules, ArchRule> rule,
                                                  Set<String> violators) {
        EvaluationResult result = rule.apply(RULES).evaluate(classes);

        assertThat(result.hasViolation()).as(name + " fails").isTrue();
        Set<String> named = new TreeSet<>();
        for (String detail : result.getFailureReport().getDetails()) {
            Matcher origin = ORIGIN.matcher(detail);
            if (origin.find()) {
                named.add(origin.group(1));
            }
        }
        assertThat(named).as(String.join("\n", result.getFailureReport().getDetails())).isEqualTo(violators);
    }
}
