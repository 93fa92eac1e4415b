package io.egressstudio.design;

import static io.egressstudio.design.ImportJson.strings;
import static io.egressstudio.design.ImportJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.FederatedService;
import io.egressstudio.model.Federation;
import io.egressstudio.model.Link;
import io.egressstudio.model.Location;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.PortProtocol;
import io.egressstudio.model.PortRewrite;
import io.egressstudio.model.Resolution;
import io.egressstudio.model.Server;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.ServicePort;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Federations between the imported meshes, and what they share: a service a mesh imports from its peer becomes an
 * external service of the importing mesh, reached by its injected workloads.
 */
final class ImportedFederations {
    private final ImportedObjects objects;
    private final ImportIds ids;
    private final List<Mesh> meshes;
    private final Map<String, Workload> workloadByName;

    ImportedFederations(ImportedObjects objects, ImportIds ids, List<Mesh> meshes, Map<String, Workload> workloadByName) {
        this.objects = objects;
        this.ids = ids;
        this.meshes = meshes;
        this.workloadByName = workloadByName;
    }

    /** The federations between imported meshes, from their ServiceMeshPeers and exported/imported service sets. */
    List<Federation> federations() {
        List<Federation> federations = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (ImportedObject peer : objects.ofKind("ServiceMeshPeer")) {
            Optional<Mesh> local = meshes.stream().filter(m -> m.namespace().equals(peer.namespace())).findFirst();
            Optional<Mesh> remote = meshes.stream().filter(m -> m.name().equals(peer.name())).findFirst();
            if (local.isEmpty() || remote.isEmpty() || local.get() == remote.get()) {
                continue;
            }
            List<String> pair = new ArrayList<>(List.of(local.get().id(), remote.get().id()));
            pair.sort(String::compareTo);
            if (!done.add(String.join("/", pair))) {
                continue;
            }
            List<FederatedService> shared = new ArrayList<>();
            for (Mesh exporter : List.of(local.get(), remote.get())) {
                Mesh importer = exporter == local.get() ? remote.get() : local.get();
                for (ImportedObject set : objects.ofKind("ExportedServiceSet")) {
                    if (!set.namespace().equals(exporter.namespace()) || !set.name().equals(importer.name())) {
                        continue;
                    }
                    for (JsonNode rule : set.spec().path("exportRules")) {
                        JsonNode selector = rule.path("nameSelector");
                        JsonNode alias = selector.path("alias");
                        String aliasNamespace = text(alias.path("namespace"));
                        String aliasName = text(alias.path("name"));
                        shared.add(new FederatedService(exporter.id(), selector.path("namespace").asText(),
                                selector.path("name").asText(), aliasNamespace, aliasName,
                                importedAsLocal(importer, exporter, aliasNamespace, aliasName)));
                    }
                }
            }
            List<String> addresses = strings(peer.spec().path("remote").path("addresses"));
            String defaultAddress = ResourceNames.fqdn("ingress-" + local.get().name(), remote.get().namespace());
            String discovery = addresses.isEmpty() || addresses.get(0).equals(defaultAddress) ? null : addresses.get(0);
            federations.add(new Federation(ids.unique(pair.get(0) + "-" + pair.get(1)), pair, shared, discovery));
        }
        return federations;
    }

    /**
     * A service a mesh imports from its peer is an external service of the importing mesh (not registered by a
     * ServiceEntry: the federation makes its host known), reached by every injected workload in that mesh.
     */
    void addFederatedServices(List<Federation> federations, List<Workload> workloads, List<ExternalService> services,
                              List<Link> links) {
        for (Federation federation : federations) {
            for (FederatedService shared : federation.services()) {
                Mesh exporter = meshes.stream().filter(m -> m.id().equals(shared.exportedBy())).findFirst().orElseThrow();
                String importerId = federation.meshes().stream().filter(id -> !id.equals(exporter.id())).findFirst()
                        .orElseThrow();
                Mesh importer = meshes.stream().filter(m -> m.id().equals(importerId)).findFirst().orElseThrow();
                String host = shared.importAsLocal()
                        ? ResourceNames.fqdn(shared.aliasName(), shared.aliasNamespace())
                        : ResourceNames.importedHost(shared.aliasName(), shared.aliasNamespace(), exporter);
                List<ServicePort> ports = new ArrayList<>();
                for (ImportedObject service : objects.ofKind("Service")) {
                    if (service.namespace().equals(shared.namespace()) && service.name().equals(shared.name())) {
                        service.spec().path("ports").forEach(p -> ports.add(new ServicePort(p.path("port").asInt(),
                                text(p.path("name")), PortProtocol.HTTP, null)));
                    }
                }
                Workload backend = workloadByName.get(shared.namespace() + "/" + shared.name());
                String namespace = importer.members().isEmpty() ? importer.namespace() : importer.members().get(0);
                ExternalService service = new ExternalService(ids.unique("imported-" + shared.aliasName()),
                        shared.aliasName(), namespace, List.of(host), ports, Location.MESH_INTERNAL, Resolution.DNS,
                        List.of(), List.of(), false, new Server(ServerKind.PLAINTEXT, null, null, null,
                        backend == null ? null : backend.id(), null));
                services.add(service);
                int port = ports.isEmpty() ? 80 : ports.get(0).number();
                for (Workload workload : workloads) {
                    if (workload.sidecar() && importer.owns(workload.namespace())) {
                        links.add(new Link(ids.unique(workload.id() + "-to-" + service.id()), workload.id(),
                                service.id(), AppProtocol.HTTP, port, null, null, null, null, PortRewrite.NONE, null));
                    }
                }
            }
        }
    }

    private boolean importedAsLocal(Mesh importer, Mesh exporter, String namespace, String name) {
        for (ImportedObject set : objects.ofKind("ImportedServiceSet")) {
            if (!set.namespace().equals(importer.namespace()) || !set.name().equals(exporter.name())) {
                continue;
            }
            for (JsonNode rule : set.spec().path("importRules")) {
                JsonNode selector = rule.path("nameSelector");
                if ((namespace == null || namespace.equals(selector.path("namespace").asText()))
                        && (name == null || name.equals(selector.path("name").asText()))) {
                    return rule.path("importAsLocal").asBoolean(false);
                }
            }
        }
        return false;
    }
}
