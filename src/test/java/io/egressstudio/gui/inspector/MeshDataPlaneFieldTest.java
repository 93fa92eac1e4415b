package io.egressstudio.gui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.certs.CertificateStore;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.DataPlane;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mesh's "Data plane" field: sidecars or ambient mode, in the YAML, the file and the predictions, or refused. */
class MeshDataPlaneFieldTest {
    private static final Executor DIRECT = Runnable::run;

    @Test
    void choosingAmbientMakesTheGatewayApiGatewayAWaypointAndKeepsWhoMayLeave(@TempDir Path config) {
        Scenario finished = BuiltInDesigns.finished("3-egress-authz-gateway-api").withSteps(List.of());
        MainViewModel vm = new MainViewModel(finished, new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        Map<String, Outcome> before = outcomes(vm);
        assertThat(before).containsEntry("other-call", Outcome.DENIED).containsEntry("greeting-call", Outcome.OK);
        String yamlBefore = vm.analysis().yaml();

        vm.selection().select(finished.meshes().get(0).id());
        InspectorViewModel.Field dataPlane = inspector.field("dataPlane");
        assertThat(dataPlane.spec().label()).isEqualTo("Data plane");
        assertThat(dataPlane.choices()).containsExactly("", "SIDECAR", "AMBIENT");
        assertThat(inspector.commit(dataPlane, "AMBIENT")).isTrue();

        assertThat(vm.shown().meshes().get(0).dataPlane()).isEqualTo(DataPlane.AMBIENT);
        assertThat(vm.analysis().yaml()).contains("gatewayClassName: \"istio-waypoint\"")
                .contains("istio.io/dataplane-mode: \"ambient\"").contains("istio.io/use-waypoint: \"istio-egressgateway\"")
                .contains("targetRefs").doesNotContain("kind: \"HTTPRoute\"");
        assertThat(outcomes(vm)).isEqualTo(before);
        assertThat(vm.analysis().predictions().values()).allMatch(p -> p.hops().get(0).to().startsWith("ztunnel")
                && p.hops().get(1).to().startsWith("waypoint ") && p.hops().get(1).encryption().equals("ISTIO_MUTUAL"));
        assertThat(ScenarioFile.toYaml(vm.document().scenario())).contains("dataPlane: AMBIENT");

        assertThat(inspector.commit(inspector.field("dataPlane"), "")).isTrue();
        assertThat(vm.analysis().yaml()).isEqualTo(yamlBefore);
        assertThat(ScenarioFile.toYaml(vm.document().scenario())).doesNotContain("dataPlane");
    }

    @Test
    void ambientIsRefusedWithItsReasonOnMaistraAndWithAnIstioApiGateway(@TempDir Path config) {
        MainViewModel maistra = new MainViewModel(BuiltInDesigns.finished("1b-egress-encrypted").withSteps(List.of()),
                new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
        InspectorViewModel inspector = new InspectorViewModel(maistra, new CertificateStore(config));
        maistra.selection().select(maistra.shown().meshes().get(0).id());
        InspectorViewModel.Field field = inspector.field("dataPlane");

        assertThat(inspector.commit(field, "AMBIENT")).isFalse();
        assertThat(field.errorProperty().get()).contains("Maistra").contains("no ambient mode");
        assertThat(maistra.shown().meshes().get(0).ambient()).isFalse();

        MainViewModel istioApi = new MainViewModel(BuiltInDesigns.finished("3-egress-authz").withSteps(List.of()),
                new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
        InspectorViewModel second = new InspectorViewModel(istioApi, new CertificateStore(config));
        istioApi.selection().select(istioApi.shown().meshes().get(0).id());
        InspectorViewModel.Field other = second.field("dataPlane");

        assertThat(second.commit(other, "AMBIENT")).isFalse();
        assertThat(other.errorProperty().get()).contains("waypoint").contains("GATEWAY_API");
    }

    private static Map<String, Outcome> outcomes(MainViewModel vm) {
        return vm.analysis().predictions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().outcome()));
    }
}
