package io.egressstudio.mesh;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maistra federation in the set: the ServiceMeshPeer, ExportedServiceSet and ImportedServiceSet resources, which mesh
 * a peer is, what it exports, and the services an importing mesh registers from its ImportedServiceSets.
 */
final class MeshFederation {
    private final Map<String, GenericKubernetesResource> resources = new LinkedHashMap<>();
    private final List<ControlPlane> controlPlanes;

    /** Whether another view's federation was read from equal resources (its answers also read the control planes). */
    boolean sameResources(MeshFederation other) {
        return resources.equals(other.resources);
    }

    MeshFederation(ResourceSet set, List<ControlPlane> controlPlanes) {
        this.controlPlanes = controlPlanes;
        for (HasMetadata r : set.all()) {
            if (r instanceof GenericKubernetesResource g && g.getApiVersion() != null
                    && g.getApiVersion().startsWith("federation.maistra.io/")) {
                resources.put(MeshView.key(g), g);
            }
        }
    }

    GenericKubernetesResource resource(String kind, String namespace, String name) {
        return resources.get(kind + "/" + namespace + "/" + name);
    }

    List<GenericKubernetesResource> ofKind(String kind) {
        return resources.entrySet().stream().filter(e -> e.getKey().startsWith(kind + "/")).map(Map.Entry::getValue)
                .toList();
    }

    /**
     * Registers each explicitly named import (wildcard selectors are skipped) in the importing mesh's index, under
     * the host Maistra gives it: its alias in {@code <peer>-imports.local}, or in {@code cluster.local} when imported
     * as local.
     */
    void registerImports(MeshView view) {
        for (GenericKubernetesResource iss : ofKind("ImportedServiceSet")) {
            MeshIndex index = view.indexOf(iss.getMetadata().getNamespace());
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
                        exportedPorts(view, peer, index.controlPlane(), ns, name), List.of(), "MESH_INTERNAL", "STATIC",
                        List.of(), MeshView.key(iss), Map.of(), peer, name + "." + ns, null));
            }
        }
    }

    /** The exporting mesh of a peer: the control plane named like the peer, or the one exporting to this mesh. */
    ControlPlane peerControlPlane(String peer, ControlPlane importer) {
        for (ControlPlane cp : controlPlanes) {
            if (cp != importer && cp.name().equals(peer)) {
                return cp;
            }
        }
        for (ControlPlane cp : controlPlanes) {
            if (cp != importer && resource("ExportedServiceSet", cp.namespace(), importer.name()) != null) {
                return cp;
            }
        }
        return null;
    }

    /** The service an exporting mesh exports under {@code name.namespace} to {@code importer}, as a cluster host. */
    String exportedService(ControlPlane exporter, ControlPlane importer, String ns, String name) {
        GenericKubernetesResource ess = resource("ExportedServiceSet", exporter.namespace(), importer.name());
        if (ess == null) {
            for (GenericKubernetesResource candidate : ofKind("ExportedServiceSet")) {
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

    private List<ServicePort> exportedPorts(MeshView view, String peer, ControlPlane importer, String ns, String name) {
        ControlPlane exporter = peerControlPlane(peer, importer);
        if (exporter != null) {
            String host = exportedService(exporter, importer, ns, name);
            MeshService svc = host == null ? null : view.kubernetesService(host);
            if (svc != null) {
                return svc.ports();
            }
        }
        return List.of();
    }
}
