package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.model.Outcome;
import javafx.scene.Node;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A link an AuthorizationPolicy refuses is drawn as far as the proxy that refuses it, in the DENIED colour, and ends
 * in a bar across the line instead of an arrow: the request stops there.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasDeniedLinkTest {
    private CanvasFixture canvas;

    @Start
    void start(Stage stage) {
        canvas = new CanvasFixture(stage, io.egressstudio.io.BuiltInDesigns.finished("3-egress-authz"), 1280, 700);
    }

    @Test
    void aLinkRefusedAtTheEgressGatewayStopsThereInItsOwnColourWithABarAcrossItsEnd(FxRobot robot) {
        canvas.open(robot, "3-egress-authz");
        assertThat(canvas.main.analysis().prediction("other-call").outcome()).isEqualTo(Outcome.DENIED);
        assertThat(canvas.main.analysis().prediction("greeting-call").outcome()).isEqualTo(Outcome.OK);

        Route denied = canvas.vm.diagram().links().stream().filter(r -> r.id().equals("other-call")).findFirst()
                .orElseThrow();
        assertThat(denied.stations()).as("drawn up to the gateway that refuses it").endsWith("egress");

        LinkGlyph deniedGlyph = (LinkGlyph) canvas.view.linkNode("other-call");
        LinkGlyph allowedGlyph = (LinkGlyph) canvas.view.linkNode("greeting-call");
        assertThat(deniedGlyph.outcomeName()).isEqualTo("outcome-denied");
        Paint deniedColour = ((Line) robot.from(deniedGlyph).lookup(".hop").query()).getStroke();
        Paint allowedColour = ((Line) robot.from(allowedGlyph).lookup(".hop").query()).getStroke();
        assertThat(deniedColour).isNotEqualTo(allowedColour);

        Polygon bar = robot.from(deniedGlyph).lookup(".arrow").queryAs(Polygon.class);
        Polygon arrow = robot.from(allowedGlyph).lookup(".arrow").queryAs(Polygon.class);
        assertThat(bar.getStyleClass()).contains("refused");
        assertThat(bar.getPoints()).as("a bar: four corners").hasSize(8);
        assertThat(arrow.getStyleClass()).doesNotContain("refused");
        assertThat(arrow.getPoints()).as("an arrow head: three corners").hasSize(6);
        assertThat(((Node) deniedGlyph).isVisible()).isTrue();
        canvas.snapshot(robot, "3-egress-authz-denied");
    }
}
