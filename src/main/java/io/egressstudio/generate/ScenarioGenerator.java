package io.egressstudio.generate;

import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Federation;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.SecretPlacement;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.Workload;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Scenario → ResourceSet: everything the drawing needs on the clusters, by Istio's and Maistra's rules. Each resource
 * remembers the element it came from. The output depends only on the scenario (and the options), never on the clock.
 */
public final class ScenarioGenerator {
    private ScenarioGenerator() {
    }

    public static ResourceSet generate(Scenario scenario) {
        return generate(scenario, GeneratorOptions.defaults());
    }

    public static ResourceSet generate(Scenario scenario, GeneratorOptions options) {
        return generate(scenario, options, GenerationMemo.NONE).resources();
    }

    /** The resources, and what the next generation of this design may reuse. */
    public record Generated(ResourceSet resources, GenerationMemo memo) {
    }

    /**
     * Generates, reusing the rules of every link whose inputs are equal to those in {@code previous} (a memo of an
     * earlier generation of this design after an edit). The result equals a generation from nothing.
     */
    public static Generated generate(Scenario scenario, GeneratorOptions options, GenerationMemo previous) {
        GenerationContext context = new GenerationContext(scenario, options, previous);
        namespaces(context);
        scenario.meshes().forEach(mesh -> ControlPlaneFactory.create(context, mesh));
        Map<String, Map<String, String>> sidecarAnnotations = SidecarVolumes.byWorkload(scenario);
        for (Workload workload : scenario.workloads()) {
            WorkloadFactory.create(context, workload, sidecarAnnotations.getOrDefault(workload.id(), Map.of()));
        }
        scenario.certificates().forEach(certificate -> SecretFactory.create(context, certificate));
        scenario.externalServices().forEach(service -> ServiceEntryFactory.create(context, service));
        EgressGatewayServers gatewayServers = new EgressGatewayServers();
        LinkFactory links = new LinkFactory(context, gatewayServers);
        for (Link link : scenario.links()) {
            links.create(link);
        }
        gatewayServers.emit(context);
        AuthorizationPolicyFactory.create(context);
        for (ExternalService service : scenario.externalServices()) {
            if (service.server().kind() == ServerKind.MESH_INGRESS && service.server().ingress() != null) {
                IngressFactory.create(context, service);
            }
        }
        for (Federation federation : scenario.federations()) {
            FederationFactory.create(context, federation);
        }
        return new Generated(context.build(), context.memo());
    }

    /** Every namespace the scenario places something in, in order of first mention. */
    private static void namespaces(GenerationContext context) {
        Scenario scenario = context.scenario();
        Map<String, String> namespaces = new LinkedHashMap<>();
        for (Mesh mesh : scenario.meshes()) {
            namespaces.putIfAbsent(mesh.namespace(), mesh.id());
            mesh.members().forEach(member -> namespaces.putIfAbsent(member, mesh.id()));
        }
        scenario.workloads().forEach(w -> namespaces.putIfAbsent(w.namespace(), w.id()));
        for (Mesh mesh : scenario.meshes()) {
            // a waypoint is a Gateway in its own namespace, which the mesh must discover (an egress gateway by
            // injection is a Deployment there, made with the mesh)
            scenario.egressGateways().stream().filter(g -> mesh.ambient() && mesh.id().equals(g.mesh()))
                    .forEach(g -> namespaces.putIfAbsent(ResourceNames.egressGatewayNamespace(g, mesh), g.id()));
        }
        scenario.externalServices().stream().filter(ExternalService::registered)
                .forEach(s -> namespaces.putIfAbsent(s.namespace(), s.id()));
        for (ExternalService service : scenario.externalServices()) {
            if (service.server().ingress() != null) {
                namespaces.putIfAbsent(service.server().ingress().gatewayNamespace(), service.id());
                namespaces.putIfAbsent(service.server().ingress().backendNamespace(), service.id());
            }
        }
        for (CertificateSpec certificate : scenario.certificates()) {
            for (SecretPlacement placement : certificate.secrets()) {
                namespaces.putIfAbsent(placement.namespace(), certificate.id());
            }
        }
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (Mesh mesh : scenario.meshes()) {
            if (!mesh.flavour().memberRoll()) {
                labels.putIfAbsent(mesh.namespace(), IstioControlPlaneFactory.discoveryLabels(mesh));
                mesh.members().forEach(member -> labels.putIfAbsent(member, IstioControlPlaneFactory.memberLabels(mesh)));
                scenario.egressGateways().stream().filter(g -> mesh.id().equals(g.mesh()))
                        .map(g -> ResourceNames.egressGatewayNamespace(g, mesh))
                        .forEach(ns -> labels.putIfAbsent(ns, IstioControlPlaneFactory.discoveryLabels(mesh)));
                if (mesh.flavour() == MeshFlavour.OSSM_3) {
                    namespaces.putIfAbsent(IstioControlPlaneFactory.CNI_NAMESPACE, mesh.id());
                    if (mesh.ambient()) {
                        namespaces.putIfAbsent(IstioControlPlaneFactory.ZTUNNEL_NAMESPACE, mesh.id());
                    }
                }
            }
        }
        namespaces.forEach((name, element) -> {
            io.fabric8.kubernetes.api.model.ObjectMeta meta = context.meta(name, null, element);
            Map<String, String> namespaceLabels = new LinkedHashMap<>(meta.getLabels());
            namespaceLabels.putAll(labels.getOrDefault(name, Map.of()));
            meta.setLabels(namespaceLabels);
            context.add(new NamespaceBuilder().withMetadata(meta).build(), element);
        });
    }

    /** Workload id → the sidecar volume annotations its file-mounted credentials need. */
    static final class SidecarVolumes {
        private SidecarVolumes() {
        }

        static Map<String, Map<String, String>> byWorkload(Scenario scenario) {
            Map<String, Set<String>> secrets = new LinkedHashMap<>();
            Map<String, String> mountPaths = new LinkedHashMap<>();
            for (Link link : scenario.links()) {
                if (link.via() != null) {
                    continue;
                }
                String secret = ClientTlsFactory.mountedSecret(link.sidecarTls());
                if (secret != null) {
                    secrets.computeIfAbsent(link.from(), k -> new LinkedHashSet<>()).add(secret);
                    mountPaths.put(link.from() + "/" + secret, link.sidecarTls().mountPath());
                }
            }
            Map<String, Map<String, String>> annotations = new LinkedHashMap<>();
            secrets.forEach((workload, names) -> {
                java.util.List<Object> volumes = new java.util.ArrayList<>();
                java.util.List<Object> mounts = new java.util.ArrayList<>();
                for (String name : names) {
                    volumes.add(Ordered.map("name", name, "secret", Ordered.map("secretName", name)));
                    Map<String, Object> mount = new LinkedHashMap<>();
                    mount.put("name", name);
                    mount.put("mountPath", mountPaths.get(workload + "/" + name));
                    mount.put("readonly", true);
                    mounts.add(mount);
                }
                annotations.put(workload, Ordered.strings(
                        ResourceNames.USER_VOLUME_ANNOTATION, json(volumes),
                        ResourceNames.USER_VOLUME_MOUNT_ANNOTATION, json(mounts)));
            });
            return annotations;
        }

        private static String json(Object value) {
            try {
                return JSON.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("plain maps always serialize", e);
            }
        }

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
