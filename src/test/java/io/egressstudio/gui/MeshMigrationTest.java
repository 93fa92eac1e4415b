package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshFlavour;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Mesh ▸ Migrate in the window: the report of what changes, then one undoable edit. */
@ExtendWith(ApplicationExtension.class)
class MeshMigrationTest {
    private MainView view;

    @Start
    void start(Stage stage) {
        System.setProperty("egressstudio.home", System.getProperty("java.io.tmpdir") + "/egress-studio-test");
        view = DesignerApp.show(stage, BuiltInScenarios.get("1a-mutual"));
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void migratingShowsTheChangedLinkAndAppliesAsOneUndoableEdit(FxRobot robot) throws Exception {
        robot.clickOn("Mesh");
        robot.clickOn("#menu-migrate-ossm3");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#migrate-dialog").tryQuery().isPresent());
        String report = robot.lookup("#migrate-report").queryAs(TextArea.class).getText();
        assertThat(report).contains("Migrating 1a-mutual to OpenShift Service Mesh 3")
                .contains("greeting-call (Step 2: the client side originates mutual TLS from its sidecar)")
                .contains("because Maistra's control plane created DestinationRule/istio-system-service/default");

        // the dialog may be there before its button is laid out and shown: clicking earlier misses it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#migrate-apply").tryQuery()
                .filter(b -> b.isVisible() && !b.isDisabled() && b.getScene() != null
                        && b.getScene().getWindow().isShowing() && b.getLayoutBounds().getWidth() > 0).isPresent());
        robot.clickOn("#migrate-apply");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                view.viewModel().document().scenario().meshes().stream()
                        .allMatch(m -> m.flavour() == MeshFlavour.OSSM_3)).get());
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().undo()).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.viewModel().document().scenario().meshes()).get())
                .extracting(Mesh::flavour).containsOnly(MeshFlavour.MAISTRA_2);
    }
}
