package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.canvas.Diagram;
import io.egressstudio.gui.canvas.DiagramLayout;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Position;
import io.egressstudio.model.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An edit re-analyses and re-lays out the scenario; what did not change comes back as the very objects shown, so the
 * FX thread tells changes apart by identity. The results must still equal a fresh analysis and a fresh layout.
 */
class EditReuseTest {
    private final DesignPipeline service = new DesignPipeline(PredictionEngines.standard());

    private static Scenario flipFirstMesh(Scenario s) {
        Mesh m = s.meshes().get(0);
        return ScenarioEdits.replace(s, m.id(), m.withOutboundPolicy(
                m.outboundPolicy() == OutboundPolicy.ALLOW_ANY ? OutboundPolicy.REGISTRY_ONLY : OutboundPolicy.ALLOW_ANY));
    }

    @Test
    void anUnchangedPredictionIsTheSameObjectAndAChangedOneIsNew() {
        Scenario before = BuiltInScenarios.get("1a-unencrypted-v1");
        DesignAnalysis first = service.analyze(before);
        String link = before.links().get(0).id();
        assertThat(first.prediction(link).outcome()).isEqualTo(Outcome.PASSTHROUGH);

        DesignAnalysis same = service.analyze(ScenarioEdits.move(before, Map.of(link, new Position(5, 5))), first);
        assertThat(same.prediction(link)).isSameAs(first.prediction(link));
        assertThat(same.findings()).isSameAs(first.findings());

        Scenario flipped = flipFirstMesh(before);
        DesignAnalysis next = service.analyze(flipped, same);
        assertThat(next.prediction(link).outcome()).isEqualTo(Outcome.BLACKHOLE);
        assertThat(next.prediction(link)).isNotSameAs(first.prediction(link));
        DesignAnalysis fresh = service.analyze(flipped);
        assertThat(next.predictions()).isEqualTo(fresh.predictions());
        assertThat(next.findings()).isEqualTo(fresh.findings());
    }

    @Test
    void relayingOutAnEditKeepsTheBoxesAndRoutesItDidNotTouch() {
        DiagramLayout.Reuse reuse = new DiagramLayout.Reuse();
        Scenario before = BuiltInDesigns.finished("1b-egress-encrypted");
        Diagram first = DiagramLayout.of(before, Map.of(), reuse);

        Scenario flipped = flipFirstMesh(before);
        Diagram next = DiagramLayout.of(flipped, Map.of(), reuse);
        assertThat(next).isEqualTo(DiagramLayout.of(flipped));
        String meshId = flipped.meshes().get(0).id();
        assertThat(next.box(meshId)).as("its subtitle shows the policy").isNotSameAs(first.box(meshId));
        for (Diagram.Box node : first.nodes()) {
            assertThat(next.box(node.id())).as(node.id()).isSameAs(node);
        }
        for (int i = 0; i < first.links().size(); i++) {
            assertThat(next.links().get(i)).isSameAs(first.links().get(i));
        }

        String service = flipped.externalServices().get(0).id();
        Diagram.Box was = next.box(service);
        Map<String, Position> dragged = Map.of(service, new Position(was.rect().x() + 40, was.rect().y()));
        Diagram moved = DiagramLayout.of(flipped, dragged, reuse);
        assertThat(moved).isEqualTo(DiagramLayout.of(flipped, dragged));
        assertThat(moved.box(service).rect().x()).isEqualTo(was.rect().x() + 40);
        assertThat(moved.links()).allMatch(r -> !r.to().equals(service) || !next.links().contains(r),
                "a route to the moved service is new");
    }
}
