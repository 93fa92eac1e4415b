package io.egressstudio.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRuleBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.Sidecar;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationBuilder;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The meshes in a {@link ResourceSet}, as Maistra 2.x runs them: which control plane owns which namespace, what each
 * control plane creates by itself, which workloads have sidecars, and each control plane's {@link MeshIndex}. Also
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
    private final Map<String, GenericKubernetesResource> federation = new LinkedHashMap<>();
    private final List<String> ignoredConfig = new ArrayList<>();
    private final Map<String, String> origins = new HashMap<>();

    private MeshView(ResourceSet resources) {
        this.resources = resources;
    }

    public static MeshView of(ResourceSet resources) {
        MeshView view = new MeshView(resources);
        view.build();
        return view;
    }

    public ResourceSet resources() {
        return resources;
    }

    public List<ControlPlane> controlPlanes() {
        return controlPlanes;
    }

    /** The control plane that reads configuration from a namespace (a member's, or its own), or null. */
    public ControlPlane controlPlaneOf(String namespace) {
        return controlPlaneByNamespace.get(namespace);
    }

    public MeshIndex index(ControlPlane cp) {
        return indexes.get(cp.key());
    }

    public MeshIndex indexOf(String namespace) {
        ControlPlane cp = controlPlaneOf(namespace);
        return cp == null ? null : index(cp);
    }

    public WorkloadInfo workload(String namespace, String name) {
        return workloads.get(namespace + "/" + name);
    }

    public List<WorkloadInfo> workloads() {
        return List.copyOf(workloads.values());
    }

    public List<WorkloadInfo> workloadsIn(String namespace) {
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
        return new WorkloadInfo(namespace, name, Map.of("app", name), controlPlaneOf(namespace) != null, false, false,
                null, Map.of());
    }

    /** A Kubernetes Service by its cluster host ({@code name.ns.svc.cluster.local}), in any namespace. */
    public MeshService kubernetesService(String host) {
        return kubernetesServices.get(host);
    }

    public List<WorkloadInfo> workloadsSelectedBy(MeshService service) {
        List<WorkloadInfo> out = new ArrayList<>();
        for (WorkloadInfo w : workloadsIn(service.namespace())) {
            if (w.selectedBy(service.selector())) {
                out.add(w);
            }
        }
        return out;
    }

    public List<Route> routesFor(String host) {
        return routesByHost.getOrDefault(host == null ? "" : host.toLowerCase(Locale.ROOT), List.of());
    }

    public Secret secret(String namespace, String name) {
        return secrets.get(namespace + "/" + name);
    }

    /** A federation resource (ServiceMeshPeer, ExportedServiceSet, ImportedServiceSet) by kind, namespace and name. */
    public GenericKubernetesResource federationResource(String kind, String namespace, String name) {
        return federation.get(kind + "/" + namespace + "/" + name);
    }

    public List<GenericKubernetesResource> federationResources(String kind) {
        return federation.entrySet().stream().filter(e -> e.getKey().startsWith(kind + "/")).map(Map.Entry::getValue)
                .toList();
    }

    /** Istio configuration in namespaces no control plane reads: istiod never sees it. */
    public List<String> ignoredConfig() {
        return ignoredConfig;
    }

    /** Where a resource key came from (a file and line, a scenario element, or "implied by ..."). */
    public String origin(String key) {
        return origins.get(key);
    }

    public static String key(HasMetadata r) {
        return r.getKind() + "/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
    }

    // ------------------------------------------------------------------------------------------------ building

    private void build() {
        for (ResourceSet.Entry e : resources.entries()) {
            origins.put(key(e.resource()), e.origin());
        }
        readControlPlanes();
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
        for (ResourceSet.Entry e : resources.ofKind("ServiceMeshControlPlane")) {
            if (!(e.resource() instanceof GenericKubernetesResource smcp)) {
                continue;
            }
            String ns = smcp.getMetadata().getNamespace();
            Boolean mtls = Specs.bool(smcp, "spec.security.dataPlane.mtls");
            Boolean autoMtls = Specs.bool(smcp, "spec.security.dataPlane.automtls");
            String policy = Specs.string(smcp, "spec.proxy.networking.trafficControl.outbound.policy");
            Boolean ingress = Specs.bool(smcp, "spec.gateways.ingress.enabled");
            Boolean egress = Specs.bool(smcp, "spec.gateways.egress.enabled");
            Boolean gatewaysEnabled = Specs.bool(smcp, "spec.gateways.enabled");
            String trustDomain = Specs.string(smcp, "spec.security.trust.domain");
            Set<String> members = new LinkedHashSet<>();
            for (ResourceSet.Entry roll : resources.ofKind("ServiceMeshMemberRoll")) {
                if (roll.resource() instanceof GenericKubernetesResource smmr
                        && ns.equals(smmr.getMetadata().getNamespace())) {
                    for (Object m : Specs.list(Specs.path(smmr, "spec.members"))) {
                        members.add(m.toString());
                    }
                }
            }
            for (ResourceSet.Entry member : resources.ofKind("ServiceMeshMember")) {
                if (member.resource() instanceof GenericKubernetesResource smm) {
                    String refNs = Specs.string(smm, "spec.controlPlaneRef.namespace");
                    String refName = Specs.string(smm, "spec.controlPlaneRef.name");
                    if (ns.equals(refNs) && (refName == null || refName.equals(smcp.getMetadata().getName()))) {
                        members.add(smm.getMetadata().getNamespace());
                    }
                }
            }
            members.remove(ns);
            Map<String, Map<String, String>> additional = new LinkedHashMap<>();
            for (String section : new String[] {"additionalIngress", "additionalEgress"}) {
                Map<String, Object> gws = Specs.map(Specs.path(smcp, "spec.gateways." + section));
                for (Map.Entry<String, Object> gw : gws.entrySet()) {
                    Map<String, Object> spec = Specs.map(gw.getValue());
                    if (Boolean.FALSE.equals(spec.get("enabled"))) {
                        continue;
                    }
                    Map<String, String> labels = new LinkedHashMap<>();
                    labels.put("app", gw.getKey());
                    labels.put("istio", gw.getKey());
                    Map<String, Object> svcLabels = Specs.map(Specs.map(Specs.map(spec.get("service")).get("metadata"))
                            .get("labels"));
                    svcLabels.forEach((k, v) -> labels.put(k, String.valueOf(v)));
                    labels.put("egress-studio.io/gateway-kind", section.equals("additionalIngress") ? "ingress" : "egress");
                    additional.put(gw.getKey(), labels);
                }
            }
            boolean all = !Boolean.FALSE.equals(gatewaysEnabled);
            ControlPlane cp = new ControlPlane(smcp.getMetadata().getName(), ns,
                    Specs.string(smcp, "spec.version") == null ? "v2.1" : Specs.string(smcp, "spec.version"),
                    Boolean.TRUE.equals(mtls), Boolean.TRUE.equals(autoMtls),
                    policy == null ? ControlPlane.ALLOW_ANY : policy.toUpperCase(Locale.ROOT),
                    all && !Boolean.FALSE.equals(ingress), all && !Boolean.FALSE.equals(egress),
                    trustDomain == null ? "cluster.local" : trustDomain, members, additional, e.origin());
            controlPlanes.add(cp);
            controlPlaneByNamespace.putIfAbsent(ns, cp);
            for (String m : members) {
                controlPlaneByNamespace.putIfAbsent(m, cp);
            }
        }
    }

    private void readWorkloads() {
        for (HasMetadata r : resources.all()) {
            if (!(r instanceof Deployment d)) {
                continue;
            }
            String ns = d.getMetadata().getNamespace();
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, String> annotations = new LinkedHashMap<>();
            if (d.getSpec() != null && d.getSpec().getTemplate() != null && d.getSpec().getTemplate().getMetadata() != null) {
                labels.putAll(Specs.orEmpty(d.getSpec().getTemplate().getMetadata().getLabels()));
                annotations.putAll(Specs.orEmpty(d.getSpec().getTemplate().getMetadata().getAnnotations()));
            }
            if (labels.isEmpty()) {
                labels.putAll(Specs.orEmpty(d.getMetadata().getLabels()));
            }
            ControlPlane cp = controlPlaneOf(ns);
            boolean gateway = cp != null && cp.namespace().equals(ns) && isGatewayName(cp, d.getMetadata().getName());
            boolean sidecar = cp != null && !gateway && "true".equalsIgnoreCase(annotations.get(INJECT));
            addWorkload(new WorkloadInfo(ns, d.getMetadata().getName(), labels, sidecar, gateway, true, key(d), annotations));
        }
        for (ControlPlane cp : controlPlanes) {
            if (cp.ingressEnabled()) {
                impliedGateway(cp, INGRESS_GATEWAY, Map.of("app", INGRESS_GATEWAY, "istio", "ingressgateway"));
            }
            if (cp.egressEnabled()) {
                impliedGateway(cp, EGRESS_GATEWAY, Map.of("app", EGRESS_GATEWAY, "istio", "egressgateway"));
            }
            cp.additionalGateways().forEach((name, labels) -> impliedGateway(cp, name, labels));
        }
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
            kubernetesServices.put(host, new MeshService(host, ns, MeshService.Kind.KUBERNETES, ports, List.of(),
                    "MESH_INTERNAL", "STATIC", List.of(), key(s), Specs.orEmpty(s.getSpec().getSelector()), null, null, null));
        }
        for (ControlPlane cp : controlPlanes) {
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
        for (MeshService s : kubernetesServices.values()) {
            MeshIndex index = indexOf(s.namespace());
            if (index != null) {
                index.addService(s);
            }
        }
        for (HasMetadata r : resources.all()) {
            String kind = r.getKind();
            boolean istio = r.getApiVersion() != null && (r.getApiVersion().startsWith("networking.istio.io/")
                    || r.getApiVersion().startsWith("security.istio.io/"));
            if (!istio) {
                continue;
            }
            String ns = r.getMetadata().getNamespace();
            MeshIndex index = ns == null ? null : indexOf(ns);
            if (index == null) {
                ignoredConfig.add(key(r));
                continue;
            }
            switch (kind) {
                case "ServiceEntry" -> addServiceEntry(index, r);
                case "DestinationRule" -> {
                    DestinationRule spec = Specs.destinationRule(r);
                    if (spec != null && spec.getHost() != null) {
                        index.addDestinationRule(new Rules.Dr(key(r), ns, r.getMetadata().getName(),
                                Hosts.fqdn(spec.getHost(), ns), spec, false));
                    }
                }
                case "VirtualService" -> {
                    VirtualService spec = Specs.virtualService(r);
                    if (spec != null) {
                        List<String> hosts = Specs.orEmpty(spec.getHosts()).stream().map(h -> Hosts.fqdn(h, ns)).toList();
                        List<String> gateways = Specs.orEmpty(spec.getGateways()).isEmpty() ? List.of("mesh")
                                : spec.getGateways().stream().map(g -> gatewayRef(g, ns)).toList();
                        index.addVirtualService(new Rules.Vs(key(r), ns, r.getMetadata().getName(), hosts, gateways, spec));
                    }
                }
                case "Gateway" -> {
                    Gateway spec = Specs.gateway(r);
                    if (spec != null) {
                        index.addGateway(new Rules.Gw(key(r), ns, r.getMetadata().getName(),
                                Map.copyOf(Specs.orEmpty(spec.getSelector())), spec));
                    }
                }
                case "Sidecar" -> {
                    Sidecar spec = Specs.sidecar(r);
                    if (spec != null) {
                        Map<String, String> selector = spec.getWorkloadSelector() == null ? Map.of()
                                : Specs.orEmpty(spec.getWorkloadSelector().getLabels());
                        index.addSidecar(new Rules.Sc(key(r), ns, r.getMetadata().getName(), selector, spec));
                    }
                }
                case "PeerAuthentication" -> {
                    PeerAuthentication spec = Specs.peerAuthentication(r);
                    if (spec != null) {
                        Map<String, String> selector = spec.getSelector() == null ? Map.of()
                                : Specs.orEmpty(spec.getSelector().getMatchLabels());
                        index.addPeerAuthentication(new Rules.Pa(key(r), ns, r.getMetadata().getName(), selector, spec, false));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** {@code name} in a VirtualService means the Gateway in the VirtualService's namespace. */
    public static String gatewayRef(String gateway, String vsNamespace) {
        if (gateway.equals("mesh")) {
            return gateway;
        }
        return gateway.contains("/") ? gateway : vsNamespace + "/" + gateway;
    }

    private void addServiceEntry(MeshIndex index, HasMetadata r) {
        ServiceEntry spec = Specs.serviceEntry(r);
        if (spec == null) {
            return;
        }
        String ns = r.getMetadata().getNamespace();
        List<ServicePort> ports = new ArrayList<>();
        for (io.fabric8.istio.api.api.networking.v1alpha3.ServicePort p : Specs.orEmpty(spec.getPorts())) {
            if (p.getNumber() == null) {
                continue;
            }
            ports.add(new ServicePort(p.getNumber().intValue(), p.getName(), Protocol.of(p.getProtocol()),
                    p.getTargetPort() == null ? null : p.getTargetPort().intValue()));
        }
        String hint = Specs.orEmpty(r.getMetadata().getAnnotations()).get(SERVER_ANNOTATION);
        for (String host : Specs.orEmpty(spec.getHosts())) {
            index.addService(new MeshService(Hosts.fqdn(host, ns), ns, MeshService.Kind.SERVICE_ENTRY, ports,
                    Specs.orEmpty(spec.getExportTo()), spec.getLocation() == null ? "MESH_EXTERNAL" : spec.getLocation().name(),
                    spec.getResolution() == null ? "NONE" : spec.getResolution().name(), Specs.orEmpty(spec.getAddresses()),
                    key(r), Map.of(), null, null, hint));
        }
    }

    /**
     * What Maistra 2.1's charts create from the SMCP in its namespace: with {@code dataPlane.mtls} a STRICT
     * PeerAuthentication {@code default}, a DestinationRule {@code default} for {@code *.local} with ISTIO_MUTUAL and
     * a DestinationRule {@code api-server} that disables mTLS to the API server; without it a PERMISSIVE
     * PeerAuthentication {@code default}. Objects the set already holds under those names win.
     */
    private void addImplied() {
        for (ControlPlane cp : controlPlanes) {
            MeshIndex index = index(cp);
            String ns = cp.namespace();
            String implied = "implied by " + cp.key();
            String paKey = "PeerAuthentication/" + ns + "/default";
            if (resources.get("PeerAuthentication", ns, "default").isEmpty()) {
                PeerAuthentication pa = new PeerAuthenticationBuilder().withNewMtls()
                        .withMode(cp.mtls() ? PeerAuthenticationMutualTLSMode.STRICT : PeerAuthenticationMutualTLSMode.PERMISSIVE)
                        .endMtls().build();
                index.addPeerAuthentication(new Rules.Pa(paKey, ns, "default", Map.of(), pa, true));
                origins.put(paKey, implied);
            }
            if (cp.mtls()) {
                if (resources.get("DestinationRule", ns, "default").isEmpty()) {
                    DestinationRule dr = new DestinationRuleBuilder().withHost("*.local").withNewTrafficPolicy().withNewTls()
                            .withMode(ClientTLSSettingsTLSmode.ISTIO_MUTUAL).endTls().endTrafficPolicy().build();
                    String key = "DestinationRule/" + ns + "/default";
                    index.addDestinationRule(new Rules.Dr(key, ns, "default", "*.local", dr, true));
                    origins.put(key, implied);
                }
                if (resources.get("DestinationRule", ns, "api-server").isEmpty()) {
                    DestinationRule dr = new DestinationRuleBuilder().withHost("kubernetes.default.svc.cluster.local")
                            .withNewTrafficPolicy().withNewTls().withMode(ClientTLSSettingsTLSmode.DISABLE).endTls()
                            .endTrafficPolicy().build();
                    String key = "DestinationRule/" + ns + "/api-server";
                    index.addDestinationRule(new Rules.Dr(key, ns, "api-server", "kubernetes.default.svc.cluster.local", dr, true));
                    origins.put(key, implied);
                }
            }
        }
    }

    private void readFederation() {
        for (HasMetadata r : resources.all()) {
            if (r instanceof GenericKubernetesResource g && g.getApiVersion() != null
                    && g.getApiVersion().startsWith("federation.maistra.io/")) {
                federation.put(key(g), g);
            }
        }
        for (GenericKubernetesResource iss : federationResources("ImportedServiceSet")) {
            MeshIndex index = indexOf(iss.getMetadata().getNamespace());
            if (index == null || !index.controlPlane().namespace().equals(iss.getMetadata().getNamespace())) {
                continue;
            }
            String peer = iss.getMetadata().getName();
            for (Object ruleObject : Specs.list(Specs.path(iss, "spec.importRules"))) {
                Map<String, Object> rule = Specs.map(ruleObject);
                Map<String, Object> selector = Specs.map(rule.get("nameSelector"));
                String ns = (String) selector.get("namespace");
                String name = (String) selector.get("name");
                if (ns == null || name == null || ns.contains("*") || name.contains("*")) {
                    continue;
                }
                Map<String, Object> alias = Specs.map(selector.get("alias"));
                String localNs = alias.get("namespace") == null ? ns : alias.get("namespace").toString();
                String localName = alias.get("name") == null ? name : alias.get("name").toString();
                boolean asLocal = Boolean.TRUE.equals(rule.get("importAsLocal")) || Boolean.TRUE.equals(selector.get("importAsLocal"));
                String host = localName + "." + localNs + ".svc." + (asLocal ? "cluster.local" : peer + "-imports.local");
                index.addService(new MeshService(host, index.rootNamespace(), MeshService.Kind.IMPORTED,
                        exportedPorts(peer, index.controlPlane(), ns, name), List.of(), "MESH_INTERNAL", "STATIC",
                        List.of(), key(iss), Map.of(), peer, name + "." + ns, null));
            }
        }
    }

    /** The exporting mesh of a peer: the control plane named like the peer, or the one exporting to this mesh. */
    public ControlPlane peerControlPlane(String peer, ControlPlane importer) {
        for (ControlPlane cp : controlPlanes) {
            if (cp != importer && cp.name().equals(peer)) {
                return cp;
            }
        }
        for (ControlPlane cp : controlPlanes) {
            if (cp != importer && federationResource("ExportedServiceSet", cp.namespace(), importer.name()) != null) {
                return cp;
            }
        }
        return null;
    }

    /** The service an exporting mesh exports under {@code name.namespace} to {@code importer}, as a cluster host. */
    public String exportedService(ControlPlane exporter, ControlPlane importer, String ns, String name) {
        GenericKubernetesResource ess = federationResource("ExportedServiceSet", exporter.namespace(), importer.name());
        if (ess == null) {
            for (GenericKubernetesResource candidate : federationResources("ExportedServiceSet")) {
                if (candidate.getMetadata().getNamespace().equals(exporter.namespace())) {
                    ess = candidate;
                    break;
                }
            }
        }
        if (ess == null) {
            return null;
        }
        for (Object ruleObject : Specs.list(Specs.path(ess, "spec.exportRules"))) {
            Map<String, Object> selector = Specs.map(Specs.map(ruleObject).get("nameSelector"));
            Map<String, Object> alias = Specs.map(selector.get("alias"));
            String realNs = String.valueOf(selector.get("namespace"));
            String realName = String.valueOf(selector.get("name"));
            String asNs = alias.get("namespace") == null ? realNs : alias.get("namespace").toString();
            String asName = alias.get("name") == null ? realName : alias.get("name").toString();
            if (asNs.equals(ns) && asName.equals(name)) {
                return realName + "." + realNs + Hosts.CLUSTER_SUFFIX;
            }
        }
        return null;
    }

    private List<ServicePort> exportedPorts(String peer, ControlPlane importer, String ns, String name) {
        ControlPlane exporter = peerControlPlane(peer, importer);
        if (exporter != null) {
            String host = exportedService(exporter, importer, ns, name);
            MeshService svc = host == null ? null : kubernetesService(host);
            if (svc != null) {
                return svc.ports();
            }
        }
        return List.of();
    }
}
