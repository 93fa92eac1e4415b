package io.egressstudio.gui.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioDocumentTest {
    private final Scenario start = BuiltInScenarios.get("1a-unencrypted-v1");

    private static Edit registryOnly() {
        return Edit.of("Set client-mesh outbound policy", s -> ScenarioEdits.replace(s, "client-mesh",
                s.mesh("client-mesh").orElseThrow().withOutboundPolicy(OutboundPolicy.REGISTRY_ONLY)));
    }

    @Test
    void undoRestoresTheScenarioBeforeAndRedoTheOneAfter() {
        ScenarioDocument doc = new ScenarioDocument(start);
        assertThat(doc.execute(registryOnly())).isTrue();
        Scenario after = doc.scenario();
        assertThat(after.mesh("client-mesh").map(Mesh::outboundPolicy)).contains(OutboundPolicy.REGISTRY_ONLY);
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Set client-mesh outbound policy");

        assertThat(doc.undo()).isTrue();
        assertThat(doc.scenario()).isSameAs(start);
        assertThat(doc.canRedoProperty().get()).isTrue();
        assertThat(doc.redo()).isTrue();
        assertThat(doc.scenario()).isSameAs(after);
        assertThat(doc.redo()).isFalse();
    }

    @Test
    void anEditThatChangesNothingIsNotRecorded() {
        ScenarioDocument doc = new ScenarioDocument(start);
        assertThat(doc.execute(Edit.of("nothing", s -> s))).isFalse();
        assertThat(doc.canUndoProperty().get()).isFalse();
        assertThat(doc.revisionProperty().get()).isZero();
    }

    @Test
    void aNewEditClearsRedo() {
        ScenarioDocument doc = new ScenarioDocument(start);
        doc.execute(registryOnly());
        doc.undo();
        doc.execute(Edit.of("move", s -> ScenarioEdits.move(s, java.util.Map.of("client-mesh",
                new io.egressstudio.model.Position(0, 0)))));
        assertThat(doc.canRedoProperty().get()).isFalse();
    }

    @Test
    void isDirtyUntilSavedAndCleanAgainWhenUndoneToTheSavedScenario() {
        ScenarioDocument doc = new ScenarioDocument(start);
        assertThat(doc.isDirty()).isFalse();
        doc.execute(registryOnly());
        assertThat(doc.isDirty()).isTrue();
        doc.undo();
        assertThat(doc.isDirty()).isFalse();
        doc.redo();
        doc.markSaved(Path.of("s.yaml"));
        assertThat(doc.isDirty()).isFalse();
        assertThat(doc.file()).isEqualTo(Path.of("s.yaml"));
        doc.undo();
        assertThat(doc.isDirty()).isTrue();
    }

    @Test
    void resetReplacesTheDocumentAndForgetsHistory() {
        ScenarioDocument doc = new ScenarioDocument(start);
        doc.execute(registryOnly());
        Scenario other = BuiltInScenarios.get("1a-simple");
        doc.reset(other, Path.of("x.yaml"));
        assertThat(doc.scenario()).isSameAs(other);
        assertThat(doc.canUndoProperty().get()).isFalse();
        assertThat(doc.isDirty()).isFalse();
    }
}
