package io.egressstudio.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.bench.DesignerBenchmark;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.Scenario;
import io.egressstudio.predict.ScenarioRequests;
import org.junit.jupiter.api.Test;

/**
 * An edit re-predicts only the requests that read what it changed: the rest keep their prediction, the same instance.
 * (That the result always equals a fresh analysis is IncrementalAnalysisTest's.)
 */
class IncrementalPredictionTest {
    private static final Scenario THREE_MESHES = DesignerBenchmark.largeScenario(3, 20, 40, 150);

    @Test
    void changingOneMeshsOutboundPolicyPredictsOnlyItsOwnRequestsAgain() {
        Analysis.Incremental first = analyze(THREE_MESHES, AnalysisMemo.NONE);
        Mesh mesh = THREE_MESHES.meshes().get(0);
        Scenario flipped = withOutboundPolicyFlipped(THREE_MESHES, mesh);

        Analysis.Incremental second = analyze(flipped, first.memo());

        long fromThatMesh = flipped.links().stream().filter(l -> inMesh(flipped, l, mesh)).count();
        assertThat(second.predicted()).isEqualTo(fromThatMesh).isPositive();
        for (int i = 0; i < flipped.links().size(); i++) {
            if (!inMesh(flipped, flipped.links().get(i), mesh)) {
                assertThat(second.analysis().predictions().get(i)).as(flipped.links().get(i).id())
                        .isSameAs(first.analysis().predictions().get(i));
            }
        }
        assertThat(second.analysis()).isEqualTo(Analysis.run(MeshView.of(ScenarioGenerator.generate(flipped)),
                ScenarioRequests.all(flipped)));
    }

    @Test
    void changingOneMeshsOutboundPolicyChecksOnlyItsControlPlaneAgain() {
        Analysis.Incremental first = analyze(THREE_MESHES, AnalysisMemo.NONE);
        Mesh mesh = THREE_MESHES.meshes().get(0);
        Scenario flipped = withOutboundPolicyFlipped(THREE_MESHES, mesh);

        Analysis.Incremental second = analyze(flipped, first.memo());

        long perControlPlane = Analyzers.all().stream().filter(ControlPlaneAnalyzer.class::isInstance).count();
        assertThat(perControlPlane).isPositive();
        // the two meshes the edit did not touch keep every per-control-plane analyzer's findings
        assertThat(second.checked()).isPositive().isLessThanOrEqualTo((int) (first.checked() - 2 * perControlPlane));
        assertThat(second.analysis().analyzerFindings()).isEqualTo(Analyzers.analyze(
                MeshView.of(ScenarioGenerator.generate(flipped))));
        assertThat(analyze(flipped, second.memo()).checked()).as("the same design again").isZero();
    }

    @Test
    void aGatewayApiRouteThatLosesItsParentIsFoundAgainByTheAnalyzerItsProblemFeeds() {
        io.egressstudio.mesh.ResourceSet before = io.egressstudio.predict.Fixture.load(io.egressstudio.predict.Fixture.ROOT
                .resolve("upstream/gateway-api-egress-plain.yaml")).resources();
        io.egressstudio.mesh.ResourceSet after = io.egressstudio.mesh.ResourceSet.of(before.entries().stream()
                .filter(e -> !e.key().toString().equals("ServiceEntry/shop/cnn")).toList());
        Analysis.Incremental first = Analysis.run(MeshView.of(before), java.util.List.of(), AnalysisMemo.NONE);

        Analysis.Incremental second = Analysis.run(MeshView.of(after), java.util.List.of(), first.memo());

        assertThat(second.analysis().analyzerFindings()).isEqualTo(Analyzers.analyze(MeshView.of(after)))
                .anyMatch(f -> f.code().equals(Messages.GATEWAY_API_ROUTE_NOT_ATTACHED.code()));
    }

    @Test
    void anUnchangedDesignPredictsNothingAgainAndAChangedWorkloadEverything() {
        Analysis.Incremental first = analyze(THREE_MESHES, AnalysisMemo.NONE);
        assertThat(first.predicted()).isPositive();
        assertThat(analyze(THREE_MESHES, first.memo()).predicted()).isZero();

        // workloads are read by every prediction (the client's sidecar), not per mesh
        var workload = THREE_MESHES.workloads().get(0);
        Scenario withoutSidecar = ScenarioEdits.replace(THREE_MESHES, workload.id(),
                io.egressstudio.design.ElementPatch.setField(workload, "sidecar", false));
        Analysis.Incremental afterWorkload = analyze(withoutSidecar, first.memo());
        assertThat(afterWorkload.predicted()).isEqualTo(distinctRequests(withoutSidecar));
    }

    @Test
    void aResourceOfAKindTheViewDoesNotIndexPredictsEverythingAgain() {
        io.egressstudio.mesh.ResourceSet resources = ScenarioGenerator.generate(THREE_MESHES);
        Analysis.Incremental first = Analysis.run(MeshView.of(resources), ScenarioRequests.all(THREE_MESHES),
                AnalysisMemo.NONE);
        // a kind some reader may take from the whole set ahead of a prediction (as AuthorizationPolicies are)
        io.egressstudio.mesh.ResourceSet withConfigMap = resources.plus(io.egressstudio.mesh.ResourceSet.builder()
                .add(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("settings")
                        .withNamespace("m0-a").endMetadata().addToData("key", "value").build(), "test").build());

        Analysis.Incremental second = Analysis.run(MeshView.of(withConfigMap), ScenarioRequests.all(THREE_MESHES),
                first.memo());

        assertThat(second.predicted()).isEqualTo(distinctRequests(THREE_MESHES));
    }

    private static Scenario withOutboundPolicyFlipped(Scenario s, Mesh mesh) {
        return ScenarioEdits.replace(s, mesh.id(), mesh.withOutboundPolicy(
                mesh.outboundPolicy() == OutboundPolicy.ALLOW_ANY ? OutboundPolicy.REGISTRY_ONLY : OutboundPolicy.ALLOW_ANY));
    }

    private static Analysis.Incremental analyze(Scenario s, AnalysisMemo memo) {
        return Analysis.run(MeshView.of(ScenarioGenerator.generate(s)), ScenarioRequests.all(s), memo);
    }

    private static long distinctRequests(Scenario s) {
        return ScenarioRequests.all(s).stream().distinct().count();
    }

    private static boolean inMesh(Scenario s, Link link, Mesh mesh) {
        return s.workloads().stream().filter(w -> w.id().equals(link.from()))
                .anyMatch(w -> mesh.members().contains(w.namespace()));
    }
}
