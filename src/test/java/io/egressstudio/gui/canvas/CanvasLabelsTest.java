package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.io.BuiltInScenarios;
import java.util.ArrayList;
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

/**
 * On every built-in, in the designer and when presenting at a 1280×720 presenter window's canvas (about 1280×560):
 * hop labels cover no box, no title is clipped or shortened, no mesh covers an external service, and when presenting
 * no canvas text is under 18 px on screen.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasLabelsTest {
    private CanvasFixture canvas;

    @Start
    void start(Stage stage) {
        canvas = new CanvasFixture(stage, io.egressstudio.io.BuiltInDesigns.finished(BuiltInScenarios.DEFAULT), 1280, 560);
    }

    @Test
    void hopLabelsCoverNoBoxAndNoTitleIsShortenedOnAnyBuiltIn(FxRobot robot) {
        for (String template : BuiltInScenarios.names()) {
            canvas.open(robot, template);
            assertLabelsClearAndTitlesWhole(robot, template);
            canvas.snapshot(robot, template + "-designer");
        }
    }

    @Test
    void presentingKeepsEveryCanvasTextAtLeast18PxOnScreenAtThePresenterCanvasSize(FxRobot robot) {
        robot.interact(() -> canvas.vm.presentingProperty().set(true));
        for (String template : BuiltInScenarios.names()) {
            canvas.open(robot, template);
            double zoom = canvas.vm.zoomProperty().get();
            List<String> small = new ArrayList<>();
            for (Text t : canvas.texts()) {
                double px = t.getFont().getSize() * zoom;
                if (px < 18) {
                    small.add("'" + t.getText() + "' " + Math.round(px * 10) / 10.0 + " px");
                }
            }
            assertThat(small).as(template + ": canvas texts under 18 px on screen").isEmpty();
            assertThat(canvas.vm.diagram().fonts().presenting()).isTrue();
            assertFitsTheCanvas(template);
            assertLabelsClearAndTitlesWhole(robot, template);
            canvas.snapshot(robot, template + "-presenting");
        }
    }

    @Test
    void noMeshCoversAnExternalServiceOnAnyBuiltIn(FxRobot robot) {
        for (String template : BuiltInScenarios.names()) {
            canvas.open(robot, template);
            Diagram d = canvas.vm.diagram();
            for (Box mesh : d.meshes()) {
                for (Box node : d.nodes()) {
                    if (node.kind() == NodeKind.EXTERNAL_SERVICE || node.kind() == NodeKind.MESH_INGRESS && !node.derived()) {
                        assertThat(mesh.rect().intersects(node.rect()))
                                .as(template + ": mesh " + mesh.id() + " covers " + node.id()).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void fitShowsEverythingDrawnTitlesAndLabelsIncluded(FxRobot robot) {
        for (String template : BuiltInScenarios.names()) {
            canvas.open(robot, template);
            assertFitsTheCanvas(template);
        }
    }

    private void assertFitsTheCanvas(String template) {
        Bounds view = canvas.view.root().getLayoutBounds();
        for (Text t : canvas.texts()) {
            Bounds b = canvas.view.root().sceneToLocal(t.localToScene(t.getBoundsInLocal()));
            assertThat(b.getMinX() >= -1 && b.getMinY() >= -1 && b.getMaxX() <= view.getWidth() + 1
                    && b.getMaxY() <= view.getHeight() + 1).as(template + ": '" + t.getText() + "' inside the fitted canvas "
                    + b).isTrue();
        }
    }

    private void assertLabelsClearAndTitlesWhole(FxRobot robot, String template) {
        Diagram d = canvas.vm.diagram();
        List<Rect> nodeBoxes = d.nodes().stream().map(Box::rect).toList();
        for (Node label : robot.lookup(".hop-label").queryAll()) {
            if (!label.isVisible() || label.getParent() == null || !label.getParent().getChildrenUnmodifiable().contains(label)) {
                continue;
            }
            Bounds b = CanvasFixture.world(label, canvas.view);
            Rect r = new Rect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            for (Rect box : nodeBoxes) {
                assertThat(r.intersects(box)).as(template + ": label '" + ((Text) label).getText() + "' " + r
                        + " covers a box " + box).isFalse();
            }
        }
        for (Text t : canvas.texts()) {
            assertThat(t.getText()).as(template + ": shortened text").doesNotEndWith("\u2026");
        }
        for (Box b : d.meshes()) {
            Node glyph = canvas.view.boxNode(b.id());
            Text title = (Text) glyph.lookup(".glyph-title");
            Bounds tb = CanvasFixture.world(title, canvas.view);
            assertThat(tb.getMaxX()).as(template + ": title of mesh " + b.id() + " inside its box")
                    .isLessThanOrEqualTo(b.rect().maxX());
        }
        for (Box b : d.namespaces()) {
            Node glyph = canvas.view.boxNode(b.id());
            for (Node t : glyph.lookupAll(".glyph-subtitle")) {
                Bounds tb = CanvasFixture.world(t, canvas.view);
                assertThat(tb.getMaxX()).as(template + ": namespace " + b.id() + " texts inside its box")
                        .isLessThanOrEqualTo(b.rect().maxX());
            }
        }
    }
}
