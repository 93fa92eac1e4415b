package io.egressstudio;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Guards the layers of ARCHITECTURE.md on the production classes (docs/decisions/0001-layers.md). */
@AnalyzeClasses(packages = "io.egressstudio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final ArchitectureRules RULES = new ArchitectureRules("io.egressstudio");

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = RULES.modelDependsOnNothingOfOurs();
    @ArchTest
    static final ArchRule modelIsPlainJava = RULES.modelIsPlainJava();
    @ArchTest
    static final ArchRule onlyGuiUsesJavaFx = RULES.onlyGuiUsesJavaFx();
    @ArchTest
    static final ArchRule nothingDependsOnGuiButTheLauncher = RULES.nothingDependsOnGuiButTheLauncher();
    @ArchTest
    static final ArchRule onlyCertsUsesBouncyCastle = RULES.onlyCertsUsesBouncyCastle();
    @ArchTest
    static final ArchRule onlyClusterAndTelemetryTalkToTheNetwork = RULES.onlyClusterAndTelemetryTalkToTheNetwork();
    @ArchTest
    static final ArchRule layers = RULES.layers();
    @ArchTest
    static final ArchRule guiFeaturesAreFreeOfCycles = RULES.guiFeaturesAreFreeOfCycles();
    @ArchTest
    static final ArchRule everyClassIsInALayer = RULES.everyClassIsInALayer();
}
