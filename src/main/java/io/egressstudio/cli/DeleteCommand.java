package io.egressstudio.cli;

import io.egressstudio.cluster.ApplyReport;
import io.egressstudio.cluster.Cancellation;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.Plan;
import io.egressstudio.cluster.Remover;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code egress-studio delete --context CTX [--dry-run] SCENARIO}: removes what carries the scenario's label. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Remove a scenario from a cluster: every object labelled egress-studio.io/scenario=NAME "
                + "(and managed by egress-studio), nothing else. Namespaces are left in place.")
final class DeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterScenarioName target;

    @Option(names = "--dry-run", description = "only list what would be removed")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name;
        try {
            name = target.name();
        } catch (ClusterAccess.BadInput e) {
            return ClusterAccess.fail(err, e);
        }
        String context = target.context;
        try (ClusterConnection connection = ClusterAccess.connector.get().connect(context)) {
            Plan plan = Remover.plan(connection, name);
            plan.notes().forEach(note -> out.println("note: " + note));
            if (plan.changes().isEmpty()) {
                out.println("Nothing carries the label of scenario " + name + " on context " + context + ".");
                return 0;
            }
            if (dryRun) {
                plan.changes().forEach(c -> out.println("would delete " + c.key()));
                return 0;
            }
            out.println("Removing scenario " + name + " from context " + context + ":");
            ApplyReport report = Remover.remove(connection, plan, ClusterAccess.progress(out, false),
                    new Cancellation());
            ClusterAccess.summary(out, report, "Delete", null);
            return report.complete() ? 0 : ClusterAccess.CLUSTER_FAILURE;
        } catch (ClusterException e) {
            return ClusterAccess.fail(err, e);
        }
    }
}
