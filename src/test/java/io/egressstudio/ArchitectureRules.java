package io.egressstudio;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;

/**
 * The layers of ARCHITECTURE.md (see docs/decisions/0001-layers.md) as ArchUnit rules, for the classes under a
 * root package: {@code io.egressstudio} in production, a package of deliberate violations in the test that proves
 * each rule bites.
 *
 * <pre>
 *   model  →  io, generate, mesh, predict, analyze, certs  →  design  →  cluster, telemetry  →  cli, gui  →  Launcher
 * </pre>
 */
final class ArchitectureRules {
    /** Every package a class of ours may live in; a new one must be placed in a layer here first. */
    static final String[] LOGIC = {"io", "generate", "mesh", "predict", "analyze", "certs"};
    /** The pipeline every front end shares: a scenario's analysis, walkthrough states, scenario edits (decision 0022). */
    static final String DESIGN = "design";
    static final String[] CONNECTORS = {"cluster", "telemetry"};

    /** The fabric8 client (it talks to the API server) and plain HTTP: the network. */
    static final String[] NETWORK_PACKAGES = {"io.fabric8.kubernetes.client..", "io.fabric8.istio.client..",
            "io.fabric8.openshift.client..", "java.net.http.."};
    /**
     * fabric8's YAML/JSON (un)marshalling lives in the client's {@code utils} package but never touches the network;
     * the generator writes resources with it and {@code io} reads manifests with it.
     */
    static final String[] SERIALIZATION_CLASSES = {"io.fabric8.kubernetes.client.utils.Serialization",
            "io.fabric8.kubernetes.client.utils.KubernetesSerialization"};

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    private String pkg(String name) {
        return root + "." + name + "..";
    }

    private String[] pkgs(String... names) {
        return Arrays.stream(names).map(this::pkg).toArray(String[]::new);
    }

    private String launcher() {
        return root + ".Launcher";
    }

    ArchRule modelDependsOnNothingOfOurs() {
        return noClasses().that().resideInAPackage(pkg("model"))
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(pkg("model")))))
                .as("model depends on nothing of ours");
    }

    ArchRule modelIsPlainJava() {
        return classes().that().resideInAPackage(pkg("model"))
                .should().onlyDependOnClassesThat(resideInAnyPackage(pkg("model"), "java.lang..", "java.util..",
                        "java.time..", "java.math..", "java.io..", "java.nio.."))
                .as("model uses only the JDK (no JavaFX, no network, no BouncyCastle, no fabric8)");
    }

    ArchRule onlyGuiUsesJavaFx() {
        return noClasses().that().resideOutsideOfPackage(pkg("gui"))
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..")
                .as("only gui uses JavaFX");
    }

    ArchRule nothingDependsOnGuiButTheLauncher() {
        return noClasses().that().resideOutsideOfPackage(pkg("gui")).and().doNotHaveFullyQualifiedName(launcher())
                .should().dependOnClassesThat().resideInAPackage(pkg("gui"))
                .as("nothing depends on gui except Launcher");
    }

    ArchRule onlyCertsUsesBouncyCastle() {
        return noClasses().that().resideOutsideOfPackage(pkg("certs"))
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .as("only certs uses BouncyCastle");
    }

    ArchRule onlyClusterAndTelemetryTalkToTheNetwork() {
        DescribedPredicate<JavaClass> network = resideInAnyPackage(NETWORK_PACKAGES)
                .and(not(name(SERIALIZATION_CLASSES[0]).or(name(SERIALIZATION_CLASSES[1]))))
                .as("talk to the network (fabric8 client, java.net.http)");
        return noClasses().that().resideOutsideOfPackages(pkgs(CONNECTORS))
                .should().dependOnClassesThat(network)
                .as("only cluster and telemetry use the fabric8 client or java.net.http");
    }

    ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Model").definedBy(pkg("model"))
                .layer("Logic").definedBy(pkgs(LOGIC))
                .layer("Design").definedBy(pkg(DESIGN))
                .layer("Connectors").definedBy(pkgs(CONNECTORS))
                .layer("Cli").definedBy(pkg("cli"))
                .layer("Gui").definedBy(pkg("gui"))
                .layer("Launcher").definedBy(nameMatching(java.util.regex.Pattern.quote(launcher()) + "(\\$.*)?"))
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Gui").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Connectors").mayOnlyBeAccessedByLayers("Cli", "Gui")
                .whereLayer("Design").mayOnlyBeAccessedByLayers("Connectors", "Cli", "Gui")
                .whereLayer("Logic").mayOnlyBeAccessedByLayers("Design", "Connectors", "Cli", "Gui")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Logic", "Design", "Connectors", "Cli", "Gui")
                .as("layers: model -> io/generate/mesh/predict/analyze/certs -> design -> cluster/telemetry -> cli/gui "
                        + "-> Launcher");
    }

    /**
     * The window's features (canvas, inspector, cluster, live, presenter, ...) may use one another one way only: a
     * cycle between two of them is how a feature stops being replaceable (decision 0014 broke one with interfaces).
     */
    ArchRule guiFeaturesAreFreeOfCycles() {
        return slices().assignedFrom(guiFeatures()).should().beFreeOfCycles()
                .as("the gui's feature packages and its root package depend on one another without cycles");
    }

    /**
     * One slice per feature package under {@code gui}, and one for the classes directly in {@code gui} (the window
     * that assembles the features): a feature that reached back into the root would otherwise go unnoticed.
     */
    private SliceAssignment guiFeatures() {
        String gui = root + ".gui";
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals(gui)) {
                    return SliceIdentifier.of("gui (root)");
                }
                if (pkg.startsWith(gui + ".")) {
                    return SliceIdentifier.of(pkg.substring(gui.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the gui's root package and each of its feature packages";
            }
        };
    }

    ArchRule everyClassIsInALayer() {
        String[] known = new String[LOGIC.length + CONNECTORS.length + 4];
        int i = 0;
        for (String name : LOGIC) {
            known[i++] = pkg(name);
        }
        for (String name : CONNECTORS) {
            known[i++] = pkg(name);
        }
        known[i++] = pkg("model");
        known[i++] = pkg(DESIGN);
        known[i++] = pkg("cli");
        known[i] = pkg("gui");
        return classes().that().resideInAPackage(root + "..").and().doNotHaveFullyQualifiedName(launcher())
                .and(not(nameMatching(java.util.regex.Pattern.quote(launcher()) + "\\$.*")))
                .should().resideInAnyPackage(known)
                .as("every class is in a package of a layer (add a new package to ArchitectureRules first)");
    }
}
