package io.egressstudio.mesh;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Istio's ambient data plane as istiod reads it from a set: which pods ztunnel captures
 * ({@code istio.io/dataplane-mode=ambient} on the namespace or the pod, {@code none} on the pod opts out, a sidecar
 * wins), the waypoints (Gateways of class {@code istio-waypoint}) and the waypoint each ServiceEntry is bound to by
 * {@code istio.io/use-waypoint}. Rules and sources: docs/research/gateway-api-and-ambient-egress.md §3 (istiod
 * {@code pilot/pkg/serviceregistry/ambient/waypoints.go}); decision 0033.
 *
 * @param waypoints by {@code namespace/name}
 * @param bindings  per ServiceEntry key, what its labels (or its namespace's) ask for and whether istiod binds it
 */
public record Ambient(Map<String, Waypoint> waypoints, Map<String, Binding> bindings) {
    public static final String DATAPLANE_MODE = "istio.io/dataplane-mode";
    public static final String USE_WAYPOINT = "istio.io/use-waypoint";
    public static final String USE_WAYPOINT_NAMESPACE = "istio.io/use-waypoint-namespace";
    public static final String WAYPOINT_FOR = "istio.io/waypoint-for";
    public static final String WAYPOINT_CLASS = "istio-waypoint";
    /** The first Istio minor release with ambient mode generally available (1.24, November 2024). */
    public static final int AMBIENT_MINOR = 24;

    public Ambient {
        waypoints = Map.copyOf(waypoints);
        bindings = Map.copyOf(bindings);
    }

    /**
     * A waypoint: a Gateway of class {@code istio-waypoint}; istiod deploys a proxy named like it.
     *
     * @param trafficFor    {@code istio.io/waypoint-for}: service (the default), workload, all or none
     * @param forSource     where that value comes from, for the explanation
     * @param allowedFrom   its listener's {@code allowedRoutes.namespaces.from}: Same (default), All or Selector
     * @param allowedLabels for Selector, the namespaces' labels it selects
     * @param hboneListener whether it has the {@code {protocol: HBONE, port: 15008}} listener traffic arrives on
     */
    public record Waypoint(String key, String namespace, String name, String trafficFor, String forSource,
                           String allowedFrom, Map<String, String> allowedLabels, boolean hboneListener) {
        public Waypoint {
            allowedLabels = Map.copyOf(allowedLabels);
        }

        public String id() {
            return namespace + "/" + name;
        }

        /** Whether a ServiceEntry can bind to it: istiod's fetchWaypointForService accepts service and all only. */
        public boolean takesServiceTraffic() {
            return trafficFor.equals("service") || trafficFor.equals("all");
        }
    }

    /**
     * What a ServiceEntry asks of ambient mode and what istiod makes of it.
     *
     * @param requested the waypoint named ({@code namespace/name}), or null when neither the entry nor its namespace
     *                  names one (or it names {@code none})
     * @param source    where the name comes from: the label on the entry or on its namespace
     * @param waypoint  the waypoint it is bound to, or null
     * @param problem   why it is not bound although it asks (istiod's {@code istio.io/WaypointBound} reason), or null
     */
    public record Binding(String service, String requested, String source, Waypoint waypoint, String problem) {
        public boolean bound() {
            return waypoint != null;
        }
    }

    /**
     * Whether ztunnel captures a pod, and why in one sentence.
     *
     * @param asked whether its labels (or its namespace's) ask for ambient mode, captured or not
     */
    public record Enrolment(boolean ambient, boolean asked, String reason) {
    }

    static Ambient of(ResourceSet resources, NamespaceLabels namespaces) {
        Map<String, String> classFor = new LinkedHashMap<>();
        for (ResourceSet.Entry e : resources.ofKind("GatewayClass")) {
            String value = labels(e.resource()).get(WAYPOINT_FOR);
            if (value != null && isGatewayApi(e.resource())) {
                classFor.put(e.resource().getMetadata().getName(), value);
            }
        }
        Map<String, Waypoint> waypoints = new LinkedHashMap<>();
        for (ResourceSet.Entry e : resources.ofKind("Gateway")) {
            HasMetadata r = e.resource();
            if (!isGatewayApi(r)) {
                continue; // an Istio Gateway: not converted, which costs a read of its whole spec
            }
            Map<String, Object> spec = spec(r);
            if (!WAYPOINT_CLASS.equals(spec.get("gatewayClassName"))) {
                continue;
            }
            String trafficFor = labels(r).get(WAYPOINT_FOR);
            String source = "its label " + WAYPOINT_FOR;
            if (trafficFor == null && classFor.containsKey(WAYPOINT_CLASS)) {
                trafficFor = classFor.get(WAYPOINT_CLASS);
                source = "the label " + WAYPOINT_FOR + " of GatewayClass " + WAYPOINT_CLASS;
            }
            if (trafficFor == null) {
                trafficFor = "service";
                source = "the default, without a " + WAYPOINT_FOR + " label";
            }
            String from = "Same";
            Map<String, String> selected = Map.of();
            boolean hbone = false;
            for (Object l : Specs.list(spec.get("listeners"))) {
                Map<String, Object> listener = Specs.map(l);
                if ("HBONE".equals(listener.get("protocol")) && "15008".equals(String.valueOf(listener.get("port")))) {
                    hbone = true;
                    Map<String, Object> namespacesAllowed = Specs.map(Specs.map(listener.get("allowedRoutes")).get("namespaces"));
                    if (namespacesAllowed.get("from") != null) {
                        from = String.valueOf(namespacesAllowed.get("from"));
                    }
                    Map<String, String> match = new LinkedHashMap<>();
                    Specs.map(Specs.map(namespacesAllowed.get("selector")).get("matchLabels"))
                            .forEach((k, v) -> match.put(k, String.valueOf(v)));
                    selected = match;
                }
            }
            Waypoint w = new Waypoint(MeshView.key(r), r.getMetadata().getNamespace(), r.getMetadata().getName(),
                    trafficFor, source, from, selected, hbone);
            waypoints.put(w.id(), w);
        }
        Map<String, Binding> bindings = new LinkedHashMap<>();
        for (ResourceSet.Entry e : resources.ofKind("ServiceEntry")) {
            HasMetadata r = e.resource();
            if (!Specs.isIstioNetworking(r) || r.getMetadata().getNamespace() == null) {
                continue;
            }
            Binding b = bind(MeshView.key(r), r.getMetadata().getNamespace(), labels(r), namespaces, waypoints);
            bindings.put(b.service(), b);
        }
        return new Ambient(waypoints, bindings);
    }

    /** istiod's order: the entry's own label ({@code none} opts out), then its namespace's; waypoint namespace likewise. */
    private static Binding bind(String key, String ns, Map<String, String> labels, NamespaceLabels namespaces,
                                Map<String, Waypoint> waypoints) {
        Map<String, String> nsLabels = namespaces.of(ns);
        String name;
        String waypointNs;
        String source;
        if (labels.get(USE_WAYPOINT) != null) {
            name = labels.get(USE_WAYPOINT);
            waypointNs = labels.get(USE_WAYPOINT_NAMESPACE) == null ? ns : labels.get(USE_WAYPOINT_NAMESPACE);
            source = "its label " + USE_WAYPOINT;
        } else if (nsLabels.get(USE_WAYPOINT) != null) {
            name = nsLabels.get(USE_WAYPOINT);
            waypointNs = nsLabels.get(USE_WAYPOINT_NAMESPACE) == null ? ns : nsLabels.get(USE_WAYPOINT_NAMESPACE);
            source = "the label " + USE_WAYPOINT + " of its namespace " + ns;
        } else {
            return new Binding(key, null, null, null, null);
        }
        if (name.equals("none")) {
            return new Binding(key, null, source + " (none: opted out)", null, null);
        }
        String requested = waypointNs + "/" + name;
        Waypoint w = waypoints.get(requested);
        String problem = null;
        if (w == null) {
            problem = "waypoint " + requested + " does not exist (no Gateway of class " + WAYPOINT_CLASS + " by that name)";
        } else if (!admits(w, ns, nsLabels)) {
            problem = "waypoint " + requested + " does not admit namespace " + ns + " (its listener's allowedRoutes "
                    + "namespaces.from is " + w.allowedFrom() + "): AttachmentDenied";
        } else if (!w.takesServiceTraffic()) {
            problem = "waypoint " + requested + " is for \"" + w.trafficFor() + "\" traffic (" + w.forSource() + "), and a "
                    + "ServiceEntry binds only to a waypoint for service or all: UnsupportedTrafficType";
        }
        return new Binding(key, requested, source, problem == null ? w : null, problem);
    }

    private static boolean admits(Waypoint w, String ns, Map<String, String> nsLabels) {
        return switch (w.allowedFrom()) {
            case "All" -> true;
            case "Selector" -> !w.allowedLabels().isEmpty() && w.allowedLabels().entrySet().stream()
                    .allMatch(l -> l.getValue().equals(nsLabels.get(l.getKey())));
            default -> w.namespace().equals(ns);
        };
    }

    /**
     * Whether ztunnel captures a pod: not when it has a sidecar (the sidecar takes precedence), the pod's own
     * {@code istio.io/dataplane-mode} first ({@code none} opts out), then its namespace's.
     */
    static Enrolment enrolment(NamespaceLabels namespaces, String ns, Map<String, String> podLabels, boolean sidecar) {
        String pod = podLabels.get(DATAPLANE_MODE);
        String namespace = namespaces.of(ns).get(DATAPLANE_MODE);
        boolean asked = "ambient".equals(pod) || pod == null && "ambient".equals(namespace);
        if (!asked) {
            return new Enrolment(false, false, "none".equals(pod) && "ambient".equals(namespace)
                    ? "the pod opts out of ambient mode with " + DATAPLANE_MODE + "=none" : "not enrolled in ambient mode");
        }
        if (sidecar) {
            return new Enrolment(false, true, "it has a sidecar, which takes precedence over ztunnel");
        }
        return new Enrolment(true, true, "ambient".equals(pod) ? "the pod is labelled " + DATAPLANE_MODE + "=ambient"
                : "namespace " + ns + " is labelled " + DATAPLANE_MODE + "=ambient");
    }

    /** Why a control plane cannot run ambient mode, or null when it can. */
    public static String unsupportedBy(ControlPlane cp) {
        if (cp == null) {
            return null;
        }
        if (cp.flavour().memberRoll()) {
            return cp.title() + " has no ambient mode (no ztunnel): the label does nothing and the pod is outside the mesh";
        }
        if (cp.istioMinor() < AMBIENT_MINOR) {
            return cp.title() + " predates ambient mode as Egress Studio predicts it (generally available from Istio 1."
                    + AMBIENT_MINOR + "): the pod is predicted outside the mesh";
        }
        return null;
    }

    /** The ServiceEntries whose binding names a waypoint, by key. */
    public List<Binding> requesting() {
        List<Binding> out = new ArrayList<>();
        bindings.values().stream().filter(b -> b.requested() != null).forEach(out::add);
        return out;
    }

    /** The Gateway API routes (keys) whose parentRefs name a ServiceEntry: honoured only by its waypoint in ambient. */
    public static List<String> routesWithParent(ResourceSet resources, String ns, String name) {
        List<String> out = new ArrayList<>();
        for (String kind : List.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute")) {
            for (ResourceSet.Entry e : resources.ofKind(kind)) {
                HasMetadata route = e.resource();
                String routeNs = route.getMetadata().getNamespace();
                boolean parent = isGatewayApi(route) && Specs.list(spec(route).get("parentRefs")).stream().map(Specs::map)
                        .anyMatch(p -> "ServiceEntry".equals(p.get("kind")) && name.equals(p.get("name"))
                                && ns.equals(p.get("namespace") == null ? routeNs : String.valueOf(p.get("namespace"))));
                if (parent) {
                    out.add(MeshView.key(route));
                }
            }
        }
        return out;
    }

    private static boolean isGatewayApi(HasMetadata r) {
        return r.getApiVersion() != null && r.getApiVersion().startsWith(KubernetesGateways.GROUP + "/");
    }

    private static Map<String, String> labels(HasMetadata r) {
        return Specs.orEmpty(r.getMetadata().getLabels());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(HasMetadata r) {
        Map<String, Object> all = Specs.SERIALIZATION.convertValue(r, Map.class);
        return Specs.map(all.get("spec"));
    }
}
