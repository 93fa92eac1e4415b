package io.egressstudio.gui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.certs.CertificateStore;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.GatewayApi;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The egress gateway's "Configured by" field: Istio API or Gateway API, in the YAML, the file and the predictions. */
class EgressGatewayApiFieldTest {
    private static final Executor DIRECT = Runnable::run;

    @Test
    void choosingTheGatewayApiWritesAGatewayAndRoutesAndKeepsEveryOutcome(@TempDir Path config) {
        Scenario finished = BuiltInDesigns.finished("3-1b-egress-encrypted").withSteps(List.of());
        MainViewModel vm = new MainViewModel(finished, new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        Map<String, Outcome> before = outcomes(vm);
        String yamlBefore = vm.analysis().yaml();
        String gateway = finished.egressGateways().get(0).id();

        vm.selection().select(gateway);
        InspectorViewModel.Field api = inspector.field("api");
        assertThat(api.spec().label()).isEqualTo("Configured by");
        assertThat(api.choices()).containsExactly("", "ISTIO", "GATEWAY_API");
        assertThat(inspector.commit(api, "GATEWAY_API")).isTrue();

        assertThat(vm.shown().egressGateways().get(0).api()).isEqualTo(GatewayApi.GATEWAY_API);
        assertThat(vm.analysis().yaml()).contains("gatewayClassName: \"istio\"").contains("kind: \"HTTPRoute\"")
                .contains("kind: \"Hostname\"");
        assertThat(outcomes(vm)).isEqualTo(before);
        assertThat(vm.analysis().predictions().values()).allMatch(p -> p.hops().get(0).to().contains("-istio."));
        assertThat(ScenarioFile.toYaml(vm.document().scenario())).contains("api: GATEWAY_API");
        // the canvas draws istiod's NAME-istio deployment as the drawn gateway, not as a box of its own
        io.egressstudio.gui.canvas.Diagram diagram = io.egressstudio.gui.canvas.DiagramLayout.of(vm.shown(),
                vm.analysis()::prediction);
        assertThat(diagram.nodes()).noneMatch(b -> b.title().endsWith("-istio"));
        assertThat(diagram.box(gateway).subtitle()).contains("Gateway API");

        assertThat(inspector.commit(inspector.field("api"), "")).isTrue();
        assertThat(vm.analysis().yaml()).isEqualTo(yamlBefore);
        assertThat(ScenarioFile.toYaml(vm.document().scenario())).doesNotContain("api:");
    }

    private static Map<String, Outcome> outcomes(MainViewModel vm) {
        return vm.analysis().predictions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().outcome()));
    }
}
