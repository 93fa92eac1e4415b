package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Saving over a read-only file in the window: a dialog says why, the file and the unsaved document stay. */
@ExtendWith(ApplicationExtension.class)
class SaveErrorTest {
    private MainView view;

    @Start
    void start(Stage stage) {
        System.setProperty("egressstudio.home", System.getProperty("java.io.tmpdir") + "/egress-studio-test");
        view = DesignerApp.show(stage, ScenarioEdits.empty("1a-unencrypted-v1"));
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void savingOverAReadOnlyFileShowsWhyAndKeepsTheFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("locked.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);

        WaitForAsyncUtils.asyncFx(() -> view.saveTo(file)).get();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#save-error").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#save-error").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Cannot save " + file);
        assertThat(dialog.getContentText()).isEqualTo(
                "The file is read-only. Make it writable, or use Save as… to save under another name.");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(view.viewModel().document().file()).as("the document is not now that file").isNotEqualTo(file);
        robot.clickOn(robot.from(dialog).lookup(".button").queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#save-error").tryQuery().isEmpty());
    }
}
