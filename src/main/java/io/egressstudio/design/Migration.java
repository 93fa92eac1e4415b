package io.egressstudio.design;

import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Change;
import io.egressstudio.model.Federation;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A scenario moved to another mesh flavour (Maistra 2.x → OpenShift Service Mesh 3 or upstream Istio), and what the
 * move does to each link: both designs are predicted, and every link whose outcome or encryption differs is listed
 * with why (a resource Maistra's control plane created that nothing creates any more, federation, or the first step
 * of the explanation that differs) and what to add to keep the old behaviour.
 */
public final class Migration {
    private static final Set<String> FEDERATION_KINDS = Set.of("ServiceMeshPeer", "ExportedServiceSet",
            "ImportedServiceSet");
    private Migration() {
    }

    /** One link that behaves differently after the move, in a state of the walkthrough (as drawn, or a step). */
    public record LinkChange(String linkId, String state, LinkPrediction before, LinkPrediction after,
                             List<String> reasons) {
        public LinkChange {
            reasons = List.copyOf(reasons);
        }

        /** {@code greeting-call (Step 2: ...): OK [ISTIO_MUTUAL] → MTLS_FAILURE [NONE]}. */
        public String summary() {
            return linkId + " (" + state + "): " + describe(before) + " → " + describe(after);
        }

        static String describe(LinkPrediction p) {
            return p == null ? "not predicted" : p.outcome() + " [" + p.hops().stream()
                    .map(LinkPrediction.HopView::encryption).collect(Collectors.joining(" ")) + "]";
        }
    }

    /**
     * @param notes          what the move changes in the design itself, mesh by mesh, whatever the links do
     * @param resourcesToAdd what to create by hand to keep a link as it was
     */
    public record Report(Scenario original, Scenario migrated, MeshFlavour target, List<String> notes,
                         List<LinkChange> changes, List<String> resourcesToAdd, int linksCompared) {
        public Report {
            notes = List.copyOf(notes);
            changes = List.copyOf(changes);
            resourcesToAdd = List.copyOf(resourcesToAdd);
        }

        /** The report as the command line prints it and the designer shows it. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add("Migrating " + original.name() + " to " + target.title() + ":");
            notes.forEach(n -> out.add("  - " + n));
            out.add("");
            if (changes.isEmpty()) {
                out.add("Every link (" + linksCompared + ") keeps its outcome and encryption.");
            } else {
                long links = changes.stream().map(LinkChange::linkId).distinct().count();
                out.add(links + " of " + linksCompared + " links change outcome or encryption (" + changes.size()
                        + (changes.size() == 1 ? " change" : " changes") + " over the walkthrough):");
                for (LinkChange change : changes) {
                    out.add("  " + change.summary());
                    change.reasons().forEach(r -> out.add("    because " + r));
                }
            }
            if (!resourcesToAdd.isEmpty()) {
                out.add("");
                out.add("To keep the links as they were:");
                resourcesToAdd.forEach(r -> out.add("  - " + r));
            }
            return out;
        }
    }

    /**
     * Rewrites, predicts both designs in every state of their walkthrough (as drawn, then after each step) and
     * compares every link in each. A link that changes the same way in several states is listed once, at the first.
     */
    public static Report migrate(Scenario scenario, MeshFlavour target, DesignPipeline pipeline)
            throws io.egressstudio.io.Steps.StepException {
        List<String> notes = new ArrayList<>();
        Scenario migrated = rewrite(scenario, target, notes);
        List<DesignAnalysis> before = WalkthroughStates.of(scenario, pipeline);
        List<DesignAnalysis> after = WalkthroughStates.of(migrated, pipeline);
        List<LinkChange> changes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> toAdd = new LinkedHashSet<>();
        Set<String> compared = new LinkedHashSet<>();
        for (int n = 0; n < before.size(); n++) {
            DesignAnalysis was = before.get(n);
            DesignAnalysis is = after.get(n);
            for (Link link : was.scenario().links()) {
                compared.add(link.id());
                LinkPrediction p = was.prediction(link.id());
                LinkPrediction q = is.prediction(link.id());
                if (same(p, q) || !seen.add(link.id() + " " + describeOutcome(p) + " " + describeOutcome(q))) {
                    continue;
                }
                String state = n == 0 ? "as drawn" : scenario.steps().get(n - 1).title();
                changes.add(new LinkChange(link.id(), state, p, q, reasons(p, q, was.resources(), target, toAdd)));
            }
        }
        return new Report(scenario, migrated, target, notes, changes, List.copyOf(toAdd), compared.size());
    }

    private static String describeOutcome(LinkPrediction p) {
        return LinkChange.describe(p);
    }

    /**
     * The scenario with every mesh of another flavour run by {@code target}: each keeps its name, namespace,
     * members, outbound policy, mTLS and auto mTLS as set, at the target's default version. What the target lacks
     * (federation) is removed with the steps' changes that made it, and said in {@code notes}.
     */
    public static Scenario rewrite(Scenario s, MeshFlavour target, List<String> notes) {
        List<Mesh> meshes = new ArrayList<>();
        Set<String> moved = new LinkedHashSet<>();
        for (Mesh m : s.meshes()) {
            if (m.flavour() == target) {
                meshes.add(m);
                continue;
            }
            moved.add(m.id());
            meshes.add(m.withFlavour(target, m.autoMtls()));
            notes.addAll(meshNotes(s, m, target));
        }
        List<Federation> federations = target.federation() ? s.federations() : List.of();
        Set<String> removed = new LinkedHashSet<>();
        for (Federation f : target.federation() ? List.<Federation>of() : allFederations(s)) {
            removed.add(f.id());
            notes.add("Federation " + f.id() + " (" + String.join(" ↔ ", f.meshes()) + ") is removed: " + target.title()
                    + " has no Maistra federation. Make the meshes one multi-cluster mesh (shared trust, east-west "
                    + "gateways) to call across them.");
        }
        List<Step> steps = new ArrayList<>();
        for (Step step : s.steps()) {
            List<Change> kept = new ArrayList<>();
            for (Change c : step.changes()) {
                if (dropped(c, moved, removed)) {
                    notes.add("Step \"" + step.title() + "\": its change " + describe(c) + " does not apply to "
                            + target.title() + " and is left out.");
                } else {
                    kept.add(c);
                }
            }
            steps.add(new Step(step.title(), step.narrative(), kept, step.expect()));
        }
        return new Scenario(s.name(), s.title(), s.description(), s.istioApi(), meshes, s.workloads(),
                s.egressGateways(), s.externalServices(), s.links(), federations, s.certificates(), steps, s.layout());
    }

    private static List<Federation> allFederations(Scenario s) {
        List<Federation> out = new ArrayList<>(s.federations());
        for (Step step : s.steps()) {
            for (Change c : step.changes()) {
                if ("federations".equals(c.add()) && c.value() instanceof java.util.Map<?, ?> value
                        && value.get("id") != null) {
                    out.add(new Federation(value.get("id").toString(), stringList(value.get("meshes")), List.of(), null));
                }
            }
        }
        return out;
    }

    private static List<String> stringList(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** A step's change that cannot be made on the target: a Maistra version, or anything of a removed federation. */
    private static boolean dropped(Change c, Set<String> movedMeshes, Set<String> removedFederations) {
        if (c.set() != null) {
            String id = c.set().substring(0, Math.max(0, c.set().indexOf('.')));
            return removedFederations.contains(id) || movedMeshes.contains(id) && c.set().endsWith(".version");
        }
        if (c.add() != null) {
            return c.add().equals("federations") && !removedFederations.isEmpty();
        }
        return c.remove() != null && removedFederations.contains(c.remove());
    }

    private static String describe(Change c) {
        return c.set() != null ? "set " + c.set() : c.add() != null ? "add to " + c.add() : "remove " + c.remove();
    }

    private static List<String> meshNotes(Scenario s, Mesh m, MeshFlavour target) {
        List<String> notes = new ArrayList<>();
        String installs = target == MeshFlavour.OSSM_3
                ? "the Sail operator's Istio " + m.name() + " (" + target.defaultVersion() + ") installing into "
                + m.namespace() + ", with an IstioCNI"
                : "upstream Istio " + target.defaultVersion() + " with its mesh config in the istio ConfigMap of "
                + m.namespace();
        notes.add("Mesh " + m.id() + ": ServiceMeshControlPlane " + m.name() + " (" + m.version() + ") becomes "
                + installs + ".");
        if (!m.members().isEmpty()) {
            String label = target == MeshFlavour.OSSM_3 && !m.name().equals("default")
                    ? "istio.io/rev=" + m.name() : "istio-injection=enabled";
            notes.add("Mesh " + m.id() + ": the member roll " + m.members() + " becomes the label " + label
                    + " on each of those namespaces; a workload without a sidecar gets the pod label "
                    + "sidecar.istio.io/inject=false.");
        }
        if (m.ingressGateway() || m.egressGateway()) {
            notes.add("Mesh " + m.id() + ": the gateways the SMCP deployed ("
                    + (m.ingressGateway() ? "istio-ingressgateway" : "") + (m.ingressGateway() && m.egressGateway() ? ", " : "")
                    + (m.egressGateway() ? "istio-egressgateway" : "") + ") become Deployments by gateway injection in "
                    + m.namespace() + ".");
        }
        if (m.mtls()) {
            notes.add("Mesh " + m.id() + ": STRICT mTLS becomes an explicit PeerAuthentication default in "
                    + m.namespace() + "; the ISTIO_MUTUAL DestinationRule for *.local that Maistra created is not "
                    + "created" + (m.autoMtls() ? " (auto mTLS keeps in-mesh traffic encrypted)." : "."));
        }
        if (!m.autoMtls()) {
            notes.add("Mesh " + m.id() + ": auto mTLS stays off as the SMCP had it (Istio's default is on).");
        }
        boolean ingress = s.externalServices().stream().anyMatch(e -> e.server() != null
                && e.server().kind() == ServerKind.MESH_INGRESS && e.server().ingress() != null
                && m.id().equals(e.server().ingress().mesh()));
        if (ingress) {
            notes.add("Mesh " + m.id() + ": no operator creates OpenShift Routes for its Gateways any more (Maistra's "
                    + "IOR did); the Routes the design needs are generated.");
        }
        return notes;
    }

    private static boolean same(LinkPrediction a, LinkPrediction b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.outcome() == b.outcome() && a.hops().stream().map(LinkPrediction.HopView::encryption).toList()
                .equals(b.hops().stream().map(LinkPrediction.HopView::encryption).toList());
    }

    /**
     * Why a link changed: each resource the old prediction used that Maistra's control plane created by itself (it
     * is not among the generated resources) and the new one lacks; federation resources; otherwise the first step of
     * the explanation that differs.
     */
    private static List<String> reasons(LinkPrediction was, LinkPrediction is, ResourceSet generated,
                                        MeshFlavour target, Set<String> toAdd) {
        List<String> reasons = new ArrayList<>();
        if (was == null || is == null) {
            reasons.add(was == null ? "the link is not predicted before the move" : "the link is not predicted after it");
            return reasons;
        }
        List<String> federation = new ArrayList<>();
        for (String key : was.resources()) {
            if (is.resources().contains(key)) {
                continue;
            }
            String[] parts = key.split("/", 3);
            if (parts.length == 3 && generated.get(parts[0], parts[1], parts[2]).isEmpty()
                    && !parts[0].equals("Deployment") && !parts[0].equals("Service")) {
                String used = was.explanation().stream().filter(line -> line.contains(key)).findFirst().orElse(key);
                reasons.add("Maistra's control plane created " + key + ", which " + target.title()
                        + " does not: " + used);
                if (was.outcome() == io.egressstudio.model.Outcome.OK && is.outcome() != io.egressstudio.model.Outcome.OK) {
                    toAdd.add("Create " + key + " as Maistra did (" + used + ")");
                }
            } else if (FEDERATION_KINDS.contains(parts[0])) {
                federation.add(key);
            }
        }
        if (!federation.isEmpty()) {
            reasons.add("the call went through Maistra federation (" + String.join(", ", federation) + "), which "
                    + target.title() + " does not have: the imported host is no longer registered.");
        }
        if (reasons.isEmpty()) {
            int n = Math.min(was.explanation().size(), is.explanation().size());
            for (int i = 0; i < n; i++) {
                if (!Objects.equals(was.explanation().get(i), is.explanation().get(i))) {
                    reasons.add("before: " + was.explanation().get(i));
                    reasons.add("after: " + is.explanation().get(i));
                    break;
                }
            }
        }
        return reasons.stream().distinct().toList();
    }

    /** Whether a scenario has meshes the move would change. */
    public static boolean hasMeshesOtherThan(Scenario s, MeshFlavour target) {
        return s.meshes().stream().anyMatch(m -> m.flavour() != target);
    }
}
