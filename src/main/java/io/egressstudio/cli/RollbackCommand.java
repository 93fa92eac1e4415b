package io.egressstudio.cli;

import io.egressstudio.cluster.ApplyReport;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.Rollback;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code egress-studio rollback --context CTX SCENARIO}: puts back what was there before the last apply. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore what was on the cluster before the last apply of a scenario, from its snapshot: "
                + "objects it created are deleted, objects it changed or deleted are put back exactly.")
final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterScenarioName target;

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
            out.println("Rolling back scenario " + name + " on context " + context + ":");
            ApplyReport report = Rollback.rollback(connection, ClusterAccess.snapshots.get(), name,
                    ClusterAccess.progress(out, true));
            ClusterAccess.summary(out, report, "Rollback", null);
            return report.complete() ? 0 : ClusterAccess.CLUSTER_FAILURE;
        } catch (ClusterException e) {
            return ClusterAccess.fail(err, e);
        }
    }
}
