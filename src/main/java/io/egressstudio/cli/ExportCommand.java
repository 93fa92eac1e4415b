package io.egressstudio.cli;

import io.egressstudio.io.AtomicFile;
import io.egressstudio.io.DiagramRenderer;
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
                "png, svg: DIR/NAME.png or DIR/NAME.svg, the diagram after --step N (default: after all steps)."})
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Files.createDirectories(output);
            return switch (format) {
                case adoc -> adoc(out, err);
                case png, svg -> diagram(out, err);
            };
        } catch (ScenarioFormatException e) {
            err.println(e.getMessage());
            return EgressStudioCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            return 1;
        }
    }

    private int adoc(PrintWriter out, PrintWriter err) throws ScenarioFormatException, IOException {
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
        boolean images = images(states, err);
        Path adoc = output.resolve(scenario.name() + ".adoc");
        write(adoc, Walkthrough.adoc(scenario, states, images));
        out.println("wrote " + adoc + " with " + scenario.steps().size() + " steps, " + states.size() + " manifests"
                + (images ? " and " + states.size() + " diagrams" : " (no diagrams)"));
        return 0;
    }

    private boolean images(List<Walkthrough.StepState> states, PrintWriter err) {
        DiagramRenderer renderer = DiagramRenderer.Installed.get();
        if (renderer == null) {
            err.println("warning: no diagram renderer here; the walkthrough has no images");
            return false;
        }
        try {
            for (Walkthrough.StepState state : states) {
                renderer.png(state.scenario(), output.resolve(state.pngFile()));
            }
            return true;
        } catch (IOException | RuntimeException | Error e) {
            err.println("warning: cannot draw the diagrams here (" + e.getMessage() + "); the walkthrough has no images");
            return false;
        }
    }

    private int diagram(PrintWriter out, PrintWriter err) throws ScenarioFormatException, IOException {
        Scenario scenario = ScenarioInput.load(scenarioFile, step);
        DiagramRenderer renderer = DiagramRenderer.Installed.get();
        if (renderer == null) {
            err.println("cannot draw diagrams: no diagram renderer in this build");
            return 1;
        }
        Path file = output.resolve(scenario.name() + "." + format.name());
        try {
            if (format == Format.png) {
                renderer.png(scenario, file);
            } else {
                write(file, renderer.svg(scenario));
            }
        } catch (RuntimeException | Error e) {
            err.println("cannot draw the diagram here: " + e.getMessage());
            return 1;
        }
        out.println("wrote " + file);
        return 0;
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFile.write(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
