package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.generate.CertificateFolder;
import io.egressstudio.generate.GeneratorOptions;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.Steps;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.ScenarioRequests;
import io.egressstudio.predict.TrafficPredictor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificates a scenario describes, issued for real, placed in its Secrets by the generator, and checked by
 * the predictor: a client certificate from the CA the server's Gateway trusts gets through; one from another CA does
 * not.
 */
class CertifiedScenarioTest {
    @TempDir
    Path folder;

    private int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(err.toString()).doesNotContain("PRIVATE KEY").doesNotContain("Exception");
        return exit;
    }

    private Scenario scenario() throws Exception {
        Path file = folder.resolve("1a-mutual.yaml");
        assertThat(run("new", "--template", "1a-mutual", "-o", file.toString())).isZero();
        // the design its walkthrough builds, as generate (after all steps by default) sees it
        Scenario walkthrough = ScenarioFile.load(file);
        return Steps.after(walkthrough, walkthrough.steps().size());
    }

    private Prediction predict(Scenario scenario, Path certificates) {
        var set = ScenarioGenerator.generate(scenario, new GeneratorOptions(new CertificateFolder(certificates)));
        return new TrafficPredictor(MeshView.of(set)).predict(ScenarioRequests.forLink(scenario, "greeting-call"));
    }

    @Test
    void issuedCertificatesFillTheSecretsAndTheChainIsVerified() throws Exception {
        Scenario scenario = scenario();
        Path certificates = folder.resolve("certs");
        assertThat(run("certs", "scenario", folder.resolve("1a-mutual.yaml").toString(), "-o", certificates.toString())).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certificates.resolve("greeting-client.key"))))
                .isEqualTo("rw-------");

        Path out = folder.resolve("out");
        assertThat(run("generate", folder.resolve("1a-mutual.yaml").toString(), "--certs", certificates.toString(),
                "-o", out.toString())).isZero();
        String yaml = Files.readString(out.resolve("manifests.yaml"));
        assertThat(yaml).doesNotContain("Not included, data needed first");
        Matcher key = Pattern.compile("greeting-client\\.key: \"([^\"]+)\"").matcher(yaml);
        assertThat(key.find()).as("the client key is in its Secret, under its file name").isTrue();
        assertThat(new String(Base64.getDecoder().decode(key.group(1)), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(certificates.resolve("greeting-client.key")));

        Prediction prediction = predict(scenario, certificates);
        assertThat(prediction.outcome()).isEqualTo(Outcome.OK);
        assertThat(String.join("\n", prediction.explanation())).contains("chains to the server's");
    }

    @Test
    void aClientCertificateFromAnotherCaIsRejectedByTheMutualGateway() throws Exception {
        Scenario scenario = scenario();
        Path certificates = folder.resolve("certs");
        Path stranger = folder.resolve("stranger");
        assertThat(run("certs", "scenario", folder.resolve("1a-mutual.yaml").toString(), "-o", certificates.toString())).isZero();
        assertThat(run("certs", "scenario", folder.resolve("1a-mutual.yaml").toString(), "-o", stranger.toString())).isZero();
        Files.copy(stranger.resolve("greeting-client.crt"), certificates.resolve("greeting-client.crt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(stranger.resolve("greeting-client.key"), certificates.resolve("greeting-client.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Prediction prediction = predict(scenario, certificates);
        assertThat(prediction.outcome()).isEqualTo(Outcome.TLS_FAILURE);
        assertThat(String.join("\n", prediction.explanation())).contains("client certificate");
    }
}
