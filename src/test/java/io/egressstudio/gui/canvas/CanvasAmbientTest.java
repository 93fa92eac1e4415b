package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.model.Outcome;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An ambient mesh reads as one on the canvas: its workloads run without a sidecar (captured by the ztunnel of their
 * node), its egress gateway is the waypoint, and a link's hops show the predicted protection of the tunnel to the
 * waypoint and of the waypoint's own connection out.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasAmbientTest {
    private CanvasFixture canvas;

    @Start
    void start(Stage stage) {
        canvas = new CanvasFixture(stage, io.egressstudio.io.BuiltInDesigns.finished("3-egress-authz-ambient"), 1280,
                700);
    }

    @Test
    void workloadsRunAmbientTheGatewayIsTheWaypointHopsShowTheTunnelAndARefusalStopsThere(FxRobot robot) {
        canvas.open(robot, "3-egress-authz-ambient");
        Diagram diagram = canvas.vm.diagram();

        Diagram.Box client = diagram.byId().get("rest-client-greeting");
        assertThat(client.subtitle()).endsWith("· ambient");
        assertThat(client.sidecar()).as("no sidecar bar: ztunnel is not in the pod").isFalse();
        assertThat(diagram.byId().get("egress").subtitle()).endsWith("· waypoint");
        assertThat(diagram.meshes()).singleElement().satisfies(m -> assertThat(m.subtitle()).contains("ambient (ztunnel)"));

        assertThat(canvas.main.analysis().prediction("greeting-call").outcome()).isEqualTo(Outcome.OK);
        Route route = diagram.links().stream().filter(r -> r.id().equals("greeting-call")).findFirst().orElseThrow();
        List<String> labels = LinkGlyph.looks(route, canvas.main.analysis().prediction("greeting-call")).stream()
                .map(LinkGlyph.HopLook::label).toList();
        // drawn along the predicted hops: ztunnel's capture on the pod's own node is inside the workload's box
        assertThat(route.stations()).containsExactly("rest-client-greeting", "egress", "greeting-remote");
        assertThat(labels).as("workload → waypoint over HBONE, waypoint → host in plaintext")
                .containsExactly("ISTIO_MUTUAL", "NONE");
        // refused at the waypoint: drawn up to it, not on to the host
        assertThat(canvas.main.analysis().prediction("other-call").outcome()).isEqualTo(Outcome.DENIED);
        assertThat(diagram.links().stream().filter(r -> r.id().equals("other-call")).findFirst().orElseThrow()
                .stations()).containsExactly("curl", "egress");
        canvas.snapshot(robot, "3-egress-authz-ambient");
    }
}
