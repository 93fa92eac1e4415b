package io.egressstudio.gui.presenter;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.io.Steps;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Change;
import io.egressstudio.model.Element;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one walkthrough step did, for the presenter and the main window's "Show:" chooser: the ids of the elements and
 * links its changes touch plus the links whose prediction (outcome or hops) it changed, and the generated resources it
 * creates, changes or deletes. Plain Java: both windows call it with the analyses they already have.
 */
public final class StepChanges {
    private StepChanges() {
    }

    /** How a resource differs from the previous step's. */
    public enum Kind {
        CREATED("+"), CHANGED("~"), DELETED("−");

        private final String sign;

        Kind(String sign) {
            this.sign = sign;
        }

        public String sign() {
            return sign;
        }
    }

    /**
     * One resource the step creates, changes or deletes.
     *
     * @param fields for a changed resource, the top-level fields of its spec (or data) that differ, sorted
     */
    public record ResourceChange(Kind kind, String resourceKind, String namespace, String name, List<String> fields) {
        public ResourceChange {
            fields = List.copyOf(fields);
        }

        /** {@code greetings-client/rest-greeting-remote}; a cluster-scoped resource by its name. */
        public String id() {
            return namespace == null ? name : namespace + "/" + name;
        }

        /** {@code + ServiceEntry greetings-client/rest-greeting-remote}, {@code ~ ... (outbound.policy)}. */
        public String text() {
            return kind.sign() + " " + resourceKind + " " + id()
                    + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")");
        }
    }

    /** What a step did: the ids to highlight and the resources it changed, in the generated order. */
    public record Result(Set<String> highlighted, List<ResourceChange> resources) {
        public static final Result NONE = new Result(Set.of(), List.of());

        public Result {
            highlighted = Set.copyOf(highlighted);
            resources = List.copyOf(resources);
        }

        public List<String> resourceTexts() {
            return resources.stream().map(ResourceChange::text).toList();
        }
    }

    /**
     * What {@code step} did, given the analysis of the scenario before it and after it.
     *
     * @param step   the step shown (null for the scenario as drawn: nothing to show)
     * @param before the analysis of the scenario after the previous steps (null: unknown, only the step's own
     *               changes are highlighted)
     * @param after  the analysis of the scenario after {@code step} (null: not yet analysed)
     */
    public static Result of(Step step, DesignAnalysis before, DesignAnalysis after) {
        if (step == null) {
            return Result.NONE;
        }
        Set<String> ids = new LinkedHashSet<>(touched(step));
        List<ResourceChange> resources = List.of();
        if (before != null && after != null) {
            ids.addAll(changedLinks(before.predictions(), after.predictions()));
            resources = resources(before.resources(), after.resources());
        }
        return new Result(ids, resources);
    }

    /**
     * What step {@code n} (1-based) of a walkthrough did, analysing the scenario before it (and after it, unless that
     * analysis is given). Analyses: call it off the FX thread.
     *
     * @param after the analysis of the scenario after step {@code n} when the caller has it already (null: analysed
     *              here); it must be the analysis of {@code Steps.after(walkthrough, n)}
     * @throws Steps.StepException when a step no longer applies to the drawing
     */
    public static Result ofStep(Scenario walkthrough, int n, DesignPipeline service, DesignAnalysis after)
            throws Steps.StepException {
        if (n <= 0) {
            return Result.NONE;
        }
        DesignAnalysis before = service.analyze(Steps.after(walkthrough, n - 1));
        DesignAnalysis now = after != null ? after : service.analyze(Steps.after(walkthrough, n));
        return of(walkthrough.steps().get(n - 1), before, now);
    }

    /** The ids of the elements a step's changes name: set "id.field", add with the value's id, remove "id". */
    public static Set<String> touched(Step step) {
        Set<String> ids = new LinkedHashSet<>();
        for (Change change : step.changes()) {
            if (change.set() != null) {
                int dot = change.set().indexOf('.');
                ids.add(dot < 0 ? change.set() : change.set().substring(0, dot));
            } else if (change.remove() != null) {
                ids.add(change.remove());
            } else if (change.add() != null) {
                String id = addedId(change.value());
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static String addedId(Object value) {
        if (value instanceof Element element) {
            return element.id();
        }
        if (value instanceof Map<?, ?> map && map.get("id") != null) {
            return map.get("id").toString();
        }
        return null;
    }

    /** Links that are new, gone, or predicted differently (another outcome or other hops). */
    public static Set<String> changedLinks(Map<String, LinkPrediction> before, Map<String, LinkPrediction> after) {
        Set<String> ids = new TreeSet<>();
        for (Map.Entry<String, LinkPrediction> e : after.entrySet()) {
            LinkPrediction was = before.get(e.getKey());
            LinkPrediction now = e.getValue();
            if (was == null || was.outcome() != now.outcome() || !was.hops().equals(now.hops())) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    /** The applicable resources created, changed or deleted between two generated sets (null: none generated). */
    public static List<ResourceChange> resources(ResourceSet before, ResourceSet after) {
        List<ResourceChange> changes = new ArrayList<>();
        ResourceSet was = before == null ? ResourceSet.of(List.of()) : before;
        ResourceSet now = after == null ? ResourceSet.of(List.of()) : after;
        for (ResourceSet.Entry entry : now.entries()) {
            if (entry.role() != ResourceSet.Role.APPLY) {
                continue;
            }
            ResourceSet.Key key = entry.key();
            var old = was.get(key).filter(e -> e.role() == ResourceSet.Role.APPLY);
            if (old.isEmpty()) {
                changes.add(change(Kind.CREATED, key, List.of()));
            } else {
                List<String> fields = ResourceFields.differing(old.get().resource(), entry.resource());
                if (!fields.isEmpty()) {
                    changes.add(change(Kind.CHANGED, key, fields));
                }
            }
        }
        for (ResourceSet.Entry entry : was.entries()) {
            if (entry.role() == ResourceSet.Role.APPLY
                    && now.get(entry.key()).filter(e -> e.role() == ResourceSet.Role.APPLY).isEmpty()) {
                changes.add(change(Kind.DELETED, entry.key(), List.of()));
            }
        }
        return changes;
    }

    private static ResourceChange change(Kind kind, ResourceSet.Key key, List<String> fields) {
        return new ResourceChange(kind, key.kind(), key.namespace(), key.name(), fields);
    }
}
