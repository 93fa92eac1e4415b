package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.bench.DesignerBenchmark;
import io.egressstudio.design.DesignFinding;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.theme.Styles;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A large scenario on the canvas: only what is in view is drawn as nodes (the rest would cost tens of MB of scene
 * graph), and what comes into view is drawn as it should be — its predicted colour, its selection, "new in this step"
 * and its findings' badge.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasLargeScenarioTest {
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 700;
    /** Up close: texts, link shapes and badges are drawn. */
    private static final double CLOSE = 1.5;
    private CanvasFixture canvas;

    @Start
    void start(Stage stage) {
        // the shared primary stage may come maximised or full-screen from an earlier test: this one needs its size
        stage.setFullScreen(false);
        stage.setMaximized(false);
        canvas = new CanvasFixture(stage, DesignerBenchmark.largeScenario(4, 30, 120, 400), WIDTH, HEIGHT);
    }

    @Test
    void upCloseOnlyTheLinksInViewAreDrawnAsShapesInTheirPredictedColours(FxRobot robot) {
        analysed();
        showAt(robot, CLOSE, canvas.vm.diagram().bounds().x(), canvas.vm.diagram().bounds().y());
        Rect view = view();
        Route near = canvas.vm.diagram().links().stream().filter(r -> inside(r, view)).findFirst().orElseThrow();
        Route far = farthestFrom(view);

        Node drawn = canvas.view.linkNode(near.id());
        assertThat(drawn).as("a link in view is drawn").isNotNull();
        assertThat(drawn.getScene()).isNotNull();
        LinkPrediction p = canvas.main.analysis().prediction(near.id());
        assertThat(drawn.getPseudoClassStates()).contains(LinkGlyph.outcomeClass(p.outcome()));
        assertThat(canvas.view.linkNode(far.id())).as("a link far out of view has no shapes").isNull();
        Rect around = view.grow(view.w(), view.h(), view.w(), view.h());
        assertThat(canvas.vm.diagram().links()).as("only links passing near the view have shapes")
                .filteredOn(r -> canvas.view.linkNode(r.id()) != null)
                .allSatisfy(r -> assertThat(LinkGlyph.boundsOf(r, Diagram.Fonts.NORMAL).intersects(around)).isTrue());

        showAt(robot, 0.15, canvas.vm.diagram().bounds().x(), canvas.vm.diagram().bounds().y());
        assertThat(canvas.vm.diagram().links()).as("the overview draws the links as one image, no shapes")
                .allSatisfy(r -> assertThat(canvas.view.linkNode(r.id())).isNull());
        assertThat(nodes(canvas.view.root())).as("nodes on the canvas in the overview")
                .isLessThan(canvas.vm.diagram().nodes().size() * 4);
    }

    @Test
    void whatComesIntoViewIsDrawnSelectedNewAndWithItsFindingsBadge(FxRobot robot) {
        analysed();
        Rect origin = canvas.vm.diagram().bounds();
        showAt(robot, CLOSE, origin.x(), origin.y());
        Route far = farthestFrom(view());
        Box farBox = canvas.vm.diagram().box(far.to());
        String flagged = flaggedNear(farBox.rect());
        assertThat(canvas.view.boxNode(farBox.id())).as("out of view").isNull();
        robot.interact(() -> {
            canvas.main.selection().select(far.id());
            canvas.vm.highlighted().add(farBox.id());
        });

        Rect at = farBox.rect();
        showAt(robot, CLOSE, at.x() - 100, at.y() - 100);
        assertThat(canvas.view.linkNode(far.id()).getStyleClass()).as("selected while out of view")
                .contains(Styles.SELECTED);
        assertThat(canvas.view.boxNode(farBox.id()).getStyleClass()).contains(Styles.NEW_IN_STEP);
        assertThat(robot.lookup("#new-badge-" + farBox.id()).tryQuery()).isPresent();
        assertThat(robot.lookup("#finding-badge-" + flagged).tryQuery()).as("the badge of " + flagged).isPresent();

        showAt(robot, CLOSE, origin.x(), origin.y());
        assertThat(canvas.view.boxNode(farBox.id())).as("left the view").isNull();
        assertThat(robot.lookup("#new-badge-" + farBox.id()).tryQuery()).isEmpty();
    }

    private void analysed() {
        CanvasFixture.waitUntil(() -> canvas.main.analysis() != null
                && canvas.main.analysis().scenario() == canvas.main.shown());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Zooms and pans so that the world point is at the canvas's top-left corner. */
    private void showAt(FxRobot robot, double zoom, double worldX, double worldY) {
        robot.interact(() -> {
            canvas.vm.zoomProperty().set(zoom);
            canvas.vm.panXProperty().set(-worldX * zoom);
            canvas.vm.panYProperty().set(-worldY * zoom);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Rect view() {
        double z = canvas.vm.zoomProperty().get();
        return new Rect(-canvas.vm.panXProperty().get() / z, -canvas.vm.panYProperty().get() / z,
                canvas.view.root().getWidth() / z, canvas.view.root().getHeight() / z);
    }

    /** Whether the link starts in view. */
    private static boolean inside(Route r, Rect view) {
        return !r.hops().isEmpty() && view.contains(r.hops().get(0).from().x(), r.hops().get(0).from().y());
    }

    /** A link all of whose drawing is more than a viewport away from the view. */
    private Route farthestFrom(Rect view) {
        Rect around = view.grow(view.w(), view.h(), view.w(), view.h());
        return canvas.vm.diagram().links().stream()
                .filter(r -> !r.hops().isEmpty() && !LinkGlyph.boundsOf(r, Diagram.Fonts.NORMAL).intersects(around))
                .findFirst().orElseThrow(() -> new AssertionError("no link far from the view " + view + " (canvas "
                        + canvas.view.root().getWidth() + "×" + canvas.view.root().getHeight() + ", diagram "
                        + canvas.vm.diagram().bounds() + ")"));
    }

    /** A box near the given one (within a viewport) with an ERROR or WARNING finding. */
    private String flaggedNear(Rect near) {
        Rect around = new Rect(near.x() - 100, near.y() - 100, WIDTH * 0.8, HEIGHT * 0.8);
        List<String> flagged = canvas.main.analysis().findings().stream()
                .filter(f -> "ERROR".equals(f.severity()) || "WARNING".equals(f.severity()))
                .map(DesignFinding::elementId)
                .filter(id -> id != null && canvas.vm.diagram().box(id) != null
                        && inside(canvas.vm.diagram().box(id).rect(), around))
                .toList();
        assertThat(flagged).as("a box with findings near " + near).isNotEmpty();
        return flagged.get(0);
    }

    private static boolean inside(Rect box, Rect around) {
        return box.x() >= around.x() && box.y() >= around.y() && box.maxX() <= around.maxX()
                && box.maxY() <= around.maxY();
    }

    private static int nodes(Node n) {
        int count = 1;
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                count += nodes(child);
            }
        }
        return count;
    }
}
