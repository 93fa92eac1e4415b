package io.egressstudio.cli;

import io.egressstudio.generate.CertificateFolder;
import io.egressstudio.generate.GeneratorOptions;
import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.io.OutputFolder;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate the Istio, Maistra and OpenShift resources for a scenario.",
                "Without -o, prints one multi-document YAML on stdout."})
final class GenerateCommand implements Callable<Integer> {
    enum LayoutOption { single, folders, script }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file")
    Path scenarioFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "write into this folder, replacing it as a whole (a folder Egress Studio did not write "
                    + "is refused unless --force)")
    Path output;

    @Option(names = "--force", description = "with -o: replace a folder Egress Studio did not write, deleting what is in it")
    boolean force;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "single",
            description = "single (manifests.yaml), folders (a folder per namespace + kustomization.yaml) or script (folders + apply.sh); default: ${DEFAULT-VALUE}")
    LayoutOption layout;

    @Option(names = "--step", paramLabel = "N",
            description = ScenarioInput.STEP_HELP)
    Integer step;

    @Option(names = "--certs", paramLabel = "DIR",
            description = "fill certificate Secrets from DIR (ID.crt, ID.key per certificate, as 'certs scenario' writes them)")
    Path certificates;

    @Override
    public Integer call() {
        Scenario scenario;
        try {
            scenario = ScenarioInput.load(scenarioFile, step);
        } catch (ScenarioFormatException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return EgressStudioCommand.BAD_INPUT;
        }
        if (certificates != null && !java.nio.file.Files.isDirectory(certificates)) {
            spec.commandLine().getErr().println(certificates + ": --certs needs a folder");
            return EgressStudioCommand.BAD_INPUT;
        }
        GeneratorOptions options = certificates == null ? GeneratorOptions.defaults()
                : new GeneratorOptions(new CertificateFolder(certificates));
        ResourceSet resources = ScenarioGenerator.generate(scenario, options);
        if (output == null) {
            spec.commandLine().getOut().print(ManifestWriter.toYaml(resources));
            spec.commandLine().getOut().flush();
            return 0;
        }
        ManifestWriter.Layout written = ManifestWriter.Layout.valueOf(layout.name().toUpperCase(java.util.Locale.ROOT));
        List<Path> files = new ArrayList<>();
        try {
            OutputFolder.replace(output, force, folder -> files.addAll(ManifestWriter.write(resources, folder, written)));
            spec.commandLine().getOut().println("wrote " + files.size() + " files to " + output);
            return 0;
        } catch (OutputFolder.RefusedException e) {
            spec.commandLine().getErr().println(output + ": " + e.getReason());
            return EgressStudioCommand.BAD_INPUT;
        } catch (FileSystemException e) {
            spec.commandLine().getErr().println(output + ": cannot write " + e.getFile()
                    + (e.getReason() != null ? ": " + e.getReason() : "") + "; the folder is as it was");
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println(output + ": cannot write: " + e.getMessage() + "; the folder is as it was");
            return 1;
        }
    }
}
