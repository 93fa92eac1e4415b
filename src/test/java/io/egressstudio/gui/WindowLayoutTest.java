package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window's frame: its panes keep a usable size however small the window gets, dividers are restored as
 * saved, and the toolbar and links list stay readable. (Opening at the right size under a real window manager is
 * proven by the desktop stage, {@code DesktopStageTest}: Monocle has no window manager.)
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {
    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.view = DesignerApp.show(stage, BuiltInScenarios.get("1a-unencrypted-v1"));
    }

    @Test
    void noPaneCollapsesWhenTheWindowIsAtItsSmallestSize(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setMaximized(false);
            stage.setWidth(200);
            stage.setHeight(200);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getWidth()).as("the stage refuses to shrink below its minimum").isGreaterThanOrEqualTo(
                Math.min(StageSizing.MIN_WIDTH, javafx.stage.Screen.getPrimary().getVisualBounds().getWidth()));
        assertThat(size(robot, "#canvas").getWidth()).isGreaterThanOrEqualTo(MainView.MIN_CANVAS_WIDTH - 1);
        assertThat(size(robot, "#canvas").getHeight()).isGreaterThanOrEqualTo(MainView.MIN_CANVAS_HEIGHT - 40);
        assertThat(size(robot, "#bottom-tabs").getHeight()).isGreaterThanOrEqualTo(MainView.MIN_BOTTOM_HEIGHT - 1);
        assertThat(size(robot, "#inspector").getWidth()).isGreaterThanOrEqualTo(MainView.MIN_INSPECTOR_WIDTH - 1);
        assertThat(size(robot, "#links").getWidth()).isGreaterThanOrEqualTo(MainView.MIN_LEFT_WIDTH - 20);
    }

    @Test
    void aDividerDraggedToTheEdgeLeavesTheInspectorItsMinimumWidth(FxRobot robot) throws Exception {
        SplitPane body = view.splitPanes().get("body");
        WaitForAsyncUtils.asyncFx(() -> body.setDividerPositions(0.17, 1.0)).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(size(robot, "#inspector").getWidth()).isGreaterThanOrEqualTo(MainView.MIN_INSPECTOR_WIDTH - 1);
    }

    @Test
    void savedDividersAreRestoredAndReadBack() throws Exception {
        Map<String, List<Double>> saved = Map.of("body", List.of(0.25, 0.7), "centre", List.of(0.5));
        WaitForAsyncUtils.asyncFx(() -> view.applyDividers(saved, stage.getWidth())).get();
        WaitForAsyncUtils.waitForFxEvents();

        Map<String, List<Double>> read = WaitForAsyncUtils.asyncFx(view::dividers).get();
        assertThat(read.get("centre").get(0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(read.get("body").get(0)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(read.get("body").get(1)).isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void defaultDividersGiveThePaletteAndInspectorTheirWidthAndTheCanvasTheRest(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.applyDividers(Map.of(), stage.getWidth())).get();
        WaitForAsyncUtils.waitForFxEvents();

        double window = stage.getScene().getWidth();
        assertThat(size(robot, "#inspector").getWidth()).isBetween(MainView.INSPECTOR_WIDTH - 20,
                MainView.INSPECTOR_WIDTH + 20);
        assertThat(size(robot, "#canvas").getWidth()).isGreaterThan(window - MainView.INSPECTOR_WIDTH
                - MainView.LEFT_WIDTH - 40);
    }

    @Test
    void theStepChooserStillShowsAsDrawnAfterATemplateIsOpenedWhileAStepWasShown(FxRobot robot) throws Exception {
        ComboBox<?> steps = robot.lookup("#steps").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> steps.getSelectionModel().select(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().stepProperty().get()).isEqualTo(2);

        WaitForAsyncUtils.asyncFx(() -> view.viewModel().openTemplate("1b-egress-encrypted")).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.viewModel().stepProperty().get()).isZero();
        assertThat(WaitForAsyncUtils.asyncFx(() -> String.valueOf(steps.getValue())).get()).isEqualTo("As drawn");
        assertThat(WaitForAsyncUtils.asyncFx(() -> steps.getSelectionModel().getSelectedIndex()).get()).isZero();
    }

    @Test
    void theShowLabelKeepsItsWordWhenTheWindowIsNarrow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setMaximized(false);
            stage.setWidth(StageSizing.MIN_WIDTH);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        Label show = robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().equals("Show:"))
                .queryAs(Label.class);
        assertThat(show.getWidth()).isGreaterThanOrEqualTo(show.prefWidth(-1) - 0.5);
    }

    @Test
    void aLinkRowShowsTheCallerAndTheHostItCallsOnTwoLinesAndTheWholeCallAsTooltip(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> linkCell(robot) != null).get());
        ListCell<?> cell = WaitForAsyncUtils.asyncFx(() -> linkCell(robot)).get();
        List<String> lines = WaitForAsyncUtils.asyncFx(() -> cell.lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList()).get();

        String call = "http://rest-greeting-remote.greetings-service.svc.cluster.local:8080/hello/greeting/Stelios";
        assertThat(lines).containsExactly("rest-client-greeting",
                "→ rest-greeting-remote.greetings-service.svc.cluster.local:8080");
        assertThat(cell.getTooltip().getText()).isEqualTo("rest-client-greeting → " + call);
        // the list scrolls vertically only: rows fit its width
        javafx.scene.control.ScrollBar horizontal = robot.lookup("#links .scroll-bar").queryAll().stream()
                .map(n -> (javafx.scene.control.ScrollBar) n)
                .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).findFirst().orElse(null);
        assertThat(horizontal == null || !horizontal.isVisible()).as("no horizontal scroll bar").isTrue();
    }

    private static ListCell<?> linkCell(FxRobot robot) {
        return robot.lookup("#links .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getItem() != null && c.isVisible())
                .map(n -> (ListCell<?>) n).findFirst().orElse(null);
    }

    private static Bounds size(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        return WaitForAsyncUtils.asyncFx(node::getLayoutBounds).get();
    }
}
