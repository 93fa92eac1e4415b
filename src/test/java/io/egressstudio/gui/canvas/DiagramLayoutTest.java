package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Position;
import io.egressstudio.model.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diagram as pure data (no JavaFX): paths from predictions, boxes apart, labels and bounds. */
class DiagramLayoutTest {
    private final DesignPipeline analysis = new DesignPipeline(PredictionEngines.standard());

    @Test
    void aBlackholedRequestIsDrawnToItsDestinationAndColouredByItsOutcome() {
        Scenario s = BuiltInScenarios.get("1a-unencrypted-v1");
        Mesh m = s.meshes().get(0);
        Scenario registryOnly = ScenarioEdits.replace(s, m.id(), m.withOutboundPolicy(OutboundPolicy.REGISTRY_ONLY));
        DesignAnalysis a = analysis.analyze(registryOnly);
        String link = registryOnly.links().get(0).id();
        assertThat(a.prediction(link).outcome()).isEqualTo(Outcome.BLACKHOLE);
        Route route = DiagramLayout.of(registryOnly, a::prediction).links().get(0);
        assertThat(route.predicted()).isTrue();
        assertThat(route.stations()).containsExactly(registryOnly.links().get(0).from(), registryOnly.links().get(0).to());
    }

    @Test
    void theRouterHopContinuesFromTheHostItServesIntoTheOtherMeshsIngressGateway() {
        Scenario s = io.egressstudio.io.BuiltInDesigns.finished("1a-simple");
        DesignAnalysis a = analysis.analyze(s);
        Diagram d = DiagramLayout.of(s, a::prediction);
        Route route = d.links().get(0);
        String service = s.links().get(0).to();
        assertThat(route.stations()).containsSubsequence(service, "gw:service-mesh:istio-ingressgateway");
        Box ingress = d.box("gw:service-mesh:istio-ingressgateway");
        assertThat(ingress.derived()).isTrue();
        assertThat(ingress.elementId()).as("selecting it selects its mesh").isEqualTo("service-mesh");
        assertThat(route.stations().get(route.stations().size() - 1)).isEqualTo("rest-greeting-remote-app");
    }

    @Test
    void overlappingBoxesAreMovedApartAndAServiceDroppedInAMeshLandsOutsideIt() {
        Scenario s = io.egressstudio.io.BuiltInDesigns.finished("1b-egress-encrypted");
        Box workload = DiagramLayout.of(s).box("rest-client-greeting");
        Scenario crowded = ScenarioEdits.move(s, Map.of("client-egress", new Position(workload.rect().x() + 20,
                workload.rect().y()), "greeting-remote", new Position(workload.rect().x() + 40, workload.rect().y() + 10)));
        Diagram d = DiagramLayout.of(crowded);
        for (Box a : d.nodes()) {
            for (Box b : d.nodes()) {
                if (a != b) {
                    assertThat(a.rect().intersects(b.rect())).as(a.id() + " over " + b.id()).isFalse();
                }
            }
            if (a.kind() == NodeKind.EXTERNAL_SERVICE || a.kind() == NodeKind.MESH_INGRESS && !a.derived()) {
                for (Box mesh : d.meshes()) {
                    assertThat(mesh.rect().intersects(a.rect())).as(mesh.id() + " over " + a.id()).isFalse();
                }
            }
        }
    }

    @Test
    void boxesAreAsWideAsTheirTextsAndTheBoundsHoldEveryLabel() {
        Scenario s = io.egressstudio.io.BuiltInDesigns.finished("2-federation");
        DesignAnalysis a = analysis.analyze(s);
        Diagram d = DiagramLayout.of(s, a::prediction);
        Box imported = d.box("imported-discounts");
        assertThat(imported.rect().w()).isGreaterThanOrEqualTo(
                TextMetrics.width(imported.title(), d.fonts().title(), true) + 36);
        for (Box mesh : d.meshes()) {
            assertThat(mesh.rect().w()).isGreaterThanOrEqualTo(TextMetrics.width(mesh.title(), d.fonts().title(), true));
        }
        for (Route r : d.links()) {
            for (Hop h : r.hops()) {
                if (h.labelBox() != null) {
                    Rect l = h.labelBox();
                    assertThat(d.bounds().contains(l.x(), l.y()) && d.bounds().contains(l.maxX(), l.maxY()))
                            .as("label " + h.label() + " inside the bounds").isTrue();
                    for (Box b : d.nodes()) {
                        assertThat(l.intersects(b.rect())).as(h.label() + " over " + b.id()).isFalse();
                    }
                }
            }
        }
    }
}
