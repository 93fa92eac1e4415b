package io.egressstudio.cli;

import io.egressstudio.io.AtomicFile;
import io.egressstudio.io.DiagramRenderer;
import io.egressstudio.io.ExportOptions;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a scenario's walkthrough as AsciiDoc, or its diagram as PNG or SVG.",
                "adoc: DIR/NAME.adoc with a section per step, and beside it step-N.yaml (the manifests after step N) "
                        + "and step-N.png (the diagram after step N).",
                "png, svg: DIR/NAME.png or DIR/NAME.svg, the diagram after --step N (default: after all steps).",
                "Diagrams carry the scenario's title (and the step) on top and a legend below; a PNG fits the whole "
                        + "diagram into --size at --scale (2: twice the pixels, for slides). No display is needed."})
final class ExportCommand implements Callable<Integer> {
    enum Format { adoc, png, svg }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file")
    Path scenarioFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "adoc",
            description = "adoc, png or svg; default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "write into this folder")
    Path output;

    @Option(names = "--step", paramLabel = "N", description = ScenarioInput.STEP_HELP + " (png, svg)")
    Integer step;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1200x720",
            description = "png, adoc: the images' size in layout pixels; default: ${DEFAULT-VALUE}")
    String size;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
            description = "png, adoc: pixels per layout pixel (2 for slides: 1920x1080 at 2 is 3840x2160); default: ${DEFAULT-VALUE}")
    double scale;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light",
            description = "light or dark; default: ${DEFAULT-VALUE}")
    Theme theme;

    @Option(names = "--no-title", description = "draw no title above the diagram")
    boolean noTitle;

    @Option(names = "--no-legend", description = "draw no legend below the diagram")
    boolean noLegend;

    enum Theme { light, dark }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportOptions options;
        try {
            int[] wh = ExportOptions.parseSize(size);
            options = new ExportOptions(wh[0], wh[1], scale, !noTitle, !noLegend, theme == Theme.dark, null);
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage());
            return EgressStudioCommand.BAD_INPUT;
        }
        try {
            Files.createDirectories(output);
            return switch (format) {
                case adoc -> adoc(out, err, options);
                case png, svg -> diagram(out, err, options);
            };
        } catch (ScenarioFormatException e) {
            err.println(e.getMessage());
            return EgressStudioCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            return 1;
        }
    }

    private int adoc(PrintWriter out, PrintWriter err, ExportOptions options) throws ScenarioFormatException, IOException {
        Scenario scenario = ScenarioFile.load(scenarioFile);
        List<Walkthrough.StepState> states;
        try {
            states = Walkthrough.states(scenario);
        } catch (Steps.StepException e) {
            throw new ScenarioFormatException(scenarioFile.toString(), 0, 0, e.path(), e.getMessage());
        }
        for (Walkthrough.StepState state : states) {
            write(output.resolve(state.yamlFile()), state.yaml());
        }
        boolean images = images(scenario, states, options, err);
        Path adoc = output.resolve(scenario.name() + ".adoc");
        write(adoc, Walkthrough.adoc(scenario, states, images));
        out.println("wrote " + adoc + " with " + scenario.steps().size() + " steps, " + states.size() + " manifests"
                + (images ? " and " + states.size() + " diagrams" : " (no diagrams)"));
        return 0;
    }

    /**
     * Draws every step's diagram, or none: a walkthrough refers to all or to no images. When they cannot be drawn
     * here, a warning names the images left out (the walkthrough is still written, without them).
     */
    private boolean images(Scenario scenario, List<Walkthrough.StepState> states, ExportOptions options, PrintWriter err) {
        DiagramRenderer renderer = DiagramRenderer.Installed.get();
        String files = String.join(", ", states.stream().map(Walkthrough.StepState::pngFile).toList());
        if (renderer == null) {
            err.println("warning: left out the diagrams " + files + ": this build has no diagram renderer");
            return false;
        }
        try {
            for (Walkthrough.StepState state : states) {
                renderer.png(state.scenario(), options.withCaption(caption(scenario, state.number())),
                        output.resolve(state.pngFile()));
            }
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            err.println("warning: left out the diagrams " + files + ": cannot draw them here: " + e.getMessage());
            return false;
        }
    }

    /** The line under a diagram's title: which step it shows (none for a scenario without steps). */
    static String caption(Scenario scenario, int step) {
        int count = scenario.steps().size();
        if (count == 0) {
            return null;
        }
        if (step == 0) {
            return "As drawn, before step 1 of " + count;
        }
        return "After step " + step + " of " + count + ": " + scenario.steps().get(step - 1).title();
    }

    private int diagram(PrintWriter out, PrintWriter err, ExportOptions options) throws ScenarioFormatException, IOException {
        Scenario scenario = ScenarioInput.load(scenarioFile, step);
        DiagramRenderer renderer = DiagramRenderer.Installed.get();
        Path file = output.resolve(scenario.name() + "." + format.name());
        if (renderer == null) {
            err.println("cannot write " + file + ": this build has no diagram renderer");
            return 1;
        }
        ExportOptions captioned = options.withCaption(caption(scenario, step == null ? scenario.steps().size() : step));
        try {
            if (format == Format.png) {
                renderer.png(scenario, captioned, file);
            } else {
                write(file, renderer.svg(scenario, captioned));
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            err.println("cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + file + (format == Format.png
                ? " (" + options.pixelWidth() + "x" + options.pixelHeight() + " pixels)" : ""));
        return 0;
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFile.write(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
