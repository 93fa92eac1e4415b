package io.egressstudio.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Link;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.Position;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import io.egressstudio.model.TlsMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioEditsTest {
    private final Scenario v1 = BuiltInScenarios.get("1a-unencrypted-v1");
    private final Scenario egress = BuiltInDesigns.finished("1b-egress-encrypted");

    @Test
    void choosingAnotherFlavourInTheInspectorStartsFromItsDefaultVersionAndStaysValid() {
        io.egressstudio.model.Mesh maistra = v1.meshes().get(0);

        io.egressstudio.model.Mesh ossm = (io.egressstudio.model.Mesh) ElementPatch.setField(maistra, "flavour", "OSSM_3");

        assertThat(ossm.flavour()).isEqualTo(io.egressstudio.model.MeshFlavour.OSSM_3);
        assertThat(ossm.version()).as("v2.1 is not an OSSM 3 version").isEqualTo("v1.28-latest");
        assertThat(ossm.members()).isEqualTo(maistra.members());
        assertThat(ScenarioValidator.validate(ScenarioEdits.replace(v1, maistra.id(), ossm))).isEmpty();
        assertThat(((io.egressstudio.model.Mesh) ElementPatch.setField(maistra, "version", "v2.6")).version())
                .as("a version change keeps the flavour's rules to the validator").isEqualTo("v2.6");
    }

    @Test
    void removingAServiceRemovesItsLinksAndPosition() {
        Scenario s = ScenarioEdits.remove(v1, List.of("rest-greeting-remote"));
        assertThat(s.externalServices()).isEmpty();
        assertThat(s.links()).isEmpty();
        assertThat(s.layout()).doesNotContainKey("rest-greeting-remote");
        assertThat(ScenarioValidator.validate(s)).isEmpty();
    }

    @Test
    void removingAGatewayMakesItsLinksDirect() {
        String gateway = egress.egressGateways().get(0).id();
        Scenario s = ScenarioEdits.remove(egress, List.of(gateway));
        assertThat(s.links()).hasSize(egress.links().size()).allSatisfy(l -> {
            assertThat(l.via()).isNull();
            assertThat(l.egressTls()).isNull();
        });
        assertThat(ScenarioValidator.validate(s)).isEmpty();
    }

    @Test
    void removingAWorkloadThatIsAServerClearsTheReference() {
        Scenario s = ScenarioEdits.remove(v1, List.of("rest-greeting-remote-app"));
        assertThat(s.externalService("rest-greeting-remote").orElseThrow().server().workload()).isNull();
        assertThat(ScenarioValidator.validate(s)).isEmpty();
    }

    @Test
    void renamingAnIdUpdatesEveryReference() {
        Scenario s = ScenarioEdits.renameId(v1, "rest-client-greeting", "client");
        assertThat(s.workload("client")).isPresent();
        assertThat(s.links().get(0).from()).isEqualTo("client");
        assertThat(s.layout()).containsKey("client").doesNotContainKey("rest-client-greeting");
        assertThat(ScenarioValidator.validate(s)).isEmpty();
        Scenario e = ScenarioEdits.renameId(egress, egress.egressGateways().get(0).id(), "gw");
        assertThat(e.links()).allSatisfy(l -> assertThat(l.via()).isEqualTo("gw"));
        assertThat(ScenarioValidator.validate(e)).isEmpty();
    }

    @Test
    void pasteGivesFreshIdsAndKeepsReferencesInsideTheCopy() {
        var fragment = ScenarioEdits.copy(v1, List.of("rest-client-greeting", "rest-greeting-remote"), v1.layout());
        assertThat(fragment.elements()).extracting(e -> e.id())
                .containsExactly("rest-client-greeting", "rest-greeting-remote", "greeting-call");
        var pasted = ScenarioEdits.paste(v1, fragment, 30, 30);
        Scenario s = pasted.scenario();
        assertThat(pasted.ids()).containsExactly("rest-client-greeting-copy", "rest-greeting-remote-copy", "greeting-call-copy");
        Link copy = s.element("greeting-call-copy", Link.class).orElseThrow();
        assertThat(copy.from()).isEqualTo("rest-client-greeting-copy");
        assertThat(copy.to()).isEqualTo("rest-greeting-remote-copy");
        assertThat(s.externalService("rest-greeting-remote-copy").orElseThrow().server().workload())
                .as("a reference to an element outside the copy stays").isEqualTo("rest-greeting-remote-app");
        assertThat(s.layout().get("rest-client-greeting-copy")).isEqualTo(new Position(110, 150));
        assertThat(ScenarioValidator.validate(s)).isEmpty();
        assertThat(ScenarioEdits.paste(s, fragment, 60, 60).ids()).contains("rest-client-greeting-copy-2");
    }

    @Test
    void patchesAFieldByPathAndRejectsValuesTheFileWouldReject() {
        var mesh = v1.mesh("client-mesh").orElseThrow();
        assertThat(ElementPatch.set(mesh, "outboundPolicy", "REGISTRY_ONLY").outboundPolicy())
                .isEqualTo(OutboundPolicy.REGISTRY_ONLY);
        Link link = v1.links().get(0);
        Link tls = ElementPatch.set(link, "sidecarTls.mode", "SIMPLE");
        assertThat(tls.sidecarTls().mode()).isEqualTo(TlsMode.SIMPLE);
        assertThat(ElementPatch.get(tls, "sidecarTls.mode").asText()).isEqualTo("SIMPLE");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ElementPatch.set(mesh, "outboundPolicy", "SOMETIMES"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOMETIMES").hasMessageContaining("REGISTRY_ONLY");
    }

    @Test
    void movesWriteLayoutPositions() {
        Scenario s = ScenarioEdits.move(v1, Map.of("client-mesh", new Position(5, 6)));
        assertThat(s.layout().get("client-mesh")).isEqualTo(new Position(5, 6));
    }
}
