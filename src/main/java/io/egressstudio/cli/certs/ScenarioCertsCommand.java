package io.egressstudio.cli.certs;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.CertificateFiles;
import io.egressstudio.certs.IssuedCertificate;
import io.egressstudio.certs.ScenarioCertificates;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = {"Issue every certificate a scenario describes, CAs first, into one folder:",
                "ID.crt and ID.key (0600) per certificate spec id. 'generate --certs DIR' fills the Secrets from it."})
final class ScenarioCertsCommand extends CertsSubcommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file")
    Path scenarioFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".", description = "the folder to write (default: the current folder)")
    Path output;

    @Option(names = "--force", description = "overwrite files that exist")
    boolean force;

    @Override
    int execute() throws BadMaterialException {
        Scenario scenario;
        try {
            scenario = ScenarioFile.load(scenarioFile);
        } catch (ScenarioFormatException e) {
            err().println(e.getMessage());
            return BAD_INPUT;
        }
        if (scenario.certificates().isEmpty()) {
            err().println(scenarioFile + ": the scenario describes no certificates");
            return BAD_INPUT;
        }
        List<Path> targets = new ArrayList<>();
        for (CertificateSpec spec : scenario.certificates()) {
            targets.add(output.resolve(spec.id() + ".crt"));
            targets.add(output.resolve(spec.id() + ".key"));
        }
        CertificateFiles.refuseExisting(targets, force);
        Map<String, IssuedCertificate> issued = about(scenarioFile.toString(),
                () -> ScenarioCertificates.issue(scenario.certificates()));
        for (Path written : CertificateFiles.writeIssued(issued, output, null, force)) {
            out().println("wrote " + written);
        }
        return 0;
    }
}
