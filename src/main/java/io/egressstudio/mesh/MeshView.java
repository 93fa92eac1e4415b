package io.egressstudio.mesh;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The meshes in a {@link ResourceSet}, as their control planes run them (Maistra 2.x, OpenShift Service Mesh 3 or
 * upstream Istio, {@link FlavourRules}): which control plane reads which namespace, what each control plane creates by
 * itself, which workloads have sidecars, and each control plane's {@link MeshIndex}. Also
 * the cluster-wide facts a request meets outside any mesh: Kubernetes Services, OpenShift Routes and Secrets.
 */
public final class MeshView {
    public static final String INJECT = "sidecar.istio.io/inject";
    public static final String INGRESS_GATEWAY = "istio-ingressgateway";
    public static final String EGRESS_GATEWAY = "istio-egressgateway";
    /** An optional annotation on a ServiceEntry telling what the external server speaks: PLAINTEXT, TLS, MUTUAL_TLS. */
    public static final String SERVER_ANNOTATION = "egress-studio.io/server";

    private final ResourceSet resources;
    private final List<ControlPlane> controlPlanes = new ArrayList<>();
    private final Map<String, ControlPlane> controlPlaneByNamespace = new HashMap<>();
    private final Map<String, MeshIndex> indexes = new LinkedHashMap<>();
    private final Map<String, WorkloadInfo> workloads = new LinkedHashMap<>();
    private final Map<String, List<WorkloadInfo>> workloadsByNamespace = new HashMap<>();
    private final Map<String, MeshService> kubernetesServices = new LinkedHashMap<>();
    private final Map<String, List<Route>> routesByHost = new HashMap<>();
    private final Map<String, Secret> secrets = new HashMap<>();
    private MeshFederation federation;
    private final List<String> ignoredConfig = new ArrayList<>();
    private final java.util.Set<String> assumedInjection = new java.util.TreeSet<>();
    private NamespaceLabels namespaceLabels;
    private Ambient ambient;
    private final Map<String, String> origins = new HashMap<>();
    private final List<KubernetesGateways.RouteProblem> routeProblems = new ArrayList<>();
    /** What the prediction being made reads, while one is recorded ({@link #recording}); one thread records. */
    private Reads reads;

    private MeshView(ResourceSet resources) {
        this.resources = resources;
    }

    /**
     * What one prediction read of a view: the control planes whose configuration it looked at (their indexes and
     * settings), or all of them. What is not per control plane (workloads, Kubernetes Services, Routes, Secrets,
     * federation, namespace labels) every prediction counts as read. {@link Changes#unchangedFor} then says whether a
     * later view answers every read the same, so the prediction need not be made again.
     */
    public static final class Reads {
        private final java.util.Set<String> controlPlanes = new java.util.HashSet<>();
        private boolean all;
        /** The prediction took resources from the whole set ({@link #resources()}): only an equal set answers the same. */
        private boolean everything;

        private void read(ControlPlane cp) {
            if (cp != null) {
                controlPlanes.add(cp.key());
            }
        }

        /** Reads that begin with one control plane's settings: work given that control plane reads them. */
        public static Reads of(ControlPlane cp) {
            Reads reads = new Reads();
            reads.read(cp);
            return reads;
        }
    }

    /**
     * Runs {@code work} (a prediction), noting in {@code into} what it reads of this view. Every public method that
     * answers from a control plane's configuration notes it (ArchitectureTest checks that each one calls a note).
     */
    public <T> T recording(Reads into, java.util.function.Supplier<T> work) {
        Reads outer = reads;
        reads = into;
        try {
            return work.get();
        } finally {
            reads = outer;
        }
    }

    private ControlPlane noteRead(ControlPlane cp) {
        if (reads != null) {
            reads.read(cp);
        }
        return cp;
    }

    private void noteReadOfEverything() {
        if (reads != null) {
            reads.everything = true;
        }
    }

    private void noteReadOfAll() {
        if (reads != null) {
            reads.all = true;
        }
    }

    /** Facts every prediction reads (not per control plane): compared whole between two views. */
    private void noteReadOfShared() {
        // nothing to note: Changes compares the shared facts for every prediction
    }

    /** What differs between an earlier view and this one, as far as predictions read them; computed once each. */
    public Changes changesFrom(MeshView earlier) {
        return new Changes(earlier, this);
    }

    /** Whether a prediction made on the earlier view reads the same from the later one. */
    public static final class Changes {
        private final MeshView earlier;
        private final MeshView later;
        private final boolean sharedSame;
        private final Map<String, Boolean> controlPlaneSame = new HashMap<>();
        private Boolean allSame;
        private Boolean everythingSame;

        private Changes(MeshView earlier, MeshView later) {
            this.earlier = earlier;
            this.later = later;
            this.sharedSame = later.sharedFactsEqual(earlier);
        }

        /** True when every read noted in {@code reads} answers the same in the later view as in the earlier one. */
        public boolean unchangedFor(Reads reads) {
            if (!sharedSame) {
                return false;
            }
            if (reads.everything) {
                if (everythingSame == null) {
                    everythingSame = earlier.resources.all().equals(later.resources.all());
                }
                if (!everythingSame) {
                    return false;
                }
            }
            if (reads.all) {
                if (allSame == null) {
                    allSame = earlier.controlPlaneKeys().equals(later.controlPlaneKeys())
                            && later.controlPlaneKeys().stream().allMatch(this::same);
                }
                return allSame;
            }
            for (String key : reads.controlPlanes) {
                if (!same(key)) {
                    return false;
                }
            }
            return true;
        }

        private boolean same(String key) {
            return controlPlaneSame.computeIfAbsent(key, k -> {
                MeshIndex before = earlier.indexes.get(k);
                MeshIndex after = later.indexes.get(k);
                return before != null && after != null && before.sameContent(after);
            });
        }
    }

    /**
     * Kinds (API group/kind) whose content reaches a prediction only through what {@link Changes} compares: the control
     * planes' indexes and settings, and the shared facts (a prediction that takes resources from {@link #resources()}
     * itself is kept only for an equal set). Any other kind (workloads' Deployments and Services, Namespaces, an
     * AuthorizationPolicy, a ConfigMap, a kind added later that some class reads ahead of a prediction) is compared
     * whole, so no reader can miss a change.
     */
    private static final java.util.Set<String> READ_THROUGH_THE_VIEW = java.util.Set.of(
            "networking.istio.io/ServiceEntry", "networking.istio.io/DestinationRule",
            "networking.istio.io/VirtualService", "networking.istio.io/Gateway", "networking.istio.io/Sidecar",
            "security.istio.io/PeerAuthentication", "/Secret", "route.openshift.io/Route", "maistra.io/ServiceMeshControlPlane", "maistra.io/ServiceMeshMemberRoll",
            "maistra.io/ServiceMeshMember", "federation.maistra.io/ServiceMeshPeer",
            "federation.maistra.io/ExportedServiceSet", "federation.maistra.io/ImportedServiceSet");

    private static boolean readThroughTheView(HasMetadata r) {
        String apiVersion = r.getApiVersion() == null ? "" : r.getApiVersion();
        int slash = apiVersion.indexOf('/');
        return READ_THROUGH_THE_VIEW.contains((slash < 0 ? "" : apiVersion.substring(0, slash)) + "/" + r.getKind());
    }

    private boolean otherResourcesEqual(MeshView o) {
        List<HasMetadata> mine = resources.all().stream().filter(r -> !readThroughTheView(r)).toList();
        List<HasMetadata> theirs = o.resources.all().stream().filter(r -> !readThroughTheView(r)).toList();
        return mine.equals(theirs);
    }

    private List<String> controlPlaneKeys() {
        return controlPlanes.stream().map(ControlPlane::key).toList();
    }

    /** The facts that are not any control plane's own, equal in both views (which control plane reads which namespace too). */
    private boolean sharedFactsEqual(MeshView o) {
        if (!controlPlaneKeys().equals(o.controlPlaneKeys()) || controlPlaneByNamespace.size() != o.controlPlaneByNamespace.size()) {
            return false;
        }
        for (Map.Entry<String, ControlPlane> e : controlPlaneByNamespace.entrySet()) {
            ControlPlane other = o.controlPlaneByNamespace.get(e.getKey());
            if (other == null || !other.key().equals(e.getValue().key())) {
                return false;
            }
        }
        return otherResourcesEqual(o) && workloads.equals(o.workloads) && kubernetesServices.equals(o.kubernetesServices)
                && routesByHost.equals(o.routesByHost) && secrets.equals(o.secrets)
                && federation.sameResources(o.federation) && ignoredConfig.equals(o.ignoredConfig)
                && assumedInjection.equals(o.assumedInjection) && namespaceLabels.equals(o.namespaceLabels)
                && ambient.equals(o.ambient)
                && origins.equals(o.origins) && routeProblems.equals(o.routeProblems);
    }

    public static MeshView of(ResourceSet resources) {
        // istiod reads Gateway API objects as the Istio objects it converts them to
        KubernetesGateways.Converted converted = KubernetesGateways.withImplied(resources);
        MeshView view = new MeshView(converted.resources());
        view.routeProblems.addAll(converted.problems());
        view.build();
        return view;
    }

    public ResourceSet resources() {
        noteReadOfEverything();
        return resources;
    }

    public List<ControlPlane> controlPlanes() {
        noteReadOfAll();
        return controlPlanes;
    }

    /** The control plane that reads configuration from a namespace (a member's, or its own), or null. */
    public ControlPlane controlPlaneOf(String namespace) {
        ControlPlane cp = controlPlaneByNamespace.get(namespace);
        if (cp != null || namespace == null) {
            return noteRead(cp);
        }
        noteReadOfAll();
        for (ControlPlane c : controlPlanes) {
            if (c.discoversUnlisted()) {
                return c;
            }
        }
        return null;
    }

    /**
     * Namespaces the input does not declare whose workloads the view takes as injected (upstream Istio decides by
     * the namespace's labels, which the input does not show).
     */
    public java.util.Set<String> assumedInjection() {
        noteReadOfAll();
        return java.util.Collections.unmodifiableSet(assumedInjection);
    }

    public MeshIndex index(ControlPlane cp) {
        noteRead(cp);
        return indexes.get(cp.key());
    }

    public MeshIndex indexOf(String namespace) {
        ControlPlane cp = controlPlaneOf(namespace);
        return cp == null ? null : index(cp);
    }

    public WorkloadInfo workload(String namespace, String name) {
        noteReadOfShared();
        return workloads.get(namespace + "/" + name);
    }

    public List<WorkloadInfo> workloads() {
        noteReadOfShared();
        return List.copyOf(workloads.values());
    }

    public List<WorkloadInfo> workloadsIn(String namespace) {
        noteReadOfShared();
        return workloadsByNamespace.getOrDefault(namespace, List.of());
    }

    /**
     * The workload a request comes from: the declared Deployment, or, when the set has none, an assumed one that has
     * a sidecar when its namespace is a member.
     */
    public WorkloadInfo clientWorkload(String namespace, String name) {
        WorkloadInfo w = workload(namespace, name);
        if (w != null) {
            return w;
        }
        Map<String, String> labels = Map.of("app", name);
        return new WorkloadInfo(namespace, name, labels, assumedSidecar(namespace, labels), false, false, null, Map.of());
    }

    /**
     * Whether a pod the set does not declare would have a sidecar: in Maistra when its namespace is a member (the
     * assumed pod asks for injection), otherwise by its namespace's injection labels.
     */
    public boolean assumedSidecar(String namespace, Map<String, String> podLabels) {
        noteReadOfAll();
        ControlPlane cp = controlPlaneOf(namespace);
        return cp != null && (cp.flavour().memberRoll() || injectedBy(namespace, podLabels, Map.of(), false) != null);
    }

    /**
     * Namespaces the input declares with an injection label for a control plane whose discovery selectors leave them
     * out: their pods get a proxy that istiod never configures. Namespace to that control plane.
     */
    public Map<String, ControlPlane> injectedOutsideDiscovery() {
        noteReadOfAll();
        Map<String, ControlPlane> out = new java.util.TreeMap<>();
        for (String ns : namespaceLabels.labels().keySet()) {
            FlavourRules.requestedRevision(namespaceLabels.of(ns), Map.of(), Map.of())
                    .flatMap(revision -> upstreamControlPlane(revision))
                    .filter(cp -> !cp.owns(ns))
                    .ifPresent(cp -> out.put(ns, cp));
        }
        return out;
    }

    /**
     * The namespaces an upstream control plane injects, as the input shows them: declared Namespaces labelled for
     * its revision, and the namespaces of workloads it gives a sidecar. Its own namespace is not one.
     */
    public List<String> injectedNamespaces(ControlPlane cp) {
        noteReadOfAll();
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String ns : namespaceLabels.labels().keySet().stream().sorted().toList()) {
            if (!ns.equals(cp.namespace()) && FlavourRules.requestedRevision(namespaceLabels.of(ns), Map.of(), Map.of())
                    .flatMap(this::upstreamControlPlane).filter(c -> c == cp).isPresent()) {
                out.add(ns);
            }
        }
        for (WorkloadInfo w : workloads.values()) {
            if (w.sidecar() && w.declared() && !w.namespace().equals(cp.namespace())
                    && controlPlaneOf(w.namespace()) == cp) {
                out.add(w.namespace());
            }
        }
        return List.copyOf(out);
    }

    /** Whether a PeerAuthentication in the control plane's root namespace makes its whole mesh STRICT. */
    public boolean strictMeshWide(ControlPlane cp) {
        MeshIndex index = index(cp);
        return index != null && "STRICT".equals(index.meshWideMtlsMode());
    }

    /** Namespaces the input shows being read by more than one control plane; the view uses the first. */
    public Map<String, List<ControlPlane>> sharedNamespaces() {
        noteReadOfAll();
        Map<String, List<ControlPlane>> out = new java.util.TreeMap<>();
        for (String ns : namespaceLabels.known()) {
            List<ControlPlane> readers = controlPlanes.stream().filter(cp -> cp.owns(ns)).toList();
            if (readers.size() > 1) {
                out.put(ns, readers);
            }
        }
        return out;
    }

    /** Why a workload has or lacks a sidecar, by its control plane's injection rules, in one sentence. */
    public String sidecarReason(WorkloadInfo w) {
        ControlPlane cp = controlPlaneOf(w.namespace());
        if (cp == null) {
            return "namespace " + w.namespace() + " is not in any mesh";
        }
        if (cp.flavour().memberRoll()) {
            return w.sidecar() ? "namespace " + w.namespace() + " is a member of mesh " + cp.name()
                    + " and the pod asks for injection"
                    : (w.declared() ? "its pod template lacks the annotation " + INJECT
                    + ": \"true\" (Maistra does not inject automatically)"
                    : "namespace " + w.namespace() + " is not a member of mesh " + cp.name());
        }
        return FlavourRules.injectionReason(cp, w.namespace(), namespaceLabels.labels().containsKey(w.namespace()),
                namespaceLabels.of(w.namespace()), w.labels(), w.annotations(), w.sidecar() || w.gateway());
    }

    /** A Kubernetes Service by its cluster host ({@code name.ns.svc.cluster.local}), in any namespace. */
    public MeshService kubernetesService(String host) {
        noteReadOfShared();
        return kubernetesServices.get(host);
    }

    public List<WorkloadInfo> workloadsSelectedBy(MeshService service) {
        noteReadOfShared();
        List<WorkloadInfo> out = new ArrayList<>();
        for (WorkloadInfo w : workloadsIn(service.namespace())) {
            if (w.selectedBy(service.selector())) {
                out.add(w);
            }
        }
        return out;
    }

    public List<Route> routesFor(String host) {
        noteReadOfShared();
        return routesByHost.getOrDefault(host == null ? "" : host.toLowerCase(Locale.ROOT), List.of());
    }

    public Secret secret(String namespace, String name) {
        noteReadOfShared();
        return secrets.get(namespace + "/" + name);
    }

    /** A federation resource (ServiceMeshPeer, ExportedServiceSet, ImportedServiceSet) by kind, namespace and name. */
    public GenericKubernetesResource federationResource(String kind, String namespace, String name) {
        noteReadOfShared();
        return federation.resource(kind, namespace, name);
    }

    public List<GenericKubernetesResource> federationResources(String kind) {
        noteReadOfShared();
        return federation.ofKind(kind);
    }

    /** Gateway API routes that attach nowhere, or to no listener, and backends istiod refuses (from their spec). */
    public List<KubernetesGateways.RouteProblem> routeProblems() {
        noteReadOfShared();
        return List.copyOf(routeProblems);
    }

    /** The waypoints and the ServiceEntries' waypoint bindings of the set (ambient mode, {@link Ambient}). */
    public Ambient ambient() {
        noteReadOfShared();
        return ambient;
    }

    /** The waypoint binding of a ServiceEntry host, or null for a Kubernetes Service or an import. */
    public Ambient.Binding waypointBinding(MeshService service) {
        noteReadOfShared();
        return service == null ? null : ambient.bindings().get(service.key());
    }

    /**
     * Whether ztunnel captures a workload's traffic. Its labels may ask for ambient mode where the control plane
     * cannot run it (Maistra 2.x, Istio before 1.24): then it is not captured, and the reason says so.
     */
    public Ambient.Enrolment ambientEnrolment(WorkloadInfo w) {
        noteReadOfShared();
        if (w.gateway()) {
            return new Ambient.Enrolment(false, false, "a gateway proxy is not captured by ztunnel");
        }
        Ambient.Enrolment e = Ambient.enrolment(namespaceLabels, w.namespace(), w.labels(), w.sidecar());
        if (!e.ambient()) {
            return e;
        }
        ControlPlane cp = controlPlaneOf(w.namespace());
        String unsupported = Ambient.unsupportedBy(cp);
        if (cp == null) {
            return new Ambient.Enrolment(false, true, e.reason() + ", but no control plane reads namespace "
                    + w.namespace());
        }
        return unsupported == null ? e : new Ambient.Enrolment(false, true, e.reason() + ", but " + unsupported);
    }

    /** Istio configuration in namespaces no control plane reads: istiod never sees it. */
    public List<String> ignoredConfig() {
        noteReadOfShared();
        return ignoredConfig;
    }

    /** Where a resource key came from (a file and line, a scenario element, or "implied by ..."). */
    public String origin(String key) {
        noteReadOfShared();
        return origins.get(key);
    }

    public static String key(HasMetadata r) {
        String ns = r.getMetadata().getNamespace();
        return r.getKind() + "/" + (ns == null ? "" : ns) + "/" + r.getMetadata().getName();
    }

    // ------------------------------------------------------------------------------------------------ building

    private void build() {
        for (ResourceSet.Entry e : resources.entries()) {
            origins.put(key(e.resource()), e.origin());
        }
        readControlPlanes();
        ambient = Ambient.of(resources, namespaceLabels);
        readWorkloads();
        readServices();
        for (ControlPlane cp : controlPlanes) {
            indexes.put(cp.key(), new MeshIndex(cp));
        }
        readIstioConfig();
        addImplied();
        readFederation();
        for (HasMetadata r : resources.all()) {
            if (r instanceof Route route && route.getSpec() != null && route.getSpec().getHost() != null) {
                routesByHost.computeIfAbsent(route.getSpec().getHost().toLowerCase(Locale.ROOT), h -> new ArrayList<>())
                        .add(route);
            } else if (r instanceof Secret secret) {
                secrets.put(secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName(), secret);
            }
        }
    }

    private void readControlPlanes() {
        namespaceLabels = NamespaceLabels.of(resources);
        for (ControlPlane cp : ControlPlaneReader.read(resources)) {
            controlPlanes.add(cp);
            controlPlaneByNamespace.putIfAbsent(cp.namespace(), cp);
            for (String m : cp.members()) {
                controlPlaneByNamespace.putIfAbsent(m, cp);
            }
        }
    }
    private void readWorkloads() {
        for (HasMetadata r : resources.all()) {
            // a Deployment's pods carry its template's metadata; a bare Pod (istioctl's test data) its own
            io.fabric8.kubernetes.api.model.ObjectMeta podMeta;
            if (r instanceof Deployment d) {
                podMeta = d.getSpec() == null || d.getSpec().getTemplate() == null ? null
                        : d.getSpec().getTemplate().getMetadata();
            } else if (r instanceof io.fabric8.kubernetes.api.model.Pod pod) {
                podMeta = pod.getMetadata();
            } else {
                continue;
            }
            String ns = r.getMetadata().getNamespace();
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, String> annotations = new LinkedHashMap<>();
            if (podMeta != null) {
                labels.putAll(Specs.orEmpty(podMeta.getLabels()));
                annotations.putAll(Specs.orEmpty(podMeta.getAnnotations()));
            }
            if (labels.isEmpty()) {
                labels.putAll(Specs.orEmpty(r.getMetadata().getLabels()));
            }
            ControlPlane cp = controlPlaneOf(ns);
            boolean gateway;
            boolean sidecar;
            if (KubernetesGateways.deployedForGateway(labels)) {
                // istiod deploys a Gateway API gateway's proxy itself, uninjected, wherever the Gateway is
                gateway = cp != null;
                sidecar = false;
            } else if (cp == null || cp.flavour().memberRoll()) {
                gateway = cp != null && cp.namespace().equals(ns) && isGatewayName(cp, r.getMetadata().getName());
                sidecar = cp != null && !gateway && FlavourRules.maistraInjects(annotations);
            } else {
                boolean injected = injectedBy(ns, labels, annotations, true) != null;
                gateway = injected && FlavourRules.injectedGateway(annotations);
                sidecar = injected && !gateway;
            }
            addWorkload(new WorkloadInfo(ns, r.getMetadata().getName(), labels, sidecar, gateway, true, key(r), annotations));
        }
        for (ControlPlane cp : controlPlanes) {
            if (!cp.flavour().controlPlaneCreatesResources()) {
                continue;
            }
            if (cp.ingressEnabled()) {
                impliedGateway(cp, INGRESS_GATEWAY, Map.of("app", INGRESS_GATEWAY, "istio", "ingressgateway"));
            }
            if (cp.egressEnabled()) {
                impliedGateway(cp, EGRESS_GATEWAY, Map.of("app", EGRESS_GATEWAY, "istio", "egressgateway"));
            }
            cp.additionalGateways().forEach((name, labels) -> impliedGateway(cp, name, labels));
        }
    }

    /**
     * The upstream control plane whose injector takes a pod, by Istio's label rules ({@link FlavourRules}), or null.
     * A namespace the input does not declare is taken as labelled for injection, and listed as such an assumption.
     */
    private ControlPlane injectedBy(String ns, Map<String, String> podLabels, Map<String, String> podAnnotations,
                                    boolean declared) {
        Map<String, String> nsLabels = namespaceLabels.of(ns);
        if (!namespaceLabels.labels().containsKey(ns) && !"false".equalsIgnoreCase(podLabels.get(INJECT))
                && !"false".equalsIgnoreCase(podAnnotations.get(INJECT))) {
            ControlPlane cp = controlPlaneOf(ns);
            if (cp != null && !cp.flavour().memberRoll() && !cp.namespace().equals(ns)) {
                if (declared) {
                    assumedInjection.add(ns);
                }
                return cp;
            }
        }
        return FlavourRules.requestedRevision(nsLabels, podLabels, podAnnotations)
                .flatMap(this::upstreamControlPlane).orElse(null);
    }

    /** The upstream control plane running a revision; {@code default} also names the only one there is (its tag). */
    private java.util.Optional<ControlPlane> upstreamControlPlane(String revision) {
        List<ControlPlane> upstream = controlPlanes.stream().filter(c -> !c.flavour().memberRoll()).toList();
        for (ControlPlane c : upstream) {
            if (revision.equals(c.revision())) {
                return java.util.Optional.of(c);
            }
        }
        return revision.equals(FlavourRules.DEFAULT_REVISION) && upstream.size() == 1
                ? java.util.Optional.of(upstream.get(0)) : java.util.Optional.empty();
    }

    private static boolean isGatewayName(ControlPlane cp, String name) {
        return name.equals(INGRESS_GATEWAY) || name.equals(EGRESS_GATEWAY) || cp.additionalGateways().containsKey(name);
    }

    private void impliedGateway(ControlPlane cp, String name, Map<String, String> labels) {
        if (workload(cp.namespace(), name) == null) {
            addWorkload(new WorkloadInfo(cp.namespace(), name, labels, false, true, true,
                    "Deployment/" + cp.namespace() + "/" + name, Map.of()));
            origins.put("Deployment/" + cp.namespace() + "/" + name, "implied by " + cp.key());
        }
    }

    private void addWorkload(WorkloadInfo w) {
        workloads.put(w.id(), w);
        workloadsByNamespace.computeIfAbsent(w.namespace(), n -> new ArrayList<>()).add(w);
    }

    private void readServices() {
        for (HasMetadata r : resources.all()) {
            if (!(r instanceof Service s) || s.getSpec() == null) {
                continue;
            }
            String ns = s.getMetadata().getNamespace();
            List<ServicePort> ports = new ArrayList<>();
            for (io.fabric8.kubernetes.api.model.ServicePort p : Specs.orEmpty(s.getSpec().getPorts())) {
                Integer target = p.getTargetPort() != null && p.getTargetPort().getIntVal() != null
                        ? p.getTargetPort().getIntVal() : null;
                ports.add(new ServicePort(p.getPort(), p.getName(), Protocol.ofServicePort(p.getName(), p.getAppProtocol()),
                        target));
            }
            String host = s.getMetadata().getName() + "." + ns + Hosts.CLUSTER_SUFFIX;
            // what a server without a sidecar speaks, where the Service says so (decision 0005)
            String serverHint = Specs.orEmpty(s.getMetadata().getAnnotations()).get(SERVER_ANNOTATION);
            kubernetesServices.put(host, new MeshService(host, ns, MeshService.Kind.KUBERNETES, ports, List.of(),
                    "MESH_INTERNAL", "STATIC", List.of(), key(s), Specs.orEmpty(s.getSpec().getSelector()), null, null,
                    serverHint));
        }
        for (ControlPlane cp : controlPlanes) {
            if (!cp.flavour().controlPlaneCreatesResources()) {
                continue;
            }
            List<ServicePort> standard = List.of(new ServicePort(80, "http2", Protocol.HTTP2, 8080),
                    new ServicePort(443, "https", Protocol.HTTPS, 8443), new ServicePort(15443, "tls", Protocol.TLS, 15443));
            if (cp.ingressEnabled()) {
                impliedService(cp, INGRESS_GATEWAY, standard, Map.of("istio", "ingressgateway"));
            }
            if (cp.egressEnabled()) {
                impliedService(cp, EGRESS_GATEWAY, standard, Map.of("istio", "egressgateway"));
            }
            cp.additionalGateways().forEach((name, labels) -> impliedService(cp, name,
                    List.of(new ServicePort(15443, "tls", Protocol.TLS, 15443),
                            new ServicePort(8188, "https-discovery", Protocol.HTTPS, 8188)), Map.of("istio", name)));
        }
    }

    private void impliedService(ControlPlane cp, String name, List<ServicePort> ports, Map<String, String> selector) {
        String host = name + "." + cp.namespace() + Hosts.CLUSTER_SUFFIX;
        if (!kubernetesServices.containsKey(host)) {
            String key = "Service/" + cp.namespace() + "/" + name;
            kubernetesServices.put(host, new MeshService(host, cp.namespace(), MeshService.Kind.KUBERNETES, ports,
                    List.of(), "MESH_INTERNAL", "STATIC", List.of(), key, selector, null, null, null));
            origins.put(key, "implied by " + cp.key());
        }
    }

    private void readIstioConfig() {
        IstioConfigReader.read(this, resources, kubernetesServices.values(), ignoredConfig);
    }

    /** {@code name} in a VirtualService means the Gateway in the VirtualService's namespace. */
    public static String gatewayRef(String gateway, String vsNamespace) {
        if (gateway.equals("mesh")) {
            return gateway;
        }
        return gateway.contains("/") ? gateway : vsNamespace + "/" + gateway;
    }

    private void addImplied() {
        for (ControlPlane cp : controlPlanes) {
            if (!cp.flavour().controlPlaneCreatesResources()) {
                continue;
            }
            MaistraDefaults.add(resources, cp, index(cp), origins);
        }
    }

    private void readFederation() {
        federation = new MeshFederation(resources, controlPlanes);
        federation.registerImports(this);
    }

    /** The exporting mesh of a peer: the control plane named like the peer, or the one exporting to this mesh. */
    public ControlPlane peerControlPlane(String peer, ControlPlane importer) {
        noteReadOfAll();
        return federation.peerControlPlane(peer, importer);
    }

    /** The service an exporting mesh exports under {@code name.namespace} to {@code importer}, as a cluster host. */
    public String exportedService(ControlPlane exporter, ControlPlane importer, String ns, String name) {
        noteReadOfAll();
        return federation.exportedService(exporter, importer, ns, name);
    }
}
