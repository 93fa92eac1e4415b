package io.egressstudio.mesh;

import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.type.v1beta1.PolicyTargetReference;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AuthorizationPolicies (security.istio.io) of a set as istiod reads them, and which of them a proxy enforces. By
 * Istio's rules, a workload's proxy enforces the policies of the mesh's root namespace (the control plane's namespace)
 * and of its own namespace whose {@code selector} matches its pod labels (no selector: every workload there). A policy
 * with {@code targetRef(s)} attaches to a Gateway API gateway, a waypoint or a service instead of by selector
 * ({@link Policy#attached()}); those are kept for the proxies that honour them and never apply by selector.
 * Policies in a namespace no control plane reads are not read, as istiod ignores them.
 */
public final class AuthorizationPolicies {
    /** Istio's annotation that makes a policy log its decision without enforcing it. */
    public static final String DRY_RUN = "istio.io/dry-run";
    /** The service account of an egress or ingress gateway that the control plane deploys (Maistra, Helm charts). */
    static final String GATEWAY_ACCOUNT_SUFFIX = "-service-account";

    /**
     * One AuthorizationPolicy.
     *
     * @param action   ALLOW (also when unset), DENY, AUDIT or CUSTOM
     * @param selector its {@code selector.matchLabels}; empty: every workload of its namespace (or of the mesh, in
     *                 the root namespace)
     * @param targets  its {@code targetRef} and {@code targetRefs} as {@code Kind/name}
     * @param dryRun   {@code istio.io/dry-run: "true"}: evaluated and logged, never enforced
     * @param root     whether it is in the root namespace of the control plane that reads it
     */
    public record Policy(String key, String namespace, String name, String action, Map<String, String> selector,
                         List<String> targets, AuthorizationPolicy spec, boolean dryRun, boolean root) {
        public Policy {
            selector = Map.copyOf(selector);
            targets = List.copyOf(targets);
        }

        public List<Rule> rules() {
            return Specs.orEmpty(spec.getRules());
        }

        /** Whether it attaches by targetRef(s) rather than by selector. */
        public boolean attached() {
            return !targets.isEmpty();
        }

        /** Whether its selector (or its namespace, without one) takes in this workload. */
        public boolean selects(WorkloadInfo w) {
            if (attached() || !(root || namespace.equals(w.namespace()))) {
                return false;
            }
            return selector.isEmpty() || w.selectedBy(selector);
        }
    }

    private final List<Policy> policies;
    private final MeshView view;

    private AuthorizationPolicies(MeshView view, List<Policy> policies) {
        this.view = view;
        this.policies = List.copyOf(policies);
    }

    /** The policies of the view's resource set that a control plane reads. */
    public static AuthorizationPolicies of(MeshView view) {
        List<Policy> policies = new ArrayList<>();
        for (ResourceSet.Entry e : view.resources().ofKind("AuthorizationPolicy")) {
            HasMetadata r = e.resource();
            String ns = r.getMetadata().getNamespace();
            ControlPlane cp = ns == null ? null : view.controlPlaneOf(ns);
            AuthorizationPolicy spec = spec(r);
            if (cp == null || spec == null || r.getApiVersion() == null
                    || !r.getApiVersion().startsWith("security.istio.io/")) {
                continue;
            }
            Map<String, String> selector = spec.getSelector() == null ? Map.of()
                    : Specs.orEmpty(spec.getSelector().getMatchLabels());
            List<String> targets = new ArrayList<>();
            if (spec.getTargetRef() != null) {
                targets.add(target(spec.getTargetRef()));
            }
            Specs.orEmpty(spec.getTargetRefs()).forEach(t -> targets.add(target(t)));
            String action = spec.getAction() == null ? "ALLOW" : spec.getAction().name();
            boolean dryRun = "true".equalsIgnoreCase(Specs.orEmpty(r.getMetadata().getAnnotations()).get(DRY_RUN));
            policies.add(new Policy(MeshView.key(r), ns, r.getMetadata().getName(), action, selector, targets, spec,
                    dryRun, ns.equals(cp.namespace())));
        }
        return new AuthorizationPolicies(view, policies);
    }

    public List<Policy> all() {
        return policies;
    }

    /** The ALLOW and DENY policies: those whose rules decide a request (CUSTOM and AUDIT decide nothing predicted). */
    public List<Policy> deciding() {
        return policies.stream().filter(p -> p.action().equals("ALLOW") || p.action().equals("DENY")).toList();
    }

    /**
     * The policies a workload's proxy enforces: of its control plane's root namespace and of its own namespace,
     * selecting it. Only policies of the control plane that configures it count.
     */
    public List<Policy> applyingTo(WorkloadInfo w) {
        ControlPlane cp = view.controlPlaneOf(w.namespace());
        if (cp == null) {
            return List.of();
        }
        return policies.stream().filter(p -> view.controlPlaneOf(p.namespace()) == cp).filter(p -> p.selects(w)).toList();
    }

    /**
     * The policies a waypoint enforces for a service it serves: those whose targetRefs name the waypoint (a Gateway in
     * its namespace), the ServiceEntry (in the entry's namespace) or, from the root namespace, the GatewayClass
     * {@code istio-waypoint}. istiod sends targetRef policies to waypoints only, never to ztunnel.
     */
    public List<Policy> attachedToWaypoint(String waypointNamespace, String waypointName, MeshService service) {
        ControlPlane cp = view.controlPlaneOf(waypointNamespace);
        if (cp == null) {
            return List.of();
        }
        return policies.stream().filter(p -> view.controlPlaneOf(p.namespace()) == cp)
                .filter(p -> targetsWaypoint(p, waypointNamespace, waypointName) || targetsService(p, service))
                .toList();
    }

    private static boolean targetsWaypoint(Policy p, String waypointNamespace, String waypointName) {
        return p.namespace().equals(waypointNamespace) && p.targets().contains("Gateway/" + waypointName)
                || p.root() && p.targets().contains("GatewayClass/" + Ambient.WAYPOINT_CLASS);
    }

    /** Whether a policy's targetRefs name this ServiceEntry (a targetRef names an object of the policy's namespace). */
    public static boolean targetsService(Policy p, MeshService service) {
        if (service == null || service.kind() != MeshService.Kind.SERVICE_ENTRY) {
            return false;
        }
        String[] key = service.key().split("/", 3);
        return key.length == 3 && p.namespace().equals(key[1]) && p.targets().contains("ServiceEntry/" + key[2]);
    }

    /** The workloads a selector-based policy applies to, among those the input describes (or implies). */
    public List<WorkloadInfo> selected(Policy p) {
        ControlPlane cp = view.controlPlaneOf(p.namespace());
        return view.workloads().stream().filter(w -> (w.sidecar() || w.gateway()) && view.controlPlaneOf(w.namespace()) == cp)
                .filter(p::selects).toList();
    }

    /**
     * The Istio identity of a workload's proxy, as a policy's principals name it ({@code TRUST_DOMAIN/ns/NS/sa/SA}):
     * its pod template's service account, {@code default} without one; a control-plane gateway the input does not
     * declare runs as {@code NAME-service-account}, as Maistra and Istio's gateway charts deploy it.
     */
    public String principal(WorkloadInfo w) {
        ControlPlane cp = view.controlPlaneOf(w.namespace());
        String trustDomain = cp == null ? "cluster.local" : cp.trustDomain();
        return trustDomain + "/ns/" + w.namespace() + "/sa/" + serviceAccount(w);
    }

    String serviceAccount(WorkloadInfo w) {
        if (w.key() != null) {
            String[] parts = w.key().split("/", 3);
            HasMetadata r = parts.length == 3 ? view.resources().get(parts[0], parts[1], parts[2])
                    .map(ResourceSet.Entry::resource).orElse(null) : null;
            if (r instanceof Deployment d && d.getSpec() != null && d.getSpec().getTemplate() != null
                    && d.getSpec().getTemplate().getSpec() != null
                    && d.getSpec().getTemplate().getSpec().getServiceAccountName() != null) {
                return d.getSpec().getTemplate().getSpec().getServiceAccountName();
            }
            if (r instanceof io.fabric8.kubernetes.api.model.Pod pod && pod.getSpec() != null
                    && pod.getSpec().getServiceAccountName() != null) {
                return pod.getSpec().getServiceAccountName();
            }
        }
        if (w.gateway() && !w.declared()) {
            return w.name() + GATEWAY_ACCOUNT_SUFFIX;
        }
        return "default";
    }

    private static String target(PolicyTargetReference ref) {
        return (ref.getKind() == null ? "" : ref.getKind()) + "/" + ref.getName();
    }

    /**
     * The spec of an AuthorizationPolicy read as security.istio.io/v1 or v1beta1, or a generic resource. No spec is
     * the empty spec: Istio's "allow-nothing" policy (ALLOW without rules).
     */
    static AuthorizationPolicy spec(HasMetadata r) {
        if (r instanceof io.fabric8.istio.api.security.v1.AuthorizationPolicy p) {
            return p.getSpec() == null ? new AuthorizationPolicy() : p.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.security.v1beta1.AuthorizationPolicy p) {
            return p.getSpec() == null ? new AuthorizationPolicy() : p.getSpec();
        }
        if (r instanceof GenericKubernetesResource g && g.getAdditionalProperties().get("spec") != null) {
            try {
                return Specs.SERIALIZATION.convertValue(g.getAdditionalProperties().get("spec"), AuthorizationPolicy.class);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return r instanceof GenericKubernetesResource ? new AuthorizationPolicy() : null;
    }
}
