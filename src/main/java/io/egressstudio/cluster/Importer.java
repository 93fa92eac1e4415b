package io.egressstudio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a cluster has in chosen namespaces into a {@link ResourceSet}: the Istio, Maistra, federation and Route
 * configuration (APPLY entries), and the Namespaces, Deployments, Services and Secrets as CONTEXT (the predictor and
 * analyzers read them; nothing applies them). Objects get the typed fabric8 classes {@code ManifestReader} gives the
 * same YAML, so {@code analyze} and the predictor see a cluster as they see a folder of manifests.
 *
 * <p>Secrets keep their keys but never their values (each value is empty), and kubectl's last-applied annotation is
 * dropped everywhere (for a Secret it holds the data in clear). Server-set fields and status are dropped.
 */
public final class Importer {
    /** Marks an imported Secret whose values were left out. */
    public static final String DATA_OMITTED_ANNOTATION = "egress-studio.io/data-omitted";
    private static final Set<String> SECRET_TYPES = Set.of("Opaque", "kubernetes.io/tls");

    private Importer() {
    }

    /** What was read, and what the user should know about it (kinds not served, namespaces not readable). */
    public record Result(ResourceSet resources, List<String> namespaces, List<String> notes) {
        public Result {
            namespaces = List.copyOf(namespaces);
            notes = List.copyOf(notes);
        }
    }

    public static Result read(ClusterConnection connection, List<String> namespaces) throws ClusterException {
        connection.check();
        KubeApi api = connection.api();
        ResourceSet.Builder builder = ResourceSet.builder();
        List<String> notes = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>(namespaces);
        String origin = "cluster " + connection.context();
        for (String namespace : chosen) {
            Optional<GenericKubernetesResource> ns = api.get(ApiKind.NAMESPACE, "v1", null, namespace);
            if (ns.isEmpty()) {
                notes.add("namespace " + namespace + " does not exist");
                continue;
            }
            builder.add(new ResourceSet.Entry(typed(ns.get()), origin, ResourceSet.Role.CONTEXT));
        }
        for (ApiKind kind : ApiKind.configuration()) {
            Optional<String> version = api.servedVersion(kind, null);
            if (version.isEmpty()) {
                continue;
            }
            for (String namespace : chosen) {
                for (GenericKubernetesResource object : readable(api, kind, version.get(), namespace, notes)) {
                    builder.add(new ResourceSet.Entry(typed(object), origin, ResourceSet.Role.APPLY));
                }
            }
        }
        meshControlPlanes(api, chosen, origin, builder, notes);
        for (ApiKind kind : List.of(ApiKind.DEPLOYMENT, ApiKind.SERVICE, ApiKind.SECRET)) {
            for (String namespace : chosen) {
                for (GenericKubernetesResource object : readable(api, kind, "v1", namespace, notes)) {
                    if (kind == ApiKind.SECRET) {
                        Object type = object.getAdditionalProperties().get("type");
                        if (type != null && !SECRET_TYPES.contains(type.toString())) {
                            continue;
                        }
                        object = withoutValues(object);
                    }
                    builder.add(new ResourceSet.Entry(typed(object), origin, ResourceSet.Role.CONTEXT));
                }
            }
        }
        ResourceSet resources = builder.build();
        notes.addAll(missingControlPlanes(connection, resources, chosen));
        return new Result(resources, List.copyOf(chosen), notes);
    }

    /**
     * What defines an OpenShift Service Mesh 3 or upstream Istio control plane: each Sail operator {@code Istio}
     * (cluster-scoped) installing into a chosen namespace, and the mesh config ConfigMaps ({@code istio},
     * {@code istio-REV}) of the chosen namespaces.
     */
    private static void meshControlPlanes(KubeApi api, Set<String> chosen, String origin, ResourceSet.Builder builder,
                                          List<String> notes) throws ClusterException {
        if (api.servedVersion(ApiKind.ISTIO, null).isPresent()) {
            for (GenericKubernetesResource istio : api.list(ApiKind.ISTIO, ApiKind.ISTIO.versions().get(0), null,
                    Map.of())) {
                Object spec = istio.getAdditionalProperties().get("spec");
                Object installs = spec instanceof Map<?, ?> map ? map.get("namespace") : null;
                if (installs != null && chosen.contains(installs.toString())) {
                    builder.add(new ResourceSet.Entry(typed(istio), origin, ResourceSet.Role.APPLY));
                } else {
                    notes.add("Istio " + istio.getMetadata().getName() + " installs into " + installs
                            + ", which was not chosen: left out");
                }
            }
        }
        for (String namespace : chosen) {
            for (GenericKubernetesResource map : readable(api, ApiKind.CONFIG_MAP, "v1", namespace, notes)) {
                String name = map.getMetadata().getName();
                Object data = map.getAdditionalProperties().get("data");
                if ((name.equals("istio") || name.startsWith("istio-")) && data instanceof Map<?, ?> d
                        && d.containsKey("mesh")) {
                    builder.add(new ResourceSet.Entry(typed(map), origin, ResourceSet.Role.APPLY));
                }
            }
        }
    }

    private static List<GenericKubernetesResource> readable(KubeApi api, ApiKind kind, String version,
                                                            String namespace, List<String> notes)
            throws ClusterException {
        try {
            return api.list(kind, version, namespace, Map.of());
        } catch (ClusterException e) {
            if (e.reason() != ClusterException.Reason.FORBIDDEN) {
                throw e;
            }
            notes.add("not allowed to list " + kind.kind() + " in " + namespace + ": left out");
            return List.of();
        }
    }

    /** As ManifestReader reads the same object from YAML: server fields, status and last-applied dropped. */
    static HasMetadata typed(GenericKubernetesResource object) {
        ObjectNode tree = Resources.tree(object);
        Resources.stripServerFields(tree);
        JsonNode annotations = tree.path("metadata").path("annotations");
        if (annotations instanceof ObjectNode a) {
            a.remove(Resources.LAST_APPLIED);
            Resources.prune(tree);
        }
        KubernetesResource resource = Resources.SERIALIZATION.convertValue(tree, KubernetesResource.class);
        return (HasMetadata) resource;
    }

    static GenericKubernetesResource withoutValues(GenericKubernetesResource secret) {
        GenericKubernetesResource copy = Resources.copy(secret);
        Map<String, Object> properties = copy.getAdditionalProperties();
        Set<String> keys = new LinkedHashSet<>();
        for (String field : List.of("data", "stringData")) {
            Object data = properties.remove(field);
            if (data instanceof Map<?, ?> map) {
                map.keySet().forEach(k -> keys.add(k.toString()));
            }
        }
        Map<String, Object> blank = new java.util.LinkedHashMap<>();
        keys.forEach(k -> blank.put(k, ""));
        if (!blank.isEmpty()) {
            properties.put("data", blank);
        }
        copy.getMetadata().setAnnotations(new java.util.LinkedHashMap<>(copy.getMetadata().getAnnotations() == null
                ? Map.of() : copy.getMetadata().getAnnotations()));
        copy.getMetadata().getAnnotations().put(DATA_OMITTED_ANNOTATION, "values are not imported");
        copy.getMetadata().getAnnotations().remove(Resources.LAST_APPLIED);
        return copy;
    }

    /** A chosen namespace that is a member of a control plane that was not imported: name it. */
    private static List<String> missingControlPlanes(ClusterConnection connection, ResourceSet resources,
                                                     Set<String> chosen) throws ClusterException {
        List<String> notes = new ArrayList<>();
        for (ControlPlaneInfo plane : connection.controlPlanes(chosen)) {
            if (chosen.contains(plane.namespace())) {
                continue;
            }
            for (String member : plane.members()) {
                if (chosen.contains(member)) {
                    notes.add("namespace " + member + " is a member of control plane " + plane.namespace() + "/"
                            + plane.name() + ", which was not imported: add --namespace " + plane.namespace()
                            + " to import its mesh");
                }
            }
        }
        return notes;
    }
}
