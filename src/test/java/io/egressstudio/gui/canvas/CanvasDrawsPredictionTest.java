package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.document.Edit;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Link;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The canvas draws each link along its predicted hops, through the proxies the prediction names. */
@ExtendWith(ApplicationExtension.class)
class CanvasDrawsPredictionTest {
    private CanvasFixture canvas;

    @Start
    void start(Stage stage) {
        canvas = new CanvasFixture(stage, io.egressstudio.io.BuiltInDesigns.finished("2-federation"), 1280, 700);
    }

    @Test
    void federationLinkGoesThroughBothFederationGatewaysOverIstioMutualAndTheMeshesArePeered(FxRobot robot) {
        canvas.open(robot, "2-federation");
        Diagram d = canvas.vm.diagram();
        Route route = d.links().get(0);
        assertThat(route.predicted()).isTrue();
        assertThat(route.stations()).containsExactly("travels", "gw:east-mesh:egress-west-mesh",
                "gw:west-mesh:ingress-east-mesh", "discounts");
        List<Hop> proxyHops = route.hops().subList(1, route.hops().size());
        assertThat(proxyHops).extracting(Hop::label).containsOnly("ISTIO_MUTUAL").hasSize(3);
        assertThat(proxyHops).allMatch(Hop::encrypted);
        Box egress = d.box("gw:east-mesh:egress-west-mesh");
        Box ingress = d.box("gw:west-mesh:ingress-east-mesh");
        assertThat(egress.owner()).isEqualTo("east-mesh");
        assertThat(ingress.owner()).isEqualTo("west-mesh");
        assertThat(inside(egress, d.box("east-mesh"))).as("the federation egress is drawn inside its mesh").isTrue();
        assertThat(inside(ingress, d.box("west-mesh"))).as("the federation ingress is drawn inside its mesh").isTrue();
        assertThat(canvas.view.boxNode(egress.id())).isNotNull();
        Node peering = canvas.view.peeringNode("east-west");
        assertThat(peering).as("the peering is drawn").isNotNull();
        assertThat(d.peerings()).singleElement().satisfies(p -> {
            assertThat(List.of(p.meshA(), p.meshB())).containsExactlyInAnyOrder("east-mesh", "west-mesh");
            assertThat(p.from().x()).isCloseTo(d.box("east-mesh").rect().maxX(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(p.to().x()).isCloseTo(d.box("west-mesh").rect().x(), org.assertj.core.data.Offset.offset(1.0));
        });
        List<String> labels = robot.lookup("#link-discounts-call .hop-label").queryAllAs(Text.class).stream()
                .filter(Node::isVisible).map(Text::getText).toList();
        assertThat(labels).containsOnly("ISTIO_MUTUAL").hasSize(3);
        assertThat(robot.lookup("#link-discounts-call .hop-lock").queryAll()).hasSize(3);
        canvas.snapshot(robot, "2-federation");
    }

    @Test
    void egressEncryptedLinkPassesThroughTheEgressGatewayBox(FxRobot robot) {
        canvas.open(robot, "1b-egress-encrypted");
        Route route = canvas.vm.diagram().links().get(0);
        assertThat(route.predicted()).isTrue();
        assertThat(route.stations()).startsWith("rest-client-greeting", "client-egress", "greeting-remote");
        Hop toGateway = route.hops().get(1);
        Hop fromGateway = route.hops().get(2);
        Box gateway = canvas.vm.diagram().box("client-egress");
        assertThat(toGateway.to().x()).isEqualTo(gateway.rect().x());
        assertThat(fromGateway.from().x()).isEqualTo(gateway.rect().maxX());
        assertThat(toGateway.label()).isEqualTo("ISTIO_MUTUAL");
        assertThat(fromGateway.label()).isEqualTo("MUTUAL");
        canvas.snapshot(robot, "1b-egress-encrypted");
    }

    @Test
    void withoutAPredictionTheLinkIsDrawnAsDesigned(FxRobot robot) {
        Diagram designed = DiagramLayout.of(io.egressstudio.io.BuiltInDesigns.finished("2-federation"));
        Route route = designed.links().get(0);
        assertThat(route.predicted()).isFalse();
        assertThat(route.stations()).containsExactly("travels", "imported-discounts");
        assertThat(designed.nodes()).noneMatch(Box::derived);
    }

    @Test
    void addingTheRouteThroughTheGatewayAddsTheHopThroughItAndOriginationAddsTheLock(FxRobot robot) {
        canvas.open(robot, "1b-egress-encrypted");
        Link designed = canvas.main.shown().links().get(0);
        Link direct = new Link(designed.id(), designed.from(), designed.to(), designed.app(), designed.port(),
                designed.path(), null, null, null, designed.rewrite(), designed.targetPort());
        robot.interact(() -> canvas.main.edit(Edit.of("direct", s -> ScenarioEdits.replace(s, designed.id(), direct))));
        CanvasFixture.waitUntil(() -> canvas.main.analysis().scenario() == canvas.main.shown());
        Route before = canvas.vm.diagram().links().get(0);
        assertThat(before.stations()).doesNotContain("client-egress");

        robot.interact(() -> canvas.main.edit(Edit.of("via", s -> ScenarioEdits.replace(s, designed.id(), designed))));
        CanvasFixture.waitUntil(() -> canvas.main.analysis().scenario() == canvas.main.shown());
        Route after = canvas.vm.diagram().links().get(0);
        assertThat(after.stations()).as("the hop through the gateway appears").contains("client-egress");
        assertThat(after.hops().get(1).encrypted()).as("a lock: the sidecar originates ISTIO_MUTUAL").isTrue();
    }

    private static boolean inside(Box inner, Box outer) {
        return inner.rect().x() >= outer.rect().x() && inner.rect().maxX() <= outer.rect().maxX()
                && inner.rect().y() >= outer.rect().y() && inner.rect().maxY() <= outer.rect().maxY();
    }

    static Bounds bounds(Node n, CanvasView view) {
        return CanvasFixture.world(n, view);
    }
}
