package io.egressstudio.mesh;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The control planes of a set, as Maistra 2.x reads them: each ServiceMeshControlPlane with the defaults its charts
 * apply, the namespaces its ServiceMeshMemberRoll and ServiceMeshMembers make members, and its extra gateways.
 */
final class ControlPlaneReader {
    private ControlPlaneReader() {
    }

    static List<ControlPlane> read(ResourceSet resources) {
        List<ControlPlane> out = new ArrayList<>();
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
            Set<String> members = members(resources, smcp, ns);
            Map<String, Map<String, String>> additional = additionalGateways(smcp);
            boolean all = !Boolean.FALSE.equals(gatewaysEnabled);
            ControlPlane cp = new ControlPlane(smcp.getMetadata().getName(), ns,
                    Specs.string(smcp, "spec.version") == null ? "v2.1" : Specs.string(smcp, "spec.version"),
                    Boolean.TRUE.equals(mtls), Boolean.TRUE.equals(autoMtls),
                    policy == null ? ControlPlane.ALLOW_ANY : policy.toUpperCase(Locale.ROOT),
                    all && !Boolean.FALSE.equals(ingress), all && !Boolean.FALSE.equals(egress),
                    trustDomain == null ? "cluster.local" : trustDomain, members, additional, e.origin());
            out.add(cp);
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
