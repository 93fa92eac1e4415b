package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.canvas.CanvasViewModel;
import io.egressstudio.gui.canvas.Diagram;
import io.egressstudio.gui.canvas.NodeKind;
import io.egressstudio.gui.findings.FindingsViewModel;
import io.egressstudio.gui.inspector.InspectorViewModel;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.gui.yaml.YamlViewModel;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The ViewModels alone: no window, no toolkit; background work runs on the calling thread. */
class ViewModelsTest {
    private static final Executor DIRECT = Runnable::run;

    private static MainViewModel main(Scenario s) {
        return new MainViewModel(s, new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
    }

    private static Outcome outcome(MainViewModel vm, String link) {
        return vm.analysis().prediction(link).outcome();
    }

    @Test
    void buildsVariationOneAndFollowsItsOutcomes() {
        MainViewModel vm = main(ScenarioEdits.empty("v1"));
        CanvasViewModel canvas = new CanvasViewModel(vm);
        InspectorViewModel inspector = new InspectorViewModel(vm);

        String mesh = canvas.place(NodeKind.MESH, 100, 100);
        Diagram.Rect box = canvas.diagram().box(mesh).rect();
        String workload = canvas.place(NodeKind.WORKLOAD, box.x() + 100, box.y() + 80);
        String service = canvas.place(NodeKind.EXTERNAL_SERVICE, 700, 120);
        String link = canvas.connect(workload, 700, 130);
        assertThat(link).isNotNull();
        assertThat(vm.shown().meshes().get(0).owns(vm.shown().workload(workload).orElseThrow().namespace())).isTrue();
        assertThat(outcome(vm, link)).isEqualTo(Outcome.PASSTHROUGH);

        vm.selection().select(mesh);
        assertThat(inspector.commit(inspector.field("outboundPolicy"), "REGISTRY_ONLY")).isTrue();
        assertThat(outcome(vm, link)).isEqualTo(Outcome.BLACKHOLE);

        vm.selection().select(service);
        assertThat(inspector.commit(inspector.field("registered"), "true")).isTrue();
        assertThat(outcome(vm, link)).isEqualTo(Outcome.OK);

        vm.undo();
        assertThat(outcome(vm, link)).isEqualTo(Outcome.BLACKHOLE);
        vm.redo();
        assertThat(outcome(vm, link)).isEqualTo(Outcome.OK);
        assertThat(vm.statusProperty().get()).startsWith("Redid: Set " + service);
    }

    @Test
    void theInspectorRejectsAnInvalidValueInlineAndLeavesTheDocument() {
        MainViewModel vm = main(BuiltInScenarios.get("1a-unencrypted-v1"));
        InspectorViewModel inspector = new InspectorViewModel(vm);
        vm.selection().select("rest-client-greeting");
        Scenario before = vm.document().scenario();
        InspectorViewModel.Field ns = inspector.field("namespace");

        assertThat(inspector.commit(ns, "Not_A_Namespace")).isFalse();
        assertThat(ns.errorProperty().get()).contains("DNS-1123 label");
        assertThat(vm.document().scenario()).isSameAs(before);

        InspectorViewModel.Field ports = inspector.field("ports");
        assertThat(inspector.commit(ports, "80, eighty")).isFalse();
        assertThat(ports.errorProperty().get()).isEqualTo("'eighty' is not a whole number");

        assertThat(inspector.commit(inspector.field("id"), "rest-greeting-remote")).isFalse();
        assertThat(inspector.commit(inspector.field("id"), "client")).isTrue();
        assertThat(vm.selection().single()).isEqualTo("client");
        assertThat(vm.document().scenario().links().get(0).from()).isEqualTo("client");
    }

    @Test
    void theInspectorShowsTheExplanationOfALink() {
        MainViewModel vm = main(BuiltInScenarios.get("1a-unencrypted-v1"));
        InspectorViewModel inspector = new InspectorViewModel(vm);
        vm.selection().select("greeting-call");
        assertThat(inspector.explanationProperty().get()).startsWith("PASSTHROUGH\n").contains("PassthroughCluster");
        assertThat(inspector.field("sidecarTls.mode").choices()).contains("", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL");
    }

    @Test
    void aFindingSelectsItsElementAndField() {
        MainViewModel vm = main(BuiltInDesigns.finished("1b-egress-encrypted"));
        FindingsViewModel findings = new FindingsViewModel(vm);
        assertThat(findings.rows()).isNotEmpty();
        FindingsViewModel.Row row = findings.rows().stream().filter(r -> r.code().equals("ES0001")).findFirst().orElseThrow();
        findings.activate(row);
        assertThat(vm.selection().single()).isEqualTo(vm.shown().links().get(0).id());
        assertThat(vm.selection().focusFieldProperty().get()).isEqualTo("egressTls.caCertificate");
    }

    @Test
    void theYamlPaneShowsTheSelectionOrEverything() {
        MainViewModel vm = main(BuiltInScenarios.get("1a-unencrypted-v1"));
        YamlViewModel yaml = new YamlViewModel(vm, DIRECT, DIRECT);
        assertThat(yaml.textProperty().get()).contains("kind: \"ServiceMeshControlPlane\"").contains("name: \"greetings-service\"");
        vm.selection().select("client-mesh");
        assertThat(yaml.textProperty().get()).contains("ServiceMeshControlPlane").doesNotContain("name: \"greetings-service\"");
        assertThat(yaml.scopeProperty().get()).isEqualTo("Resources of client-mesh");
        yaml.allProperty().set(true);
        assertThat(yaml.textProperty().get()).contains("name: \"greetings-service\"");
        assertThat(yaml.lines()).as("the pane's rows are the text's lines").containsExactlyElementsOf(
                yaml.textProperty().get().lines().toList());
    }

    @Test
    void aFieldTheUserIsSentToIsTheSelectedLineOfTheYaml() {
        MainViewModel vm = main(io.egressstudio.io.BuiltInDesigns.finished("1b-egress-encrypted"));
        YamlViewModel yaml = new YamlViewModel(vm, DIRECT, DIRECT);
        String link = vm.shown().links().get(0).id();

        vm.selection().selectField(link, "egressTls.mode");
        int line = yaml.focusLineProperty().get();
        assertThat(line).as("the line of the egress gateway rule's TLS mode").isGreaterThanOrEqualTo(0);
        assertThat(yaml.lines().get(line)).contains("mode: \"MUTUAL\"");
        String before = String.join("\n", yaml.lines().subList(0, line));
        assertThat(before.substring(before.lastIndexOf("kind:"))).as("in the rule the gateway applies")
                .startsWith("kind: \"DestinationRule\"").contains("portLevelSettings");

        vm.selection().selectField(link, "sidecarTls.sni");
        assertThat(yaml.lines().get(yaml.focusLineProperty().get())).contains("sni: \"greeting.remote.com\"");

        vm.selection().select(vm.shown().meshes().get(0).id());
        vm.selection().selectField(vm.shown().meshes().get(0).id(), "outboundPolicy");
        assertThat(yaml.lines().get(yaml.focusLineProperty().get())).contains("policy: \"REGISTRY_ONLY\"");
    }

    @Test
    void stepsAreReadOnlyViewsOfTheWalkthrough() {
        MainViewModel vm = main(BuiltInScenarios.get("1a-unencrypted-v1"));
        assertThat(vm.stepChoices()).hasSize(4);
        vm.stepProperty().set(2);
        assertThat(outcome(vm, "greeting-call")).isEqualTo(Outcome.BLACKHOLE);
        assertThat(vm.stepNarrativeProperty().get()).contains("Expected: greeting-call → BLACKHOLE");
        assertThat(vm.edit(io.egressstudio.gui.document.Edit.of("x", s -> ScenarioEdits.remove(s, java.util.List.of("client-mesh")))))
                .isFalse();
        vm.stepProperty().set(3);
        assertThat(outcome(vm, "greeting-call")).isEqualTo(Outcome.OK);
        vm.stepProperty().set(0);
        assertThat(outcome(vm, "greeting-call")).isEqualTo(Outcome.PASSTHROUGH);
    }

    @Test
    void movingAMeshMovesWhatIsInsideIt() {
        MainViewModel vm = main(BuiltInScenarios.get("1a-unencrypted-v1"));
        CanvasViewModel canvas = new CanvasViewModel(vm);
        vm.selection().select("client-mesh");
        canvas.commitMove(100, 50);
        Scenario s = vm.document().scenario();
        assertThat(s.layout().get("client-mesh")).isEqualTo(new io.egressstudio.model.Position(140, 90));
        assertThat(s.layout().get("rest-client-greeting")).isEqualTo(new io.egressstudio.model.Position(180, 170));
        assertThat(s.layout().get("rest-greeting-remote")).as("outside the mesh").isEqualTo(new io.egressstudio.model.Position(520, 120));
        vm.undo();
        canvas.fit(800, 600);
        assertThat(canvas.zoomProperty().get()).isBetween(0.1, 1.5);
    }

    @Test
    void laysOutScenariosWithoutPositions() {
        Scenario s = BuiltInDesigns.finished("2-federation");
        Scenario bare = s.withLayout(java.util.Map.of());
        Diagram d = io.egressstudio.gui.canvas.DiagramLayout.of(bare);
        assertThat(d.nodes()).hasSize(bare.workloads().size() + bare.egressGateways().size() + bare.externalServices().size());
        for (int i = 0; i < d.nodes().size(); i++) {
            for (int j = i + 1; j < d.nodes().size(); j++) {
                assertThat(d.nodes().get(i).rect().intersects(d.nodes().get(j).rect()))
                        .as(d.nodes().get(i).id() + " overlaps " + d.nodes().get(j).id()).isFalse();
            }
        }
        for (Diagram.Box mesh : d.meshes()) {
            d.nodes().stream().filter(n -> mesh.id().equals(n.owner())).forEach(n -> assertThat(
                    mesh.rect().contains(n.rect().x(), n.rect().y()) && mesh.rect().contains(n.rect().maxX(), n.rect().maxY()))
                    .as(n.id() + " inside " + mesh.id()).isTrue());
        }
    }
}
