package io.egressstudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.analyze.Analysis;
import io.egressstudio.analyze.Counts;
import io.egressstudio.analyze.Finding;
import io.egressstudio.analyze.Severity;
import io.egressstudio.io.ManifestException;
import io.egressstudio.io.ManifestReader;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import io.egressstudio.predict.Hop;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.Request;
import io.egressstudio.predict.ScenarioRequests;
import io.egressstudio.generate.ScenarioGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code egress-studio analyze [--format text|json] [--fail-on error|warning] [--request NAMESPACE/WORKLOAD=URL]...
 * PATH...}: predicts requests and runs the analyzers over scenario files and manifests. Exit 0 when the analysis ran,
 * whatever it found, unless {@code --fail-on} is given: then 3 when a finding at that severity or worse exists or a
 * request is predicted to fail (a gate for a pipeline). 2 on input that cannot be read, with a located message.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Predict what requests will do and check the resources, from scenario files or manifests.")
final class AnalyzeCommand implements Callable<Integer> {
    enum Format { text, json }

    /** The severity that fails the command; any failing prediction is an error. */
    enum FailOn {
        error(Severity.ERROR), warning(Severity.WARNING);

        final Severity severity;

        FailOn(Severity severity) {
            this.severity = severity;
        }
    }

    /** Exit code when {@code --fail-on} finds what it gates on. */
    static final int FAILED_CHECK = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|json", description = "output format (default: text)")
    Format format = Format.text;

    @Option(names = "--fail-on", paramLabel = "error|warning",
            description = "exit 3 when a finding of this severity or worse exists, or a request is predicted to fail "
                    + "(default: exit 0 whatever is found)")
    FailOn failOn;

    @Option(names = "--request", paramLabel = "NAMESPACE/WORKLOAD=URL",
            description = "a request to predict; the URL scheme says what the app sends: http, https or tcp")
    List<String> requestTexts = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "scenario files, manifest files or folders")
    List<Path> paths;

    @Option(names = "--step", paramLabel = "N", description = "for scenario files: " + ScenarioInput.STEP_HELP)
    Integer step;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Request> requests = new ArrayList<>();
        for (String text : requestTexts) {
            try {
                requests.add(Request.parse(text));
            } catch (IllegalArgumentException e) {
                err.println("--request " + e.getMessage());
                return EgressStudioCommand.BAD_INPUT;
            }
        }
        ResourceSet.Builder resources = ResourceSet.builder();
        List<Request> scenarioRequests = new ArrayList<>();
        List<Path> manifests = new ArrayList<>();
        try {
            for (Path path : paths) {
                if (isScenario(path)) {
                    Scenario scenario = ScenarioInput.load(path, step);
                    resources.addAll(ScenarioGenerator.generate(scenario));
                    scenarioRequests.addAll(ScenarioRequests.all(scenario));
                } else {
                    manifests.add(path);
                }
            }
            if (!manifests.isEmpty()) {
                resources.addAll(ManifestReader.readEach(manifests));
            }
        } catch (ScenarioFormatException e) {
            err.println(e.getMessage());
            return EgressStudioCommand.BAD_INPUT;
        } catch (ManifestException e) {
            err.println(e.getMessage());
            return EgressStudioCommand.BAD_INPUT;
        }
        MeshView view = MeshView.of(resources.build());
        if (requests.isEmpty()) {
            requests.addAll(scenarioRequests);
            if (!manifests.isEmpty()) {
                requests.addAll(Analysis.visibleHostRequests(view));
            }
        }
        Analysis analysis = Analysis.run(view, requests);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            try {
                out.println(JSON.writeValueAsString(toJson(analysis)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            printText(out, analysis);
        }
        out.flush();
        return failOn != null && analysis.failsAt(failOn.severity) ? FAILED_CHECK : 0;
    }

    /** A regular file whose text says it is a scenario; anything else is read as manifests. */
    static boolean isScenario(Path path) throws ScenarioFormatException {
        return Files.isRegularFile(path) && ScenarioFile.isScenario(path);
    }

    static Map<String, Object> toJson(Analysis analysis) {
        List<Object> requests = new ArrayList<>();
        for (Prediction p : analysis.predictions()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("from", p.request().from());
            r.put("url", p.request().url());
            r.put("outcome", p.outcome().name());
            List<Object> hops = new ArrayList<>();
            for (Hop h : p.hops()) {
                Map<String, Object> hop = new LinkedHashMap<>();
                hop.put("from", h.from());
                hop.put("to", h.to());
                hop.put("encryption", h.encryption().name());
                hops.add(hop);
            }
            r.put("hops", hops);
            r.put("explanation", p.explanation());
            r.put("resources", p.resources());
            requests.add(r);
        }
        List<Object> findings = new ArrayList<>();
        for (Finding f : analysis.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("code", f.code());
            finding.put("severity", f.severity().name());
            finding.put("resource", f.resource());
            finding.put("field", f.field());
            finding.put("message", f.message());
            finding.put("fix", f.fix());
            if (f.request() != null) {
                finding.put("request", f.request());
            }
            findings.add(finding);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("requests", requests);
        root.put("findings", findings);
        return root;
    }

    private static void printText(PrintWriter out, Analysis analysis) {
        for (Prediction p : analysis.predictions()) {
            out.println(p.request().from() + " -> " + p.request().url() + ": " + p.outcome());
            for (Hop h : p.hops()) {
                out.println("  hop " + h.from() + " -> " + h.to() + " [" + h.encryption() + "]");
            }
            for (String line : p.explanation()) {
                out.println("  " + line);
            }
            if (!p.resources().isEmpty()) {
                out.println("  decided by: " + String.join(", ", p.resources()));
            }
            out.println();
        }
        for (Finding f : analysis.findings()) {
            String where = f.request() != null ? f.request() + ", decided at " + f.resource()
                    : f.resource() + (f.field() == null ? "" : " " + f.field());
            out.println(f.severity() + " [" + f.code() + "] (" + where + ") " + f.message());
            out.println("  fix: " + f.fix());
        }
        out.println(Counts.of(analysis.predictions().size(), "request") + ", "
                + Counts.of(analysis.findings().size(), "finding"));
    }
}
