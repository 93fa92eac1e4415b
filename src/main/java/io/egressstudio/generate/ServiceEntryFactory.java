package io.egressstudio.generate;

import io.egressstudio.mesh.FieldSources;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.IstioApiVersion;
import io.egressstudio.model.Link;
import io.egressstudio.model.PortProtocol;
import io.egressstudio.model.PortRewrite;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.ServicePort;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryLocation;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.networking.v1beta1.ServiceEntry;
import io.fabric8.istio.api.networking.v1beta1.ServiceEntryBuilder;
import java.util.ArrayList;
import java.util.List;

/** A registered external service's ServiceEntry. */
final class ServiceEntryFactory {
    /** Each spec field of the entry comes from the external service's field of the same name. */
    private static final FieldSources SOURCES = FieldSources.of(java.util.Map.of("spec.hosts", "hosts",
            "spec.addresses", "addresses", "spec.ports", "ports", "spec.location", "location",
            "spec.resolution", "resolution", "spec.exportTo", "exportTo"));

    private ServiceEntryFactory() {
    }

    /** Everything a ServiceEntry is made from: the links to the service add ports ({@link GenerationMemo}). */
    private record Inputs(ExternalService service, List<Link> links, String scenario, IstioApiVersion api,
                          java.util.Map<String, String> waypoint) {
    }

    static void create(GenerationContext context, ExternalService service) {
        if (service.registered()) {
            java.util.Map<String, String> waypoint = GatewayApiEgress.useWaypointLabels(context, service);
            context.unit(service.id(), new Inputs(service, context.linksTo(service.id()), context.scenario().name(),
                    context.istioApi(), waypoint), () -> {
                ServiceEntry entry = serviceEntry(context, service);
                entry.getMetadata().getLabels().putAll(waypoint);
                context.addIstio(entry, service.id(), SOURCES);
            });
        }
    }

    static ServiceEntry serviceEntry(GenerationContext context, ExternalService service) {
        io.fabric8.kubernetes.api.model.ObjectMeta meta = context.meta(service.name(), service.namespace(), service.id());
        if (describesServerOutsideTheClusters(service)) {
            meta.getAnnotations().put(MeshView.SERVER_ANNOTATION, service.server().kind().name());
        }
        return new ServiceEntryBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withHosts(service.hosts())
                .withAddresses(service.addresses())
                .withPorts(ports(context, service))
                .withLocation(ServiceEntryLocation.valueOf(service.location().name()))
                .withResolution(ServiceEntryResolution.valueOf(service.resolution().name()))
                .withExportTo(service.exportTo())
                .endSpec()
                .build();
    }

    /**
     * Manifests cannot say whether a server outside every cluster speaks plaintext, TLS or mutual TLS; the drawing
     * can, and the annotation keeps that fact in the YAML for the predictor (in-cluster servers and other meshes'
     * ingresses are described by their own resources).
     */
    static boolean describesServerOutsideTheClusters(ExternalService service) {
        return service.server().workload() == null && service.server().kind() != ServerKind.MESH_INGRESS;
    }

    /**
     * The declared ports, plus a plaintext port for every link that rewrites through {@code targetPort}: the
     * application calls that port in plaintext and the sidecar sends to the target port (Istio 1.8+).
     */
    static List<io.fabric8.istio.api.api.networking.v1alpha3.ServicePort> ports(GenerationContext context,
                                                                                  ExternalService service) {
        List<ServicePort> ports = new ArrayList<>(service.ports());
        for (Link link : context.linksTo(service.id())) {
            if (link.rewrite() == PortRewrite.TARGET_PORT && link.targetPort() != null
                    && ports.stream().noneMatch(p -> link.port().equals(p.number()))) {
                ports.add(new ServicePort(link.port(), "http-" + link.port(), PortProtocol.HTTP, link.targetPort()));
            }
        }
        return ports.stream().map(ServiceEntryFactory::port).toList();
    }

    private static io.fabric8.istio.api.api.networking.v1alpha3.ServicePort port(ServicePort port) {
        var out = new io.fabric8.istio.api.api.networking.v1alpha3.ServicePort();
        out.setNumber(port.number().longValue());
        out.setName(port.name());
        out.setProtocol(port.protocol().name());
        if (port.targetPort() != null) {
            out.setTargetPort((long) port.targetPort());
        }
        return out;
    }
}
