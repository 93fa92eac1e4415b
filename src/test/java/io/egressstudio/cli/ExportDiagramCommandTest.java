package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.DiagramImages;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.DiagramRenderer;
import io.egressstudio.io.ExportOptions;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.Scenario;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --format png|svg|adoc}: images at a chosen size and scale, drawn without a display, never left out silently. */
class ExportDiagramCommandTest {
    private static final String TEMPLATE = "1b-egress-encrypted";

    @TempDir
    Path dir;
    private Path file;
    private Scenario scenario;

    private record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void scenarioFileAndRenderer() throws Exception {
        scenario = BuiltInScenarios.get(TEMPLATE);
        file = dir.resolve("s.yaml");
        ScenarioFile.save(scenario, file);
        DiagramImages.install();
    }

    @AfterEach
    void uninstall() {
        DiagramRenderer.Installed.set(null);
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private BufferedImage png(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("export", file.toString(), "--format", "png", "-o", dir.toString()));
        args.addAll(List.of(extra));
        Result r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return ImageIO.read(dir.resolve(scenario.name() + ".png").toFile());
    }

    /** How many pixels of a band of rows (fractions of the height) differ from the background (the top-left pixel). */
    private static int inkIn(BufferedImage image, double fromRow, double toRow) {
        int background = image.getRGB(0, 0);
        int ink = 0;
        for (int y = (int) (image.getHeight() * fromRow); y < (int) (image.getHeight() * toRow); y++) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                ink += image.getRGB(x, y) != background ? 1 : 0;
            }
        }
        return ink;
    }

    @Test
    void slideSizeAtDoubleScaleIs3840x2160WithTheTitleOnTopAndTheLegendAtTheBottom() throws Exception {
        BufferedImage image = png("--size", "1920x1080", "--scale", "2");

        assertThat(image.getWidth()).isEqualTo(3840);
        assertThat(image.getHeight()).isEqualTo(2160);
        assertThat(inkIn(image, 0, 0.07)).as("title band").isGreaterThan(2000);
        assertThat(inkIn(image, 0.93, 1)).as("legend band").isGreaterThan(1000);
        // the legend shows the outcome drawn (OK: the light theme's green) beside its name
        assertThat(hasColour(image, 0.93, 1, 0x1a7f37)).isTrue();
    }

    @Test
    void withoutTitleAndLegendTheirBandsStayEmpty() throws Exception {
        BufferedImage image = png("--size", "1280x720", "--no-title", "--no-legend");

        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(inkIn(image, 0, 0.03)).isZero();
        assertThat(inkIn(image, 0.97, 1)).isZero();
    }

    @Test
    void withoutSizeOrScaleThePngKeepsItsFormer1200x720() throws Exception {
        BufferedImage image = png();

        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(720);
    }

    @Test
    void theDarkThemeDrawsOnTheDarkCanvasColour() throws Exception {
        BufferedImage image = png("--theme", "dark");

        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0x0d1117);
    }

    @Test
    void aSizeThatIsNotWidthByHeightIsRefusedWithAClearMessage() {
        Result r = run("export", file.toString(), "--format", "png", "--size", "1920", "-o", dir.toString());

        assertThat(r.exit()).isEqualTo(EgressStudioCommand.BAD_INPUT);
        assertThat(r.err()).contains("\"1920\" is not WIDTHxHEIGHT");
        Result scale = run("export", file.toString(), "--format", "png", "--scale", "9", "-o", dir.toString());
        assertThat(scale.exit()).isEqualTo(EgressStudioCommand.BAD_INPUT);
        assertThat(scale.err()).contains("scale 9.0 is out of range");
    }

    @Test
    void aPngThatCannotBeDrawnFailsNamingTheFileAndTheReason() {
        DiagramRenderer.Installed.set(failing());

        Result r = run("export", file.toString(), "--format", "png", "-o", dir.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write " + dir.resolve(scenario.name() + ".png"), "no fonts here");
        assertThat(dir.resolve(scenario.name() + ".png")).doesNotExist();
    }

    @Test
    void aWalkthroughWhoseImagesCannotBeDrawnNamesEveryImageLeftOut() throws Exception {
        DiagramRenderer.Installed.set(failing());

        Result r = run("export", file.toString(), "--format", "adoc", "-o", dir.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err().strip()).startsWith("warning: left out the diagrams step-0.png, step-1.png, step-2.png: ")
                .contains("no fonts here");
        assertThat(r.out()).contains("(no diagrams)");
        assertThat(Files.readString(dir.resolve(scenario.name() + ".adoc"))).doesNotContain("image::");
    }

    @Test
    void aWalkthroughWithoutARendererSaysSo() {
        DiagramRenderer.Installed.set(null);

        Result r = run("export", file.toString(), "--format", "adoc", "-o", dir.toString());

        assertThat(r.err()).contains("warning: left out the diagrams step-0.png, step-1.png, step-2.png: "
                + "this build has no diagram renderer");
    }

    @Test
    void theWalkthroughsDiagramsTakeTheSizeAndScaleAndNameTheirStep() throws Exception {
        Result r = run("export", file.toString(), "--format", "adoc", "--size", "1280x720", "--scale", "2",
                "-o", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        BufferedImage step1 = ImageIO.read(dir.resolve("step-1.png").toFile());
        assertThat(step1.getWidth()).isEqualTo(2560);
        assertThat(step1.getHeight()).isEqualTo(1440);
        assertThat(ExportCommand.caption(scenario, 1)).isEqualTo("After step 1 of 2: " + scenario.steps().get(0).title());
        assertThat(ExportCommand.caption(scenario, 0)).isEqualTo("As drawn, before step 1 of 2");
    }

    /** The real command line in its own JVM with no DISPLAY at all: it draws the walkthrough's images. */
    @Test
    void withoutADisplayTheCommandLineStillDrawsEveryImage() throws Exception {
        Path out = dir.resolve("no-display");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.egressstudio.Launcher",
                "export", file.toString(), "--format", "adoc", "-o", out.toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("warning").contains("and 3 diagrams");
        for (int n = 0; n <= 2; n++) {
            BufferedImage image = ImageIO.read(out.resolve("step-" + n + ".png").toFile());
            assertThat(image.getWidth()).isEqualTo(1200);
        }
    }

    private static boolean hasColour(BufferedImage image, double fromRow, double toRow, int rgb) {
        for (int y = (int) (image.getHeight() * fromRow); y < (int) (image.getHeight() * toRow); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    private static DiagramRenderer failing() {
        return new DiagramRenderer() {
            @Override
            public void png(Scenario s, ExportOptions options, Path target) throws IOException {
                throw new IOException("no fonts here");
            }

            @Override
            public String svg(Scenario s, ExportOptions options) {
                throw new IllegalStateException("no fonts here");
            }
        };
    }
}
