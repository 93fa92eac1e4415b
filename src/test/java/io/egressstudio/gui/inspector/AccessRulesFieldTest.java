package io.egressstudio.gui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.certs.CertificateStore;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.model.AccessAction;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The egress gateway's "Who may leave" field: its text, the access rules it sets, the YAML and the prediction. */
class AccessRulesFieldTest {
    private static final Executor DIRECT = Runnable::run;

    private static MainViewModel finished(String name) throws Exception {
        Scenario builtIn = BuiltInScenarios.get(name);
        Scenario finished = Steps.after(builtIn, builtIn.steps().size()).withSteps(List.of());
        return new MainViewModel(finished, new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
    }

    @Test
    void theGatewaysRulesReadOneALineAndADenyRuleRefusesTheCallerItNames(@TempDir Path config) throws Exception {
        MainViewModel vm = finished("3-egress-authz");
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        vm.selection().select("egress");
        InspectorViewModel.Field rules = inspector.field("accessRules");

        assertThat(rules.spec().label()).isEqualTo("Who may leave");
        assertThat(rules.textProperty().get()).isEqualTo("ALLOW namespaces=greetings-client hosts=greeting.remote.com");
        assertThat(vm.analysis().prediction("greeting-call").outcome()).isEqualTo(Outcome.OK);

        assertThat(inspector.commit(rules, "ALLOW namespaces=greetings-client hosts=greeting.remote.com\n"
                + "DENY namespaces=greetings-client paths=/hello/greeting/Stelios")).isTrue();
        assertThat(vm.shown().egressGateways().get(0).accessRules()).extracting(r -> r.action())
                .containsExactly(AccessAction.ALLOW, AccessAction.DENY);
        assertThat(vm.analysis().prediction("greeting-call").outcome()).isEqualTo(Outcome.DENIED);
        assertThat(vm.analysis().yaml()).contains("name: \"istio-egressgateway-deny\"");
    }

    @Test
    void aLineThatIsNotARuleIsRefusedWithItsLineAndTheDesignStaysAsItWas(@TempDir Path config) throws Exception {
        MainViewModel vm = finished("3-egress-authz");
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        vm.selection().select("egress");
        InspectorViewModel.Field rules = inspector.field("accessRules");
        Scenario before = vm.document().scenario();

        assertThat(inspector.commit(rules, "ALLOW namespaces=greetings-client\nALLOW from=other-client")).isFalse();
        assertThat(rules.errorProperty().get()).contains("line 2").contains("from=other-client");
        assertThat(inspector.commit(rules, "DENY methods=post")).isFalse();
        assertThat(rules.errorProperty().get()).contains("methods");
        assertThat(vm.document().scenario()).isSameAs(before);
    }

    @Test
    void withPlainHttpToTheGatewayItSeesNoIdentityRefusesBothAndSaysWhy(@TempDir Path config) throws Exception {
        MainViewModel vm = finished("3-egress-authz");
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        vm.selection().select("egress");

        assertThat(inspector.commit(inspector.field("serverTls"), "NONE")).isTrue();

        assertThat(vm.analysis().prediction("greeting-call").outcome()).isEqualTo(Outcome.DENIED);
        assertThat(vm.analysis().prediction("other-call").outcome()).isEqualTo(Outcome.DENIED);
        assertThat(vm.analysis().findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("ES0041");
            assertThat(f.message()).contains("Istio mTLS");
        });
    }

    @Test
    void clearingTheRulesRemovesThePolicyAndLetsEveryoneOut(@TempDir Path config) throws Exception {
        MainViewModel vm = finished("3-egress-authz");
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        vm.selection().select("egress");
        assertThat(vm.analysis().prediction("other-call").outcome()).isEqualTo(Outcome.DENIED);

        assertThat(inspector.commit(inspector.field("accessRules"), "")).isTrue();

        assertThat(vm.shown().egressGateways().get(0).accessRules()).isEmpty();
        assertThat(vm.analysis().yaml()).doesNotContain("AuthorizationPolicy");
        assertThat(vm.analysis().prediction("other-call").outcome()).isEqualTo(Outcome.OK);
    }
}
