package io.egressstudio.cli;

import io.egressstudio.cluster.ApplyListener;
import io.egressstudio.cluster.ApplyReport;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.Connector;
import io.egressstudio.cluster.Kubeconfig;
import io.egressstudio.cluster.ResourceResult;
import io.egressstudio.cluster.SnapshotStore;
import io.egressstudio.io.Redaction;
import io.egressstudio.io.ScenarioFormatException;
import io.egressstudio.generate.CertificateFolder;
import io.egressstudio.generate.GeneratorOptions;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Names;
import io.egressstudio.model.Scenario;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What the cluster commands share: how they connect (the kubeconfig, as kubectl reads it), where snapshots live,
 * how a scenario argument is read, and how failures become messages and exit codes. The two suppliers are the seam
 * the tests use to point the commands at fabric8's mock server and a temporary folder.
 */
final class ClusterAccess {
    /** Exit code when the cluster could not do what was asked (unreachable, refused, failed part-way). */
    static final int CLUSTER_FAILURE = 1;

    static volatile Supplier<Kubeconfig> kubeconfig = Kubeconfig::fromEnvironment;
    static volatile Supplier<Connector> connector = () -> kubeconfig.get()::connect;
    static volatile Supplier<SnapshotStore> snapshots = SnapshotStore::defaultStore;
    /** How observe --context port-forwards (fabric8's mock server cannot carry a forward's traffic). */
    static volatile Supplier<io.egressstudio.cluster.PortForwarder> portForwarder =
            io.egressstudio.cluster.PortForwarder::fabric8;

    private ClusterAccess() {
    }

    /** Thrown for input the user must fix; the message says what. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    /** The scenario in a file, as it is after {@code step} of its steps (null: all). */
    static Scenario scenario(Path file, Integer step) throws BadInput {
        try {
            return ScenarioInput.load(file, step);
        } catch (ScenarioFormatException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** The resources to apply: generated, with certificate Secrets filled from {@code certs} when given. */
    static ResourceSet resources(Scenario scenario, Path certs) throws BadInput {
        if (certs == null) {
            return ScenarioGenerator.generate(scenario);
        }
        if (!Files.isDirectory(certs)) {
            throw new BadInput(certs + ": --certs needs a folder");
        }
        return ScenarioGenerator.generate(scenario, new GeneratorOptions(new CertificateFolder(certs)));
    }

    static final String CERTS_HELP = "fill certificate Secrets from DIR (ID.crt, ID.key per certificate, as "
            + "'certs scenario' writes them); without it they are reported as pending and not applied";

    /** A scenario file's name, or the argument itself when it is no file but a scenario name. */
    static String scenarioName(String argument) throws BadInput {
        Path file = Path.of(argument);
        if (Files.isRegularFile(file)) {
            return scenario(file, 0).name();
        }
        if (Names.isDns1123Subdomain(argument)) {
            return argument;
        }
        throw new BadInput(argument + ": no such scenario file, and not a scenario name");
    }

    static int fail(PrintWriter err, ClusterException e) {
        err.println(Redaction.clean(e.getMessage()));
        err.flush();
        return e.reason() == ClusterException.Reason.KUBECONFIG ? EgressStudioCommand.BAD_INPUT : CLUSTER_FAILURE;
    }

    static int fail(PrintWriter err, BadInput e) {
        err.println(e.getMessage());
        err.flush();
        return EgressStudioCommand.BAD_INPUT;
    }

    /** Progress on the terminal: one line per object, as it is done. */
    static ApplyListener progress(PrintWriter out, boolean rollback) {
        return new ApplyListener() {
            @Override
            public void finished(ResourceResult result, int index, int total) {
                out.println("[" + (index + 1) + "/" + total + "] " + describe(result, rollback));
                out.flush();
            }
        };
    }

    static String describe(ResourceResult result, boolean rollback) {
        String done = switch (result.action()) {
            case CREATE -> rollback ? "recreated" : "created";
            case UPDATE -> rollback ? "restored" : "updated";
            case DELETE -> "deleted";
            case UNCHANGED -> "unchanged";
        };
        return switch (result.outcome()) {
            case DONE -> done + " " + result.key() + (result.message() == null || result.message().equals("recreated")
                    || result.message().equals("restored") ? "" : " (" + result.message() + ")");
            case ALREADY -> "unchanged " + result.key() + " (" + result.message() + ")";
            case FAILED -> "FAILED " + result.action().word() + " " + result.key() + ": " + result.message();
            case NOT_ATTEMPTED -> "not attempted " + result.action().word() + " " + result.key()
                    + (result.message() == null ? "" : " (" + result.message() + ")");
        };
    }

    /** The report's last lines: what was done, and for a failure exactly what was applied and how to undo it. */
    static void summary(PrintWriter out, ApplyReport report, String what, String rollbackCommand) {
        report.notes().forEach(note -> out.println("note: " + note));
        switch (report.status()) {
            case COMPLETE -> out.println(what + " complete: " + report.done().size() + " change(s)"
                    + (report.snapshot() != null ? "; snapshot " + report.snapshot() : "") + ".");
            case FAILED, CANCELLED, IN_PROGRESS -> {
                out.println(what + (report.status() == io.egressstudio.cluster.Snapshot.Status.CANCELLED
                        ? " cancelled" : " failed") + " part-way. Exactly these were changed:");
                if (report.done().isEmpty()) {
                    out.println("  (nothing)");
                }
                report.done().forEach(r -> out.println("  " + r.action().word() + " " + r.key()));
                report.failed().forEach(r -> out.println("Failed: " + r.action().word() + " " + r.key() + ": "
                        + r.message()));
                if (!report.notAttempted().isEmpty()) {
                    out.println("Not attempted: " + report.notAttempted().size() + " change(s).");
                }
                if (rollbackCommand != null) {
                    out.println("To restore what was there before: " + rollbackCommand);
                }
            }
        }
        out.flush();
    }
}
