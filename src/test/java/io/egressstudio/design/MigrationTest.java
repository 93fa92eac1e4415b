package io.egressstudio.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Moving a Maistra 2.x design to OpenShift Service Mesh 3 or upstream Istio, and what changes on the way. */
class MigrationTest {
    private static final DesignPipeline PIPELINE = DesignPipeline.standard();

    static Stream<String> maistraBuiltIns() {
        return BuiltInScenarios.names().stream().filter(n -> !n.startsWith("3-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maistraBuiltIns")
    void everyMaistraBuiltInMigratesToAValidOssm3DesignWithEachChangedLinkExplained(String name) throws Exception {
        Migration.Report report = Migration.migrate(BuiltInScenarios.get(name), MeshFlavour.OSSM_3, PIPELINE);

        assertThat(ScenarioValidator.validate(report.migrated())).isEmpty();
        assertThat(report.migrated().meshes()).extracting(Mesh::flavour).containsOnly(MeshFlavour.OSSM_3);
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("becomes the Sail operator's Istio"));
        for (Migration.LinkChange change : report.changes()) {
            assertThat(change.reasons()).as(change.summary()).isNotEmpty();
            assertThat(change.summary()).contains(" → ");
        }
    }

    @Test
    void aStrictMeshWithoutAutoMtlsLosesMaistrasStarLocalRuleAndTheFixIsNamed() throws Exception {
        Migration.Report report = Migration.migrate(BuiltInScenarios.get("1a-mutual"), MeshFlavour.OSSM_3, PIPELINE);

        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.before().outcome()).isEqualTo(Outcome.OK);
            assertThat(change.after().outcome()).isEqualTo(Outcome.MTLS_FAILURE);
            assertThat(change.reasons()).anySatisfy(r -> assertThat(r)
                    .contains("Maistra's control plane created DestinationRule/istio-system-service/default")
                    .contains("*.local"));
        });
        assertThat(report.resourcesToAdd()).anySatisfy(r -> assertThat(r)
                .startsWith("Create DestinationRule/istio-system-service/default"));
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("auto mTLS stays off"));
    }

    @Test
    void federationIsRemovedAndSaidAndItsCallIsBlackholed() throws Exception {
        Migration.Report report = Migration.migrate(BuiltInScenarios.get("2-federation"), MeshFlavour.OSSM_3, PIPELINE);

        assertThat(report.migrated().federations()).isEmpty();
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("has no Maistra federation")
                .contains("multi-cluster"));
        assertThat(report.changes()).anySatisfy(change -> {
            assertThat(change.after().outcome()).isEqualTo(Outcome.BLACKHOLE);
            assertThat(change.reasons()).anySatisfy(r -> assertThat(r).contains("Maistra federation"));
        });
    }

    @Test
    void aStepThatFailedOnMaistraBecauseOfItsStarLocalRuleWorksOnOssm3() throws Exception {
        Migration.Report report = Migration.migrate(BuiltInScenarios.get("1a-unencrypted-v2"), MeshFlavour.OSSM_3,
                PIPELINE);

        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.state()).startsWith("Step 1");
            assertThat(change.before().outcome()).isEqualTo(Outcome.MTLS_FAILURE);
            assertThat(change.after().outcome()).isEqualTo(Outcome.OK);
        });
        assertThat(report.resourcesToAdd()).as("nothing to add to keep a failure").isEmpty();
    }

    /** OSSM 3 is upstream Istio run by the Sail operator: the same design predicts the same in every state. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("maistraBuiltIns")
    void upstreamIstioPredictsWhatOssm3Predicts(String name) throws Exception {
        Scenario maistra = BuiltInScenarios.get(name);
        List<DesignAnalysis> ossm = WalkthroughStates.of(Migration.rewrite(maistra, MeshFlavour.OSSM_3, new ArrayList<>()),
                PIPELINE);
        List<DesignAnalysis> istio = WalkthroughStates.of(Migration.rewrite(maistra, MeshFlavour.ISTIO, new ArrayList<>()),
                PIPELINE);
        for (int n = 0; n < ossm.size(); n++) {
            assertThat(outcomes(istio.get(n))).as(name + " state " + n).isEqualTo(outcomes(ossm.get(n)));
        }
    }

    /** The generated control plane reads back as the mesh was drawn: flavour, policy, auto mTLS, members. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("maistraBuiltIns")
    void theGeneratedControlPlaneOfEachFlavourReadsBackAsDrawn(String name) throws Exception {
        for (MeshFlavour flavour : MeshFlavour.values()) {
            Scenario scenario = Migration.rewrite(BuiltInScenarios.get(name), flavour, new ArrayList<>());
            Scenario finished = Steps.after(scenario, scenario.steps().size());
            MeshView view = MeshView.of(ScenarioGenerator.generate(finished));
            for (Mesh mesh : finished.meshes()) {
                ControlPlane cp = view.controlPlaneOf(mesh.namespace());
                assertThat(cp).as(flavour + " " + mesh.id()).isNotNull();
                assertThat(cp.flavour()).isEqualTo(flavour);
                assertThat(cp.outboundPolicy()).isEqualTo(mesh.outboundPolicy().name());
                assertThat(cp.autoMtls()).isEqualTo(mesh.autoMtls());
                assertThat(cp.members()).containsAll(mesh.members());
                for (String member : mesh.members()) {
                    assertThat(view.controlPlaneOf(member)).as(member).isSameAs(cp);
                }
            }
        }
    }

    private static Map<String, Outcome> outcomes(DesignAnalysis analysis) {
        Map<String, Outcome> out = new java.util.TreeMap<>();
        analysis.predictions().forEach((link, p) -> out.put(link, p.outcome()));
        return out;
    }
}
