package io.egressstudio.gui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.certs.CertificateStore;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.Steps;
import io.egressstudio.model.EgressServerTls;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The egress gateway's own "Mesh traffic arrives" field: in the inspector, the generated YAML and the prediction. */
class EgressGatewayTlsFieldTest {
    private static final Executor DIRECT = Runnable::run;

    @Test
    void settingTheGatewaysServerTlsChangesTheGeneratedGatewayAndClearingItRestoresTheYaml(@TempDir Path config)
            throws Exception {
        Scenario builtIn = BuiltInScenarios.get("1b-egress-plain");
        Scenario finished = Steps.after(builtIn, builtIn.steps().size()).withSteps(List.of());
        MainViewModel vm = new MainViewModel(finished, new DesignPipeline(PredictionEngines.standard()), DIRECT,
                DIRECT);
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        String yamlBefore = vm.analysis().yaml();
        assertThat(yamlBefore).doesNotContain("ISTIO_MUTUAL");
        String link = finished.links().get(0).id();
        assertThat(vm.analysis().prediction(link).outcome()).isEqualTo(Outcome.OK);

        vm.selection().select("client-egress");
        InspectorViewModel.Field serverTls = inspector.field("serverTls");
        assertThat(serverTls.spec().label()).isEqualTo("Server TLS");
        assertThat(serverTls.choices()).containsExactly("", "ISTIO_MUTUAL", "NONE");
        assertThat(serverTls.textProperty().get()).isEmpty();

        // the link still says sidecarTls DISABLE: the prediction shows the plaintext meeting an mTLS server
        assertThat(inspector.commit(serverTls, "ISTIO_MUTUAL")).isTrue();
        assertThat(vm.shown().egressGateways().get(0).serverTls()).isEqualTo(EgressServerTls.ISTIO_MUTUAL);
        assertThat(vm.analysis().yaml()).contains("mode: \"ISTIO_MUTUAL\"");
        assertThat(vm.analysis().prediction(link).outcome()).isEqualTo(Outcome.MTLS_FAILURE);
        assertThat(ScenarioFile.toYaml(vm.document().scenario())).contains("serverTls: ISTIO_MUTUAL");

        // with the link's own sidecarTls removed, the gateway's setting is all it takes
        vm.selection().select(link);
        assertThat(inspector.commit(inspector.field("sidecarTls.mode"), "")).isTrue();
        assertThat(vm.shown().links().get(0).sidecarTls()).isNull();
        assertThat(vm.analysis().prediction(link).outcome()).isEqualTo(Outcome.OK);

        vm.undo();
        vm.selection().select("client-egress");
        assertThat(inspector.commit(inspector.field("serverTls"), "")).isTrue();
        assertThat(vm.analysis().yaml()).isEqualTo(yamlBefore);
    }
}
