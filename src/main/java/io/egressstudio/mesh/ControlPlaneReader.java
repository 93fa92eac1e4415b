package io.egressstudio.mesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.egressstudio.model.MeshFlavour;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The control planes of a set, whatever runs them: each Maistra ServiceMeshControlPlane with the defaults its charts
 * apply and the namespaces its member roll and ServiceMeshMembers make members; each Sail operator {@code Istio} or
 * {@code IstioRevision} (OpenShift Service Mesh 3); each IstioOperator or {@code istio} mesh-config ConfigMap
 * (upstream Istio). An input with Istio configuration but none of these is read as upstream Istio with its defaults
 * in {@code istio-system}, as a cluster installed by Helm without overrides runs it.
 */
final class ControlPlaneReader {
    static final String UPSTREAM_ROOT = "istio-system";
    static final String MESH_CONFIG_MAP = "istio";
    private static final ObjectMapper MESH_YAML = new YAMLMapper();

    private ControlPlaneReader() {
    }

    static List<ControlPlane> read(ResourceSet resources) {
        NamespaceLabels namespaces = NamespaceLabels.of(resources);
        List<ControlPlane> out = new ArrayList<>(maistra(resources));
        Set<String> revisions = new LinkedHashSet<>();
        for (ResourceSet.Entry e : resources.entries()) {
            HasMetadata r = e.resource();
            String group = r.getApiVersion() == null ? "" : r.getApiVersion();
            if (r instanceof GenericKubernetesResource g && group.startsWith("sailoperator.io/")
                    && (r.getKind().equals("Istio") || r.getKind().equals("IstioRevision"))
                    && revisions.add(r.getMetadata().getName())) {
                out.add(upstream(MeshFlavour.OSSM_3, e, Specs.string(g, "spec.namespace"), r.getMetadata().getName(),
                        Specs.string(g, "spec.version"), MeshConfig.of(Specs.path(g, "spec.values.meshConfig")),
                        namespaces));
            } else if (r instanceof GenericKubernetesResource g && r.getKind().equals("IstioOperator")
                    && group.startsWith("install.istio.io/")) {
                String revision = Specs.string(g, "spec.revision");
                if (revisions.add(revision == null || revision.isEmpty() ? "default" : revision)) {
                    out.add(upstream(MeshFlavour.ISTIO, e, r.getMetadata().getNamespace(),
                            revision == null || revision.isEmpty() ? "default" : revision, Specs.string(g, "spec.tag"),
                            MeshConfig.of(Specs.path(g, "spec.meshConfig")), namespaces));
                }
            }
        }
        // Maistra's control plane writes its own mesh config (istio-SMCP) beside its SMCP: that is the SMCP, not another
        Set<String> maistraNamespaces = new java.util.HashSet<>();
        out.stream().filter(cp -> cp.flavour().memberRoll()).forEach(cp -> maistraNamespaces.add(cp.namespace()));
        for (ResourceSet.Entry e : resources.entries()) {
            if (e.resource() instanceof ConfigMap cm && isMeshConfigMap(cm)
                    && !maistraNamespaces.contains(cm.getMetadata().getNamespace())) {
                String name = cm.getMetadata().getName();
                String revision = name.equals(MESH_CONFIG_MAP) ? "default" : name.substring(MESH_CONFIG_MAP.length() + 1);
                if (revisions.add(revision)) {
                    out.add(upstream(MeshFlavour.ISTIO, e, cm.getMetadata().getNamespace(), revision, null,
                            meshConfig(cm), namespaces));
                }
            }
        }
        if (out.isEmpty() && FlavourRules.looksMeshed(resources, namespaces)) {
            out.add(upstream(MeshFlavour.ISTIO, null, UPSTREAM_ROOT, "default", null, MeshConfig.DEFAULTS, namespaces));
        }
        return out;
    }

    private static boolean isMeshConfigMap(ConfigMap cm) {
        String name = cm.getMetadata().getName();
        return name != null && (name.equals(MESH_CONFIG_MAP) || name.startsWith(MESH_CONFIG_MAP + "-"))
                && cm.getData() != null && cm.getData().containsKey("mesh");
    }

    /** The {@code mesh} key of an {@code istio} ConfigMap; unreadable YAML there counts as Istio's defaults. */
    private static MeshConfig meshConfig(ConfigMap cm) {
        try {
            return MeshConfig.of(MESH_YAML.readValue(cm.getData().get("mesh"), Object.class));
        } catch (JsonProcessingException | RuntimeException e) {
            return MeshConfig.DEFAULTS;
        }
    }

    /**
     * A control plane of OpenShift Service Mesh 3 or upstream Istio. It reads configuration from every namespace its
     * discovery selectors select (all when it has none); which pods get a sidecar is the injection labels' business.
     *
     * @param defining the resource that defines it, or null for the defaults assumed when the input has none
     */
    private static ControlPlane upstream(MeshFlavour flavour, ResourceSet.Entry defining, String namespace,
                                         String revision, String version, MeshConfig config, NamespaceLabels namespaces) {
        String root = config.rootNamespace() != null ? config.rootNamespace()
                : namespace == null || namespace.isEmpty() ? UPSTREAM_ROOT : namespace;
        Set<String> members = new LinkedHashSet<>();
        for (String ns : namespaces.known()) {
            if (!ns.equals(root) && config.discovers(namespaces.of(ns))) {
                members.add(ns);
            }
        }
        String key = defining == null ? "ConfigMap/" + root + "/" + MESH_CONFIG_MAP : MeshView.key(defining.resource());
        String name = defining == null ? MESH_CONFIG_MAP : defining.resource().getMetadata().getName();
        String origin = defining == null
                ? "assumed: the input has no control plane, so upstream Istio's defaults in " + root + " apply"
                : defining.origin();
        return new ControlPlane(key, name, root, flavour, version, false, config.autoMtls(),
                config.outboundPolicy(), false, false, config.trustDomain(), members, Map.of(), origin, revision,
                config.discoverySelectors().isEmpty());
    }

    private static List<ControlPlane> maistra(ResourceSet resources) {
        List<ControlPlane> out = new ArrayList<>();
        for (ResourceSet.Entry e : resources.ofKind("ServiceMeshControlPlane")) {
            if (!(e.resource() instanceof GenericKubernetesResource smcp) || smcp.getMetadata().getNamespace() == null) {
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
            String version = Specs.string(smcp, "spec.version");
            boolean all = !Boolean.FALSE.equals(gatewaysEnabled);
            out.add(new ControlPlane(MeshView.key(smcp), smcp.getMetadata().getName(), ns, MeshFlavour.MAISTRA_2,
                    version == null ? MeshFlavour.MAISTRA_2.defaultVersion() : version,
                    Boolean.TRUE.equals(mtls), Boolean.TRUE.equals(autoMtls),
                    policy == null ? ControlPlane.ALLOW_ANY : policy.toUpperCase(Locale.ROOT),
                    all && !Boolean.FALSE.equals(ingress), all && !Boolean.FALSE.equals(egress),
                    trustDomain == null ? "cluster.local" : trustDomain, members(resources, smcp, ns),
                    additionalGateways(smcp), e.origin(), null, false));
        }
        return out;
    }

    /** Member namespaces from the roll and from ServiceMeshMembers; never the control plane's own namespace. */
    private static Set<String> members(ResourceSet resources, GenericKubernetesResource smcp, String ns) {
        Set<String> members = new LinkedHashSet<>();
        for (ResourceSet.Entry roll : resources.ofKind("ServiceMeshMemberRoll")) {
            if (roll.resource() instanceof GenericKubernetesResource smmr
                    && ns.equals(smmr.getMetadata().getNamespace())) {
                for (Object m : Specs.list(Specs.path(smmr, "spec.members"))) {
                    if (m != null) {
                        members.add(m.toString());
                    }
                }
            }
        }
        for (ResourceSet.Entry member : resources.ofKind("ServiceMeshMember")) {
            if (member.resource() instanceof GenericKubernetesResource smm) {
                String refNs = Specs.string(smm, "spec.controlPlaneRef.namespace");
                String refName = Specs.string(smm, "spec.controlPlaneRef.name");
                if (ns.equals(refNs) && (refName == null || refName.equals(smcp.getMetadata().getName()))
                        && smm.getMetadata().getNamespace() != null) {
                    members.add(smm.getMetadata().getNamespace());
                }
            }
        }
        members.remove(ns);
        return members;
    }

    /**
     * additionalIngress/additionalEgress gateways (federation uses them): name to the labels of their pods, the
     * labels Maistra's charts give them plus the service labels, and a label saying which kind they are.
     */
    private static Map<String, Map<String, String>> additionalGateways(GenericKubernetesResource smcp) {
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
        return additional;
    }
}
