package io.egressstudio.cluster;

import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plans what applying a scenario changes: for every generated object to apply, create / update / unchanged from a
 * comparison with the live object ({@link Comparison}); delete for objects that carry the scenario's label but that
 * it no longer generates; the Secrets and ConfigMaps whose data is pending (never applied); server-side dry run
 * where the server supports it; the permission check; and the control planes already there.
 */
public final class Planner {
    static final String NAMESPACE_KEPT = "exists; Egress Studio never changes or removes an existing namespace";
    static final String TAKE_OVER = "not created by this scenario: apply takes it over (rollback restores it)";

    private final ClusterConnection connection;
    private final KubeApi api;

    private Planner(ClusterConnection connection) {
        this.connection = connection;
        this.api = connection.api();
    }

    /** Plans what the generator emits for the scenario (pending-data Secrets and ConfigMaps reported, not applied). */
    public static Plan plan(ClusterConnection connection, Scenario scenario) throws ClusterException {
        return plan(connection, scenario.name(), ScenarioGenerator.generate(scenario));
    }

    /** @param resources what to apply (its APPLY entries); pending-data objects are reported, never applied */
    public static Plan plan(ClusterConnection connection, String scenario, ResourceSet resources)
            throws ClusterException {
        return new Planner(connection).run(scenario, resources);
    }

    /** The labels that mark an object as applied for a scenario. */
    public static Map<String, String> scenarioLabels(String scenario) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ResourceNames.MANAGED_BY_LABEL, ResourceNames.MANAGED_BY);
        labels.put(ResourceNames.SCENARIO_LABEL, scenario);
        return labels;
    }

    /** Everything applied carries the scenario's labels, so it can be found and removed later. */
    private static GenericKubernetesResource labelled(GenericKubernetesResource object, String scenario) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (object.getMetadata().getLabels() != null) {
            labels.putAll(object.getMetadata().getLabels());
        }
        labels.putAll(scenarioLabels(scenario));
        object.getMetadata().setLabels(labels);
        return object;
    }

    private record Wanted(ApiKind kind, GenericKubernetesResource object) {
    }

    private Plan run(String scenario, ResourceSet resources) throws ClusterException {
        connection.check();
        List<Wanted> wanted = new ArrayList<>();
        List<HasMetadata> pendingObjects = new ArrayList<>();
        for (HasMetadata resource : ManifestWriter.ordered(resources)) {
            if (ManifestWriter.isPending(resource)) {
                pendingObjects.add(resource);
            } else {
                wanted.add(new Wanted(Resources.kindOf(resource), labelled(Resources.generic(resource), scenario)));
            }
        }
        requireApis(scenario, wanted);
        List<String> notes = new ArrayList<>();

        List<PlannedChange> changes = new ArrayList<>();
        Set<ResourceSet.Key> keys = new LinkedHashSet<>();
        Set<String> newNamespaces = new LinkedHashSet<>();
        for (Wanted w : wanted) {
            PlannedChange change = compare(w);
            changes.add(change);
            keys.add(change.key());
            if (w.kind() == ApiKind.NAMESPACE && change.action() == PlannedChange.Action.CREATE) {
                newNamespaces.add(change.key().name());
            }
        }
        Map<ApiKind, String> versions = new LinkedHashMap<>();
        wanted.forEach(w -> versions.putIfAbsent(w.kind(), ApiKind.versionOf(w.object().getApiVersion())));
        changes.addAll(leftovers(scenario, keys, versions, namespacesOf(wanted), notes));

        List<PendingResource> pending = new ArrayList<>();
        for (HasMetadata resource : pendingObjects) {
            ApiKind kind = Resources.kindOf(resource);
            boolean exists = api.get(kind, ApiKind.versionOf(resource.getApiVersion()),
                    resource.getMetadata().getNamespace(), resource.getMetadata().getName()).isPresent();
            pending.add(new PendingResource(Resources.key(resource),
                    resource.getMetadata().getAnnotations().get(ResourceNames.DATA_PENDING_ANNOTATION), exists));
        }

        List<ControlPlaneInfo> planes = connection.controlPlanes(meshNamespaces(wanted));
        notes.addAll(membershipConflicts(wanted, planes));

        String[] dryRunNote = new String[1];
        boolean dryRunSupported = dryRun(changes, newNamespaces, dryRunNote);
        Permissions permissions = connection.check(accesses(changes));
        return new Plan(connection.context(), connection.server(), scenario, connection.strategy(), changes, pending,
                planes, dryRunSupported, dryRunNote[0], permissions, notes);
    }

    /** Refuses, naming every kind and what installs it, when the cluster does not serve what the scenario needs. */
    private void requireApis(String scenario, List<Wanted> wanted) throws ClusterException {
        Map<ApiKind, String> needed = new LinkedHashMap<>();
        for (Wanted w : wanted) {
            needed.putIfAbsent(w.kind(), ApiKind.versionOf(w.object().getApiVersion()));
        }
        String missing = missingApis(api, needed);
        if (missing != null) {
            throw new ClusterException(ClusterException.Reason.MISSING_API, "The cluster behind context '"
                    + connection.context() + "' (" + connection.server() + ") does not serve what scenario '"
                    + scenario + "' needs; nothing was changed:" + missing);
        }
    }

    /** One line per provider naming the kinds (and versions) the server does not serve, or null when none. */
    static String missingApis(KubeApi api, Map<ApiKind, String> needed) throws ClusterException {
        Map<ApiKind.Provider, List<String>> missing = new TreeMap<>();
        for (Map.Entry<ApiKind, String> need : needed.entrySet()) {
            ApiKind kind = need.getKey();
            if (api.serves(kind, need.getValue())) {
                continue;
            }
            Optional<String> other = api.servedVersion(kind, null);
            missing.computeIfAbsent(kind.provider(), p -> new ArrayList<>()).add(kind.kind() + " ("
                    + kind.apiVersion(need.getValue()) + ")" + other.map(v -> " [the cluster serves "
                    + kind.apiVersion(v) + "; set istioApi in the scenario to match]").orElse(""));
        }
        if (missing.isEmpty()) {
            return null;
        }
        StringBuilder message = new StringBuilder();
        missing.forEach((provider, kinds) -> message.append("\n  - ").append(String.join(", ", kinds))
                .append(": needs ").append(provider.remedy()));
        return message.toString();
    }

    /** What a scenario's resources need from the cluster: kind → API version. */
    static Map<ApiKind, String> needs(ResourceSet resources) throws ClusterException {
        Map<ApiKind, String> needed = new LinkedHashMap<>();
        for (HasMetadata resource : ManifestWriter.ordered(resources)) {
            if (!ManifestWriter.isPending(resource)) {
                needed.putIfAbsent(Resources.kindOf(resource), ApiKind.versionOf(resource.getApiVersion()));
            }
        }
        return needed;
    }

    /**
     * What applying these resources needs when none of them exists yet: the verbs of a create with the connection's
     * write strategy, per kind and namespace (the connect-time check; a plan checks the verbs of each actual change).
     */
    static List<ClusterConnection.Access> accessesToCreate(ClusterConnection connection, ResourceSet resources)
            throws ClusterException {
        List<ClusterConnection.Access> accesses = new ArrayList<>();
        for (HasMetadata resource : ManifestWriter.ordered(resources)) {
            if (ManifestWriter.isPending(resource)) {
                continue;
            }
            ApiKind kind = Resources.kindOf(resource);
            for (String verb : connection.strategy().verbs(PlannedChange.Action.CREATE)) {
                accesses.add(new ClusterConnection.Access(kind, kind.namespaced()
                        ? resource.getMetadata().getNamespace() : null, verb));
            }
        }
        return accesses;
    }

    private PlannedChange compare(Wanted w) throws ClusterException {
        GenericKubernetesResource desired = w.object();
        ResourceSet.Key key = Resources.key(desired);
        Optional<GenericKubernetesResource> live = api.get(w.kind(), ApiKind.versionOf(desired.getApiVersion()),
                key.namespace(), key.name());
        if (live.isEmpty()) {
            return new PlannedChange(key, desired.getApiVersion(), PlannedChange.Action.CREATE, List.of(), desired,
                    null, null, null);
        }
        if (w.kind() == ApiKind.NAMESPACE) {
            return new PlannedChange(key, desired.getApiVersion(), PlannedChange.Action.UNCHANGED, List.of(), desired,
                    live.get(), NAMESPACE_KEPT, null);
        }
        List<Difference> differences = Comparison.compare(desired, live.get(), w.kind().builtIn());
        if (differences.isEmpty()) {
            return new PlannedChange(key, desired.getApiVersion(), PlannedChange.Action.UNCHANGED, List.of(), desired,
                    live.get(), null, null);
        }
        Map<String, String> labels = live.get().getMetadata().getLabels();
        String scenario = desired.getMetadata().getLabels() == null ? null
                : desired.getMetadata().getLabels().get(ResourceNames.SCENARIO_LABEL);
        boolean ours = labels != null && scenario != null && scenario.equals(labels.get(ResourceNames.SCENARIO_LABEL));
        return new PlannedChange(key, desired.getApiVersion(), PlannedChange.Action.UPDATE, differences, desired,
                live.get(), ours ? null : TAKE_OVER, null);
    }

    /** Objects labelled with the scenario that it no longer generates: deleted, last first. Namespaces stay. */
    private List<PlannedChange> leftovers(String scenario, Set<ResourceSet.Key> keys, Map<ApiKind, String> versions,
                                          Set<String> namespaces, List<String> notes) throws ClusterException {
        ResourceSet.Builder found = ResourceSet.builder();
        Map<String, String> labels = scenarioLabels(scenario);
        for (ApiKind kind : ApiKind.prunable()) {
            Optional<String> version = kind.builtIn() ? Optional.of(kind.versions().get(0))
                    : api.servedVersion(kind, versions.get(kind));
            if (version.isEmpty()) {
                continue;
            }
            for (GenericKubernetesResource live : listLabelled(kind, version.get(), labels, namespaces)) {
                if (!keys.contains(Resources.key(live))) {
                    found.add(live, "cluster");
                }
            }
        }
        List<GenericKubernetesResource> labelledNamespaces;
        try {
            labelledNamespaces = api.list(ApiKind.NAMESPACE, "v1", null, labels);
        } catch (ClusterException e) {
            if (e.reason() != ClusterException.Reason.FORBIDDEN) {
                throw e;
            }
            labelledNamespaces = List.of(); // only cluster readers may list namespaces; nothing here deletes them
        }
        for (GenericKubernetesResource ns : labelledNamespaces) {
            if (!keys.contains(Resources.key(ns))) {
                notes.add("Namespace " + ns.getMetadata().getName() + " carries this scenario's label and is left in "
                        + "place: namespaces are never removed (they may hold your applications); delete it yourself "
                        + "if it is empty");
            }
        }
        List<HasMetadata> ordered = new ArrayList<>(ManifestWriter.ordered(found.build()));
        Collections.reverse(ordered);
        List<PlannedChange> deletes = new ArrayList<>();
        for (HasMetadata live : ordered) {
            deletes.add(new PlannedChange(Resources.key(live), live.getApiVersion(), PlannedChange.Action.DELETE,
                    List.of(), null, (GenericKubernetesResource) live, null, null));
        }
        return deletes;
    }

    List<GenericKubernetesResource> listLabelled(ApiKind kind, String version, Map<String, String> labels,
                                                 Set<String> namespaces) throws ClusterException {
        try {
            return api.list(kind, version, null, labels);
        } catch (ClusterException e) {
            if (e.reason() != ClusterException.Reason.FORBIDDEN) {
                throw e;
            }
        }
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (String namespace : namespaces) {
            out.addAll(api.list(kind, version, namespace, labels));
        }
        return out;
    }

    static Set<String> namespacesOf(List<Wanted> wanted) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (Wanted w : wanted) {
            if (w.kind() == ApiKind.NAMESPACE) {
                namespaces.add(w.object().getMetadata().getName());
            } else if (w.object().getMetadata().getNamespace() != null) {
                namespaces.add(w.object().getMetadata().getNamespace());
            }
        }
        return namespaces;
    }

    private static Set<String> meshNamespaces(List<Wanted> wanted) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (Wanted w : wanted) {
            if (w.kind() == ApiKind.SERVICE_MESH_CONTROL_PLANE || w.kind() == ApiKind.SERVICE_MESH_MEMBER_ROLL) {
                namespaces.add(w.object().getMetadata().getNamespace());
            }
        }
        return namespaces;
    }

    /** A namespace belongs to one control plane: say when the scenario's roll lists one another roll has. */
    private static List<String> membershipConflicts(List<Wanted> wanted, List<ControlPlaneInfo> planes) {
        List<String> notes = new ArrayList<>();
        for (Wanted w : wanted) {
            if (w.kind() != ApiKind.SERVICE_MESH_MEMBER_ROLL) {
                continue;
            }
            String namespace = w.object().getMetadata().getNamespace();
            for (String member : Specs.strings(Specs.at(w.object(), "spec", "members"))) {
                for (ControlPlaneInfo plane : planes) {
                    if (!plane.namespace().equals(namespace) && plane.members().contains(member)) {
                        notes.add("namespace " + member + " is already a member of control plane " + plane.namespace()
                                + "/" + plane.name() + "; the scenario's mesh in " + namespace + " lists it too, and "
                                + "a namespace belongs to one control plane");
                    }
                }
            }
        }
        return notes;
    }

    /** Validates creates and updates with server-side dry run; returns whether the server supports it. */
    private boolean dryRun(List<PlannedChange> changes, Set<String> newNamespaces, String[] note)
            throws ClusterException {
        int skipped = 0;
        int validated = 0;
        for (int i = 0; i < changes.size(); i++) {
            PlannedChange change = changes.get(i);
            if (change.action() != PlannedChange.Action.CREATE && change.action() != PlannedChange.Action.UPDATE) {
                continue;
            }
            if (change.key().namespace() != null && newNamespaces.contains(change.key().namespace())) {
                skipped++;
                continue;
            }
            ApiKind kind = ApiKind.of(change.apiVersion(), change.key().kind()).orElseThrow();
            WriteStrategy.DryRun result = connection.strategy().dryRun(api, kind, change.desired());
            validated++;
            if (!result.supported()) {
                note[0] = "Server-side dry run was not used: " + result.note()
                        + ". The plan comes from comparing with the live objects.";
                return false;
            }
            if (result.rejection() != null) {
                if (result.rejection().reason() == ClusterException.Reason.UNREACHABLE
                        || result.rejection().reason() == ClusterException.Reason.UNAUTHORIZED) {
                    throw result.rejection();
                }
                changes.set(i, change.withRejection(result.rejection().getMessage()));
            }
        }
        if (skipped > 0) {
            note[0] = skipped + " change(s) in namespaces that do not exist yet could not be validated by dry run";
        } else if (validated == 0) {
            WriteStrategy.DryRun available = connection.strategy().dryRunAvailable();
            if (!available.supported()) {
                note[0] = "Server-side dry run was not used: " + available.note() + ".";
                return false;
            }
            note[0] = "nothing to validate";
        }
        return true;
    }

    private List<ClusterConnection.Access> accesses(List<PlannedChange> changes) {
        List<ClusterConnection.Access> accesses = new ArrayList<>();
        for (PlannedChange change : changes) {
            ApiKind kind = ApiKind.of(change.apiVersion(), change.key().kind()).orElseThrow();
            for (String verb : connection.strategy().verbs(change.action())) {
                accesses.add(new ClusterConnection.Access(kind, change.key().namespace(), verb));
            }
        }
        return accesses;
    }
}
