package io.egressstudio.generate;

import io.egressstudio.model.FederatedService;
import io.egressstudio.model.Federation;
import io.egressstudio.model.Mesh;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Both sides of a federation: a ServiceMeshPeer per side (with the ConfigMap for the peer's root certificate), and
 * for each shared service the exporter's ExportedServiceSet and the importer's ImportedServiceSet.
 */
final class FederationFactory {
    private static final String API = "federation.maistra.io/v1";

    private FederationFactory() {
    }

    static Mesh peerOf(GenerationContext context, Federation federation, Mesh mesh) {
        return federation.meshes().stream().filter(id -> !id.equals(mesh.id())).findFirst()
                .flatMap(id -> context.scenario().mesh(id)).orElse(null);
    }

    static void create(GenerationContext context, Federation federation) {
        List<Mesh> meshes = federation.meshes().stream().map(id -> context.scenario().mesh(id).orElseThrow()).toList();
        for (Mesh mesh : meshes) {
            Mesh peer = peerOf(context, federation, mesh);
            context.add(new ConfigMapBuilder()
                    .withMetadata(context.meta(ResourceNames.peerRootCertConfigMap(peer), mesh.namespace(), federation.id()))
                    .editMetadata().addToAnnotations(ResourceNames.DATA_PENDING_ANNOTATION,
                            "root-cert.pem from ConfigMap istio-ca-root-cert in " + peer.namespace()).endMetadata()
                    .build(), federation.id());
            context.add(peer(context, federation, mesh, peer), federation.id());
        }
        for (Mesh exporter : meshes) {
            Mesh importer = peerOf(context, federation, exporter);
            List<FederatedService> services = federation.services().stream()
                    .filter(s -> s.exportedBy().equals(exporter.id())).toList();
            if (services.isEmpty()) {
                continue;
            }
            List<Object> exportRules = new ArrayList<>();
            List<Object> importRules = new ArrayList<>();
            for (FederatedService service : services) {
                exportRules.add(Ordered.map("type", "NameSelector", "nameSelector", Ordered.map(
                        "namespace", service.namespace(), "name", service.name(),
                        "alias", Ordered.map("namespace", service.aliasNamespace(), "name", service.aliasName()))));
                Map<String, Object> importRule = new LinkedHashMap<>();
                importRule.put("type", "NameSelector");
                importRule.put("importAsLocal", service.importAsLocal());
                importRule.put("nameSelector", Ordered.map("namespace", service.aliasNamespace(), "name", service.aliasName()));
                importRules.add(importRule);
            }
            context.add(generic(context, "ExportedServiceSet", importer.name(), exporter.namespace(), federation.id(),
                    Ordered.map("exportRules", exportRules)), federation.id());
            context.add(generic(context, "ImportedServiceSet", exporter.name(), importer.namespace(), federation.id(),
                    Ordered.map("importRules", importRules)), federation.id());
        }
    }

    private static io.fabric8.kubernetes.api.model.GenericKubernetesResource peer(GenerationContext context,
                                                                                 Federation federation, Mesh mesh,
                                                                                 Mesh peer) {
        String address = federation.discoveryHost() != null ? federation.discoveryHost()
                : ResourceNames.fqdn(ResourceNames.federationIngress(mesh), peer.namespace());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("remote", Ordered.map("addresses", List.of(address),
                "discoveryPort", ControlPlaneFactory.FEDERATION_DISCOVERY_PORT,
                "servicePort", ControlPlaneFactory.FEDERATION_SERVICE_PORT));
        spec.put("gateways", Ordered.map("ingress", Ordered.map("name", ResourceNames.federationIngress(peer)),
                "egress", Ordered.map("name", ResourceNames.federationEgress(peer))));
        spec.put("security", Ordered.map(
                "trustDomain", peer.trustDomain(),
                "clientID", peer.trustDomain() + "/ns/" + peer.namespace() + "/sa/"
                        + ResourceNames.federationEgress(mesh) + "-service-account",
                "certificateChain", Ordered.map("kind", "ConfigMap", "name", ResourceNames.peerRootCertConfigMap(peer))));
        return generic(context, "ServiceMeshPeer", peer.name(), mesh.namespace(), federation.id(), spec);
    }

    private static io.fabric8.kubernetes.api.model.GenericKubernetesResource generic(GenerationContext context,
                                                                                    String kind, String name,
                                                                                    String namespace, String elementId,
                                                                                    Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion(API).withKind(kind)
                .withMetadata(context.meta(name, namespace, elementId))
                .addToAdditionalProperties("spec", spec).build();
    }
}
