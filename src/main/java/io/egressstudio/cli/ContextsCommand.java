package io.egressstudio.cli;

import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.KubeContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code egress-studio contexts}: the kubeconfig contexts (KUBECONFIG honoured), the current one marked. */
@Command(name = "contexts", mixinStandardHelpOptions = true,
        description = "List the kubeconfig contexts the cluster commands can use (KUBECONFIG is honoured as by kubectl).")
final class ContextsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<KubeContext> contexts = ClusterAccess.kubeconfig.get().contexts();
            for (KubeContext c : contexts) {
                out.println((c.current() ? "* " : "  ") + c.name() + "  " + (c.server() == null ? "(no server)" : c.server())
                        + (c.namespace() == null ? "" : "  namespace " + c.namespace()));
            }
            out.flush();
            return 0;
        } catch (ClusterException e) {
            return ClusterAccess.fail(spec.commandLine().getErr(), e);
        }
    }
}
