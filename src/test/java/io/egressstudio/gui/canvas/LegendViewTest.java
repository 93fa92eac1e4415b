package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.theme.Styles;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.AnchorPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The legend explains every colour and line style, and fits the canvas area it sits in (it was cut off at 1280 px). */
@ExtendWith(ApplicationExtension.class)
class LegendViewTest {
    /** The canvas area's width in a 1280 px window, between the palette and the inspector. */
    private static final double CANVAS_AREA = 640;

    private Region legend;
    private AnchorPane layer;

    @Start
    void start(Stage stage) {
        legend = (Region) new LegendView().root();
        layer = new AnchorPane(legend);
        // the area's own width, whatever size an earlier test left the shared stage at
        layer.setMaxWidth(CANVAS_AREA);
        AnchorPane.setLeftAnchor(legend, 6.0);
        AnchorPane.setBottomAnchor(legend, 6.0);
        Scene scene = new Scene(new StackPane(layer), CANVAS_AREA, 300);
        scene.getStylesheets().add(LegendViewTest.class.getResource(Styles.DESIGNER_CSS).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void explainsDashedLinesAndTheLockBesideTheOutcomeColours(FxRobot robot) {
        Label plain = robot.lookup("#legend-plaintext-hop").queryAs(Label.class);
        Label encrypted = robot.lookup("#legend-encrypted-hop").queryAs(Label.class);

        assertThat(plain.getText()).isEqualTo("plaintext hop");
        assertThat(((Line) plain.getGraphic()).getStrokeDashArray()).as("drawn dashed, as a plaintext hop").isNotEmpty();
        assertThat(encrypted.getText()).isEqualTo("encrypted hop");
        assertThat(encrypted.getGraphic().getStyleClass()).contains("legend-lock");
        assertThat(robot.lookup("#legend-outcome-no-route").tryQuery()).isPresent();
    }

    @Test
    void explainsALinkRefusedByAnAuthorizationPolicyInItsOwnColour(FxRobot robot) {
        Label denied = robot.lookup("#legend-outcome-denied").queryAs(Label.class);
        Label noRoute = robot.lookup("#legend-outcome-no-route").queryAs(Label.class);

        assertThat(denied.getText()).isEqualTo("DENIED");
        assertThat(denied.getTooltip().getText()).contains("AuthorizationPolicy").contains("403");
        assertThat(((Line) denied.getGraphic()).getStroke()).as("a colour of its own")
                .isNotEqualTo(((Line) noRoute.getGraphic()).getStroke());
    }

    @Test
    void wrapsWithinTheCanvasAreaSoNoEntryIsCutOff(FxRobot robot) throws Exception {
        List<Node> entries = WaitForAsyncUtils.asyncFx(() -> List.copyOf(((Pane) legend).getChildren())).get();
        assertThat(entries).hasSize(12);

        // the wrap length follows the area's width from the next layout pass on: wait for it, fail if it never fits
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> legend.getWidth() > 0
                && entries.stream().allMatch(e -> layer.sceneToLocal(e.localToScene(e.getBoundsInLocal())).getMaxX()
                <= layer.getWidth())).get());
        assertThat(WaitForAsyncUtils.asyncFx(() -> layer.getWidth()).get()).isEqualTo(CANVAS_AREA);

        assertThat(WaitForAsyncUtils.asyncFx(() -> legend.getHeight()).get()).as("it wraps to more rows")
                .isGreaterThan(2 * ((Label) entries.get(0)).getHeight());
    }
}
