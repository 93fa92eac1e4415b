package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ExportOptions;
import io.egressstudio.model.Scenario;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Export PNG…'s dialog: what a user picks is the image they get. */
@ExtendWith(ApplicationExtension.class)
class ExportPngDialogTest {
    @TempDir
    Path dir;
    private Stage stage;
    private ExportPngDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private void open(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            dialog = new ExportPngDialog(stage, false, "After step 2: route through the egress gateway");
            dialog.show();
        }).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-size").tryQuery().isPresent());
    }

    @Test
    void hdAtDoubleScaleWithoutLegendGivesA2560x1440PngWithoutLegend(FxRobot robot) throws Exception {
        open(robot);
        ComboBox<ExportPngDialog.Preset> size = robot.lookup("#export-size").queryComboBox();
        robot.interact(() -> size.setValue(ExportPngDialog.Preset.HD));
        robot.clickOn("#export-scale-2");
        robot.clickOn("#export-legend");
        robot.clickOn("Export…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog.getResult() != null);

        ExportOptions options = dialog.getResult();
        assertThat(options).isEqualTo(new ExportOptions(1280, 720, 2, true, false, false,
                "After step 2: route through the egress gateway"));
        Scenario scenario = BuiltInScenarios.get("1b-egress-encrypted");
        Path file = dir.resolve("x.png");
        DiagramImages.png(scenario, new DesignPipeline(PredictionEngines.standard()).analyze(scenario), options, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(2560);
        assertThat(image.getHeight()).isEqualTo(1440);
        int background = image.getRGB(0, 0);
        for (int x = 0; x < image.getWidth(); x++) {
            assertThat(image.getRGB(x, image.getHeight() - 20)).as("no legend at the bottom").isEqualTo(background);
        }
    }

    @Test
    void aCustomSizeTakesTheWidthAndHeightFieldsWhichAreOtherwiseDisabled(FxRobot robot) throws Exception {
        open(robot);
        Spinner<Integer> width = robot.lookup("#export-width").query();
        Spinner<Integer> height = robot.lookup("#export-height").query();
        assertThat(width.isDisabled()).isTrue();
        assertThat(dialog.options().width()).isEqualTo(1920);
        assertThat(width.getValue()).as("the preset's width, greyed").isEqualTo(1920);
        ComboBox<ExportPngDialog.Preset> size = robot.lookup("#export-size").queryComboBox();

        robot.interact(() -> {
            size.setValue(ExportPngDialog.Preset.CUSTOM);
            width.getValueFactory().setValue(1000);
            height.getValueFactory().setValue(600);
        });
        robot.clickOn("#export-scale-1");

        assertThat(width.isDisabled()).isFalse();
        ExportOptions options = WaitForAsyncUtils.asyncFx(dialog::options).get();
        assertThat(options.pixelWidth()).isEqualTo(1000);
        assertThat(options.pixelHeight()).isEqualTo(600);
        robot.interact(dialog::close);
    }
}
