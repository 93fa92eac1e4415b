package io.egressstudio.cli;

import io.egressstudio.cluster.ApplyReport;
import io.egressstudio.cluster.Applier;
import io.egressstudio.cluster.Cancellation;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.Plan;
import io.egressstudio.cluster.Planner;
import io.egressstudio.cluster.Rollback;
import io.egressstudio.model.Scenario;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code egress-studio apply --context CTX [--step N] [--certs DIR] [--rollback-on-failure] SCENARIO}: plans, snapshots what is
 * there, applies in dependency order with a line per object, and on a failure says exactly what was applied. Ctrl-C
 * stops after the object being written and prints the same report.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply a scenario to a cluster (server-side apply, field manager egress-studio). "
                + "What was there before is kept in a snapshot, for rollback.")
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterScenarioInput input;

    @Option(names = "--rollback-on-failure", description = "if apply fails part-way, roll back at once")
    boolean rollbackOnFailure;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClusterScenarioInput.Loaded loaded;
        try {
            loaded = input.load();
        } catch (ClusterAccess.BadInput e) {
            return ClusterAccess.fail(err, e);
        }
        Scenario scenario = loaded.scenario();
        String context = input.context;
        Cancellation cancellation = new Cancellation();
        CountDownLatch finished = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            cancellation.cancel();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "egress-studio-apply-cancel");
        Runtime.getRuntime().addShutdownHook(stop);
        try (ClusterConnection connection = ClusterAccess.connector.get().connect(context)) {
            Plan plan = Planner.plan(connection, scenario.name(), loaded.resources());
            plan.pending().forEach(p -> out.println("not applied, data needed first: " + p));
            if (!plan.hasChanges()) {
                out.println("Nothing to change: the cluster already has scenario " + scenario.name() + ".");
                return 0;
            }
            out.println("Applying " + plan.toApply().size() + " change(s) of scenario " + scenario.name()
                    + " to context " + context + " (" + plan.strategy().description() + "):");
            ApplyReport report = Applier.apply(connection, plan, ClusterAccess.snapshots.get(),
                    ClusterAccess.progress(out, false), cancellation);
            String rollback = "egress-studio rollback --context " + context + " " + input.scenarioFile;
            ClusterAccess.summary(out, report, "Apply", rollbackOnFailure ? null : rollback);
            if (report.complete()) {
                return 0;
            }
            if (rollbackOnFailure) {
                out.println("Rolling back:");
                ApplyReport undone = Rollback.rollback(connection, ClusterAccess.snapshots.get(), scenario.name(),
                        ClusterAccess.progress(out, true));
                ClusterAccess.summary(out, undone, "Rollback", rollback);
            }
            return ClusterAccess.CLUSTER_FAILURE;
        } catch (ClusterException e) {
            return ClusterAccess.fail(err, e);
        } finally {
            out.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // shutting down already (Ctrl-C): the hook is waiting for this report, which is printed
            }
        }
    }
}
