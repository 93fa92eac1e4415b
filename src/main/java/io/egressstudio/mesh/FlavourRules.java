package io.egressstudio.mesh;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Optional;

/**
 * How pods join a mesh, flavour by flavour: the one place the mesh view asks. Maistra 2.x injects a sidecar only
 * into a pod of a member namespace that asks with the {@code sidecar.istio.io/inject: "true"} annotation. OpenShift
 * Service Mesh 3 and upstream Istio inject by labels, as Istio's "Controlling the injection policy" table says: a
 * namespace labelled {@code istio-injection=enabled} (the default revision) or {@code istio.io/rev=REV}; a pod
 * labelled {@code sidecar.istio.io/inject=true} or {@code istio.io/rev=REV} in an unlabelled namespace; never in a
 * namespace labelled {@code istio-injection=disabled} or for a pod labelled (or, deprecated, annotated)
 * {@code sidecar.istio.io/inject=false}. A pod whose injection template is {@code gateway} becomes a gateway proxy.
 */
public final class FlavourRules {
    public static final String INJECTION_LABEL = "istio-injection";
    public static final String REVISION_LABEL = "istio.io/rev";
    public static final String TEMPLATES_ANNOTATION = "inject.istio.io/templates";
    public static final String DEFAULT_REVISION = "default";

    private FlavourRules() {
    }

    /** Maistra 2.x: a member's pod has a sidecar when it asks for one. */
    static boolean maistraInjects(Map<String, String> podAnnotations) {
        return "true".equalsIgnoreCase(podAnnotations.get(MeshView.INJECT));
    }

    /** The revision whose injector takes a pod under Istio's label rules, or empty when none does. */
    static Optional<String> requestedRevision(Map<String, String> namespaceLabels, Map<String, String> podLabels,
                                              Map<String, String> podAnnotations) {
        if ("false".equalsIgnoreCase(podLabels.get(MeshView.INJECT))
                || "false".equalsIgnoreCase(podAnnotations.get(MeshView.INJECT))
                || "disabled".equals(namespaceLabels.get(INJECTION_LABEL))) {
            return Optional.empty();
        }
        if ("enabled".equals(namespaceLabels.get(INJECTION_LABEL))) {
            return Optional.of(DEFAULT_REVISION);
        }
        if (namespaceLabels.get(REVISION_LABEL) != null) {
            return Optional.of(namespaceLabels.get(REVISION_LABEL));
        }
        if (podLabels.get(REVISION_LABEL) != null) {
            return Optional.of(podLabels.get(REVISION_LABEL));
        }
        return "true".equalsIgnoreCase(podLabels.get(MeshView.INJECT)) ? Optional.of(DEFAULT_REVISION) : Optional.empty();
    }

    /** Why upstream Istio's injector does or does not give a pod its proxy, in one sentence. */
    static String injectionReason(ControlPlane cp, String namespace, boolean declared, Map<String, String> namespaceLabels,
                                  Map<String, String> podLabels, Map<String, String> podAnnotations, boolean injected) {
        String mesh = cp.title();
        if (injected && !declared && !namespace.equals(cp.namespace())) {
            return "namespace " + namespace + " is not in the input, so it is assumed labelled "
                    + INJECTION_LABEL + "=enabled for " + mesh;
        }
        if (injected) {
            String by = "enabled".equals(namespaceLabels.get(INJECTION_LABEL)) ? "its namespace's label " + INJECTION_LABEL + "=enabled"
                    : namespaceLabels.get(REVISION_LABEL) != null ? "its namespace's label " + REVISION_LABEL + "="
                    + namespaceLabels.get(REVISION_LABEL)
                    : podLabels.get(REVISION_LABEL) != null ? "its pod label " + REVISION_LABEL + "=" + podLabels.get(REVISION_LABEL)
                    : "its pod label " + MeshView.INJECT + "=true";
            return mesh + " injects it by " + by;
        }
        if ("false".equalsIgnoreCase(podLabels.get(MeshView.INJECT))
                || "false".equalsIgnoreCase(podAnnotations.get(MeshView.INJECT))) {
            return "its pod opts out with " + MeshView.INJECT + "=false";
        }
        if ("disabled".equals(namespaceLabels.get(INJECTION_LABEL))) {
            return "its namespace is labelled " + INJECTION_LABEL + "=disabled";
        }
        Optional<String> revision = requestedRevision(namespaceLabels, podLabels, podAnnotations);
        if (revision.isPresent()) {
            return "it asks for revision " + revision.get() + ", which no control plane in the input runs";
        }
        return "neither namespace " + namespace + " (label " + INJECTION_LABEL + "=enabled or " + REVISION_LABEL
                + "=REV) nor its pod (label " + MeshView.INJECT + "=true) asks " + mesh + " for injection";
    }

    /** Gateway injection: the pod asks for the {@code gateway} template instead of a sidecar. */
    static boolean injectedGateway(Map<String, String> podAnnotations) {
        String templates = podAnnotations.get(TEMPLATES_ANNOTATION);
        return templates != null && java.util.Arrays.asList(templates.split(",")).contains("gateway");
    }

    /**
     * Whether plain YAML without a control plane is meant for a mesh: it has Istio configuration, or namespaces or
     * pods labelled for injection. Then upstream Istio's defaults are assumed rather than no mesh at all.
     */
    static boolean looksMeshed(ResourceSet resources, NamespaceLabels namespaces) {
        for (HasMetadata r : resources.all()) {
            String api = r.getApiVersion() == null ? "" : r.getApiVersion();
            if (api.startsWith("networking.istio.io/") || api.startsWith("security.istio.io/")) {
                return true;
            }
            if (r instanceof Deployment d && d.getSpec() != null && d.getSpec().getTemplate() != null
                    && d.getSpec().getTemplate().getMetadata() != null
                    && requestedRevision(Map.of(), Specs.orEmpty(d.getSpec().getTemplate().getMetadata().getLabels()),
                    Map.of()).isPresent()) {
                return true;
            }
        }
        return namespaces.labels().values().stream()
                .anyMatch(labels -> requestedRevision(labels, Map.of(), Map.of()).isPresent());
    }
}
