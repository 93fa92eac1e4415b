package io.egressstudio.generate;

import io.egressstudio.mesh.FieldSources;
import io.egressstudio.model.Federation;
import io.egressstudio.model.Mesh;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mesh's control plane: for Maistra 2.x its ServiceMeshControlPlane (maistra.io/v2) and ServiceMeshMemberRoll
 * (maistra.io/v1); the other flavours through {@link IstioControlPlaneFactory}.
 */
final class ControlPlaneFactory {
    static final int FEDERATION_SERVICE_PORT = 15443;
    static final int FEDERATION_DISCOVERY_PORT = 8188;

    /** The control plane's fields that come from the mesh's own (as {@link #controlPlane} writes them). */
    private static final FieldSources SOURCES = FieldSources.of(Map.of(
            "spec.security.dataPlane.mtls", "mtls",
            "spec.security.dataPlane.automtls", "autoMtls",
            "spec.security.trust.domain", "trustDomain",
            "spec.proxy.networking.trafficControl.outbound.policy", "outboundPolicy",
            "spec.version", "version",
            "spec.gateways.egress.enabled", "egressGateway",
            "spec.gateways.ingress.enabled", "ingressGateway"));

    private ControlPlaneFactory() {
    }

    /** A mesh's control plane, by its flavour: Maistra's SMCP and member roll here, the others in their factory. */
    static void create(GenerationContext context, Mesh mesh) {
        if (!mesh.flavour().memberRoll()) {
            IstioControlPlaneFactory.create(context, mesh);
            return;
        }
        context.add(controlPlane(context, mesh), mesh.id(), SOURCES);
        context.add(memberRoll(context, mesh), mesh.id());
    }

    static GenericKubernetesResource controlPlane(GenerationContext context, Mesh mesh) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", mesh.version());
        spec.put("profiles", List.of("default"));
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("dataPlane", Ordered.map("mtls", mesh.mtls(), "automtls", mesh.autoMtls()));
        if (!"cluster.local".equals(mesh.trustDomain())) {
            security.put("trust", Ordered.map("domain", mesh.trustDomain()));
        }
        spec.put("security", security);
        spec.put("proxy", Ordered.map("networking", Ordered.map("trafficControl",
                Ordered.map("outbound", Ordered.map("policy", mesh.outboundPolicy().name())))));
        spec.put("gateways", gateways(context, mesh));
        spec.put("addons", Ordered.map("kiali", Ordered.map("enabled", true), "prometheus", Ordered.map("enabled", true)));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("maistra.io/v2").withKind("ServiceMeshControlPlane")
                .withMetadata(context.meta(mesh.name(), mesh.namespace(), mesh.id()))
                .addToAdditionalProperties("spec", spec)
                .build();
    }

    private static Map<String, Object> gateways(GenerationContext context, Mesh mesh) {
        Map<String, Object> gateways = new LinkedHashMap<>();
        gateways.put("ingress", Ordered.map("enabled", mesh.ingressGateway()));
        gateways.put("egress", Ordered.map("enabled", mesh.egressGateway()));
        Map<String, Object> additionalEgress = new LinkedHashMap<>();
        Map<String, Object> additionalIngress = new LinkedHashMap<>();
        for (Federation federation : context.scenario().federations()) {
            if (!federation.meshes().contains(mesh.id())) {
                continue;
            }
            Mesh peer = FederationFactory.peerOf(context, federation, mesh);
            if (peer == null) {
                continue;
            }
            additionalEgress.put(ResourceNames.federationEgress(peer), federationGateway(peer, ResourceNames.federationEgress(peer),
                    "http-discovery", true));
            additionalIngress.put(ResourceNames.federationIngress(peer), federationGateway(peer, ResourceNames.federationIngress(peer),
                    "https-discovery", false));
        }
        if (!additionalEgress.isEmpty()) {
            gateways.put("additionalEgress", additionalEgress);
            gateways.put("additionalIngress", additionalIngress);
        }
        return gateways;
    }

    private static Map<String, Object> federationGateway(Mesh peer, String name, String discoveryPortName, boolean egress) {
        Map<String, Object> gateway = new LinkedHashMap<>();
        gateway.put("enabled", true);
        if (egress) {
            gateway.put("requestedNetworkView", List.of("network-" + peer.name()));
        }
        gateway.put("routerMode", "sni-dnat");
        Map<String, Object> service = new LinkedHashMap<>();
        if (!egress) {
            service.put("type", "LoadBalancer");
        }
        service.put("metadata", Ordered.map("labels", Ordered.map("federation.maistra.io/proxy", name)));
        service.put("ports", List.of(
                Ordered.map("port", FEDERATION_SERVICE_PORT, "name", "tls"),
                Ordered.map("port", FEDERATION_DISCOVERY_PORT, "name", discoveryPortName)));
        gateway.put("service", service);
        return gateway;
    }

    static GenericKubernetesResource memberRoll(GenerationContext context, Mesh mesh) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("maistra.io/v1").withKind("ServiceMeshMemberRoll")
                .withMetadata(context.meta(ResourceNames.MEMBER_ROLL, mesh.namespace(), mesh.id()))
                .addToAdditionalProperties("spec", Ordered.map("members", mesh.members()))
                .build();
    }
}
