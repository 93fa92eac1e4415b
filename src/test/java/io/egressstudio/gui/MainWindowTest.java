package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInDesigns;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as a user first sees it, on the built-in Option 1a scenario (headless Monocle, see STACK.md). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final String LINK = "rest-client-greeting → http://greeting.remote.com:80/hello/greeting/Stelios";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DesignerApp.show(stage, BuiltInDesigns.finished("1a-simple"));
    }

    @Test
    void showsTheScenarioTitle(FxRobot robot) throws Exception {
        Label title = robot.lookup("#scenario-title").queryAs(Label.class);

        assertThat(title.isVisible()).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(title::getText).get())
                .isEqualTo("Option 1a, encrypted: the sidecar originates simple TLS to another mesh's ingress");
        assertThat(stage.getTitle()).isEqualTo("Egress Studio — 1a-simple");
        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void listsTheLinkFromTheClientToTheRemoteService(FxRobot robot) throws Exception {
        ListView<String> links = robot.lookup("#links").queryListView();

        assertThat(links.getItems()).containsExactly(LINK);
        // the row is really drawn, not only held in the list's model: wait for the cell (no sleeping)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> showsRow(robot, LINK)).get());
    }

    @Test
    void theYamlPaneShowsTheManifestsLineByLineAndCopiesTheSelectedLines(FxRobot robot) throws Exception {
        robot.clickOn("YAML");
        ListView<String> yaml = robot.lookup("#yaml-text").queryListView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> yaml.getItems().size() > 40).get());
        String whole = WaitForAsyncUtils.asyncFx(() -> String.join("\n", yaml.getItems())).get();
        assertThat(whole).contains("kind: \"ServiceMeshControlPlane\"").contains("kind: \"ServiceEntry\"")
                .contains("  - \"greeting.remote.com\"");

        String line = WaitForAsyncUtils.asyncFx(() -> yaml.getItems().get(1)).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> yamlRow(robot, line) != null).get());
        robot.clickOn(WaitForAsyncUtils.asyncFx(() -> yamlRow(robot, line)).get());
        robot.press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> (line + "\n").equals(Clipboard.getSystemClipboard().getString())).get());
    }

    private static ListCell<?> yamlRow(FxRobot robot, String text) {
        return robot.lookup("#yaml-text .list-cell").queryAll().stream()
                .filter(node -> node instanceof ListCell<?> cell && text.equals(cell.getText()) && cell.isVisible())
                .map(node -> (ListCell<?>) node).findFirst().orElse(null);
    }

    private static boolean showsRow(FxRobot robot, String text) {
        return robot.lookup("#links .list-cell").queryAll().stream()
                .anyMatch(node -> node instanceof ListCell<?> cell && text.equals(cell.getItem()) && cell.isVisible());
    }
}
