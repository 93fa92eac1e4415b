package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ExportOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Export diagram as PNG/SVG writes what the window shows, the step included, and says what it did. */
class DiagramExportTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    private final MainViewModel vm = new MainViewModel(BuiltInScenarios.get("1b-egress-encrypted"),
            new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
    private final List<String> alerts = new ArrayList<>();
    private final DiagramExport export = new DiagramExport(vm, () -> true, DIRECT, DIRECT, alerts::add);

    @Test
    void writesTheShownStepAtTheChosenSizeAndScaleAndSaysSoInTheStatusLine() throws Exception {
        vm.stepProperty().set(1);
        Path file = dir.resolve("step.png");

        export.writePng(ExportOptions.defaults().withSize(1280, 720).withScale(2), file).get();

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(2560);
        assertThat(image.getHeight()).isEqualTo(1440);
        assertThat(vm.statusProperty().get()).isEqualTo("Exported the diagram as 2560×1440 PNG to " + file);
        assertThat(alerts).isEmpty();
    }

    @Test
    void theSvgTakesTheWindowsThemeAndTheStepShown() throws Exception {
        vm.stepProperty().set(1);
        Path file = dir.resolve("step.svg");

        export.writeSvg(export.svgOptions(), file).get();

        String svg = Files.readString(file);
        assertThat(export.svgOptions().caption()).isEqualTo(vm.stepChoices().get(1)).startsWith("After step 1: ");
        assertThat(svg).contains(">" + vm.stepChoices().get(1) + "</text>")
                .contains("id=\"background\" x=\"0\" y=\"0\"").contains("fill=\"#0d1117\"");
    }

    @Test
    void aFileThatCannotBeWrittenIsExplainedNotSilentlyDropped() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "");
        Path file = notAFolder.resolve("x.png");

        assertThatThrownBy(() -> export.writePng(ExportOptions.defaults(), file).get())
                .isInstanceOf(ExecutionException.class);
        assertThat(vm.statusProperty().get()).startsWith("Cannot export the diagram to " + file);
        assertThat(alerts).hasSize(1);
    }
}
