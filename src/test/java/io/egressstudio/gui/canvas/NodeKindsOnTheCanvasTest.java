package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.DesignerApp;
import io.egressstudio.gui.MainView;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.NodeKindSamples.Sample;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.model.Scenario;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every {@link NodeKind} in the real window (headless Monocle): the palette offers it and a drop adds a box of that
 * kind, a click on such a box shows the inspector's form for the element it selects, and the canvas's stylesheets
 * give its box its own background in the light and in the dark theme. The rest of a kind's checklist is
 * {@link NodeKindsAreCompleteTest}.
 */
@ExtendWith(ApplicationExtension.class)
class NodeKindsOnTheCanvasTest {
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty("egressstudio.home", System.getProperty("java.io.tmpdir") + "/egress-studio-test");
        view = DesignerApp.show(stage, NodeKindSamples.meshWithAWorkload());
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void thePaletteOffersEveryKindAndADropAddsABoxOfThatKind(FxRobot robot) throws Exception {
        String mesh = scenario().meshes().get(0).id();
        for (NodeKind kind : NodeKind.values()) {
            Label item = robot.lookup("#palette-" + kind.slug()).queryAs(Label.class);
            assertThat(item.getText()).as("the palette item for " + kind).isEqualTo(kind.label());
            Scenario before = scenario();
            fit(robot);

            robot.drag("#palette-" + kind.slug(), MouseButton.PRIMARY).moveTo(dropPoint(robot, kind, mesh)).drop();
            try {
                waitUntil(() -> scenario() != before);
            } catch (TimeoutException e) {
                throw new AssertionError("dropping the palette's " + kind + " on the canvas added nothing; the status "
                        + "line says: " + robot.lookup("#status").queryAs(Label.class).getText(), e);
            }

            assertThat(NodeKindSamples.added(DiagramLayout.of(before), DiagramLayout.of(scenario()), kind))
                    .as("boxes of %s a drop of the palette's item adds", kind).isNotEmpty();
        }
    }

    @Test
    void aClickOnEachKindsBoxShowsTheFormOfTheElementItSelects(FxRobot robot) throws Exception {
        for (Sample sample : NodeKindSamples.all()) {
            Box box = show(robot, sample);
            robot.interact(() -> view.viewModel().selection().clear());
            waitUntil(() -> robot.lookup("#field-id").tryQuery().isEmpty());

            robot.clickOn(headerOf(robot, box), Motion.DIRECT);
            waitUntil(() -> robot.lookup("#field-id").tryQuery().isPresent()
                    && box.elementId().equals(robot.lookup("#field-id").queryAs(TextField.class).getText()));
            assertThat(view.viewModel().selection().ids()).as("what a click on a %s selects", sample.kind())
                    .containsExactly(box.elementId());
        }
    }

    @Test
    void theStylesheetsGiveEachKindsBoxItsOwnBackgroundInEitherTheme(FxRobot robot) throws Exception {
        Map<NodeKind, String> light = new EnumMap<>(NodeKind.class);
        Map<NodeKind, String> dark = new EnumMap<>(NodeKind.class);
        String darkCss = NodeKindsOnTheCanvasTest.class.getResource(Styles.DARK_CSS).toExternalForm();
        try {
            for (Sample sample : NodeKindSamples.all()) {
                Box box = show(robot, sample);
                robot.interact(() -> stage.getScene().getRoot().getStylesheets().remove(darkCss));
                light.put(sample.kind(), background(robot, box));
                robot.interact(() -> stage.getScene().getRoot().getStylesheets().add(darkCss));
                dark.put(sample.kind(), background(robot, box));
            }
        } finally {
            robot.interact(() -> stage.getScene().getRoot().getStylesheets().remove(darkCss));
        }

        assertThat(sameColour(light)).as("kinds the light theme draws alike: %s", light).isEmpty();
        assertThat(sameColour(dark)).as("kinds the dark theme draws alike: %s", dark).isEmpty();
        for (NodeKind kind : NodeKind.values()) {
            assertThat(dark.get(kind)).as("%s in the dark theme (designer-dark.css overrides its colour)", kind)
                    .isNotEqualTo(light.get(kind));
        }
    }

    /** Where a drop of the kind goes: on the mesh for what belongs in one, else on empty canvas. */
    private static Point2D dropPoint(FxRobot robot, NodeKind kind, String mesh) throws Exception {
        Bounds canvas = screen(robot, "#canvas");
        return switch (kind) {
            case NAMESPACE, WORKLOAD, EGRESS_GATEWAY -> {
                Bounds box = screen(robot, "#node-" + mesh);
                yield new Point2D(box.getMinX() + box.getWidth() / 2, box.getMinY() + box.getHeight() * 0.8);
            }
            // these are placed wherever they are dropped on the canvas
            case MESH, EXTERNAL_SERVICE, MESH_INGRESS -> new Point2D(canvas.getMaxX() - 100, canvas.getMinY() + 60);
        };
    }

    /** Opens the sample's scenario and waits for the box it adds to be drawn; returns that box. */
    private Box show(FxRobot robot, Sample sample) throws Exception {
        Box box = sample.addedBoxes().get(0);
        robot.interact(() -> view.viewModel().replace(sample.after(), null));
        WaitForAsyncUtils.waitForFxEvents();
        fit(robot);
        waitUntil(() -> robot.lookup(glyphId(box)).tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return box;
    }

    /** The canvas's id of a box's glyph: a namespace's is its box id ({@code ns:MESH:NS} as {@code ns-MESH-NS}). */
    private static String glyphId(Box box) {
        return "#" + (box.kind() == NodeKind.NAMESPACE ? box.id().replace(':', '-') : "node-" + box.id());
    }

    /** A point inside the box's own header, above anything drawn inside it. */
    private static Point2D headerOf(FxRobot robot, Box box) throws Exception {
        Bounds b = screen(robot, glyphId(box));
        return new Point2D(b.getMinX() + Math.min(40, b.getWidth() / 3), b.getMinY() + 6);
    }

    private static String background(FxRobot robot, Box box) throws Exception {
        Region glyph = robot.lookup(glyphId(box)).queryAs(Region.class);
        return WaitForAsyncUtils.asyncFx(() -> {
            glyph.applyCss();
            return glyph.getBackground() == null || glyph.getBackground().getFills().isEmpty() ? "none"
                    : String.valueOf(glyph.getBackground().getFills().get(0).getFill());
        }).get();
    }

    private static Map<String, List<NodeKind>> sameColour(Map<NodeKind, String> fills) {
        Map<String, List<NodeKind>> byColour = fills.entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byColour.values().removeIf(kinds -> kinds.size() < 2);
        return byColour;
    }

    /** View > Fit to window: the canvas makes glyphs only for boxes in view, and a drop may move the mesh away. */
    private static void fit(FxRobot robot) {
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Scenario scenario() {
        return view.viewModel().document().scenario();
    }

    private static Bounds screen(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        return WaitForAsyncUtils.asyncFx(() -> node.localToScreen(node.getBoundsInLocal())).get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
