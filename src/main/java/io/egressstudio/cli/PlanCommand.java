package io.egressstudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.cluster.ClusterConnection;
import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.Plan;
import io.egressstudio.cluster.PlannedChange;
import io.egressstudio.cluster.Planner;
import io.egressstudio.io.Redaction;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code egress-studio plan --context CTX [--format text|json] [--diff] [--step N] [--certs DIR] SCENARIO}: what apply would change,
 * object by object, compared with the cluster. JSON is exactly
 * {@code {"changes":[{"kind":...,"namespace":...,"name":...,"action":"create|update|unchanged|delete"}]}}.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would change on a cluster: create, update, unchanged or delete "
                + "for each object, with a side-by-side diff for each update. Nothing is changed.")
final class PlanCommand implements Callable<Integer> {
    enum Format { text, json }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterScenarioInput input;

    @Option(names = "--format", paramLabel = "text|json", description = "output format (default: text)")
    Format format = Format.text;

    @Option(names = "--diff", description = "show the side-by-side diff of creates and deletes too")
    boolean allDiffs;

    @Override
    public Integer call() {
        // the API server's words (a dry run's rejection, a permission check's error) are printed: cleaned first
        PrintWriter out = Redaction.filtered(spec.commandLine().getOut());
        PrintWriter err = Redaction.filtered(spec.commandLine().getErr());
        ClusterScenarioInput.Loaded loaded;
        try {
            loaded = input.load();
        } catch (ClusterAccess.BadInput e) {
            return ClusterAccess.fail(err, e);
        }
        try (ClusterConnection connection = ClusterAccess.connector.get().connect(input.context)) {
            Plan plan = Planner.plan(connection, loaded.scenario().name(), loaded.resources());
            if (format == Format.json) {
                out.println(json(plan));
            } else {
                print(out, plan, allDiffs);
            }
            out.flush();
            return 0;
        } catch (ClusterException e) {
            return ClusterAccess.fail(err, e);
        }
    }

    static String json(Plan plan) {
        List<Object> changes = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("kind", change.key().kind());
            c.put("namespace", change.key().namespace());
            c.put("name", change.key().name());
            c.put("action", change.action().word());
            changes.add(c);
        }
        try {
            return JSON.writeValueAsString(Map.of("changes", changes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialize", e);
        }
    }

    /** The plan as text: a header, one line per object (diffs under updates), pending data, notes, a count. */
    static void print(PrintWriter out, Plan plan, boolean allDiffs) {
        out.println("Plan for scenario " + plan.scenario() + " on context " + plan.context() + " (" + plan.server()
                + "), written with " + plan.strategy().description() + ".");
        if (!plan.controlPlanes().isEmpty()) {
            out.println("Control planes on the cluster:");
            plan.controlPlanes().forEach(p -> out.println("  " + p));
        }
        out.println();
        for (PlannedChange change : plan.changes()) {
            out.printf("  %-9s %s%s%n", change.action().word(), change.key(),
                    change.action() == PlannedChange.Action.UPDATE ? ": " + change.differences().stream()
                            .map(Object::toString).collect(Collectors.joining(", ")) : "");
            if (change.note() != null) {
                out.println("            (" + change.note() + ")");
            }
            if (change.rejection() != null) {
                out.println("            REJECTED by the server's dry run: " + change.rejection());
            }
            boolean showDiff = change.action() == PlannedChange.Action.UPDATE
                    || (allDiffs && change.action() != PlannedChange.Action.UNCHANGED);
            if (showDiff) {
                change.diff().lines().forEach(line -> out.println("      " + line));
                out.println();
            }
        }
        if (!plan.pending().isEmpty()) {
            out.println();
            out.println("Not applied, their data is needed first:");
            plan.pending().forEach(p -> out.println("  " + p));
        }
        out.println();
        long rejected = plan.changes().stream().filter(c -> c.rejection() != null).count();
        if (plan.dryRunSupported()) {
            out.println("Server-side dry run: " + (rejected > 0 ? "the server rejected " + rejected
                    + " change(s), marked above" : "the server accepted the changes it checked")
                    + (plan.dryRunNote() == null ? "." : "; " + plan.dryRunNote() + "."));
        } else {
            out.println(plan.dryRunNote());
        }
        if (plan.permissions().unchecked() != null) {
            out.println("Permissions: not checked: " + plan.permissions().unchecked() + ".");
        } else if (plan.permissions().ok()) {
            out.println("Permissions: allowed.");
        } else {
            out.println("Permissions: NOT allowed to:");
            plan.permissions().denied().forEach(d -> out.println("  " + d));
        }
        plan.notes().forEach(note -> out.println("Note: " + note));
        out.println(plan.count(PlannedChange.Action.CREATE) + " to create, " + plan.count(PlannedChange.Action.UPDATE)
                + " to update, " + plan.count(PlannedChange.Action.DELETE) + " to delete, "
                + plan.count(PlannedChange.Action.UNCHANGED) + " unchanged.");
        if (!plan.blockers().isEmpty()) {
            out.println("Apply would refuse: " + plan.blockers().size() + " problem(s) above.");
        }
    }
}
