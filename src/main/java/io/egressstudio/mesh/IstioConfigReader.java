package io.egressstudio.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.Sidecar;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Istio configuration into the index of the control plane that reads its namespace. istiod sees only its members' and
 * its own namespace's configuration, so anything elsewhere is listed as ignored instead.
 */
final class IstioConfigReader {
    private IstioConfigReader() {
    }

    static void read(MeshView view, ResourceSet resources, Collection<MeshService> kubernetesServices,
                     List<String> ignoredConfig) {
        for (MeshService s : kubernetesServices) {
            MeshIndex index = view.indexOf(s.namespace());
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
            MeshIndex index = ns == null ? null : view.indexOf(ns);
            if (index == null) {
                ignoredConfig.add(MeshView.key(r));
                continue;
            }
            switch (kind) {
                case "ServiceEntry" -> addServiceEntry(index, r);
                case "DestinationRule" -> {
                    DestinationRule spec = Specs.destinationRule(r);
                    if (spec != null && spec.getHost() != null) {
                        index.addDestinationRule(new Rules.Dr(MeshView.key(r), ns, r.getMetadata().getName(),
                                Hosts.fqdn(spec.getHost(), ns), spec, false));
                    }
                }
                case "VirtualService" -> {
                    VirtualService spec = Specs.virtualService(r);
                    if (spec != null) {
                        List<String> hosts = Specs.orEmpty(spec.getHosts()).stream().map(h -> Hosts.fqdn(h, ns)).toList();
                        List<String> gateways = Specs.orEmpty(spec.getGateways()).isEmpty() ? List.of("mesh")
                                : spec.getGateways().stream().map(g -> MeshView.gatewayRef(g, ns)).toList();
                        index.addVirtualService(new Rules.Vs(MeshView.key(r), ns, r.getMetadata().getName(), hosts, gateways, spec));
                    }
                }
                case "Gateway" -> {
                    Gateway spec = Specs.gateway(r);
                    if (spec != null) {
                        index.addGateway(new Rules.Gw(MeshView.key(r), ns, r.getMetadata().getName(),
                                Map.copyOf(Specs.orEmpty(spec.getSelector())), spec));
                    }
                }
                case "Sidecar" -> {
                    Sidecar spec = Specs.sidecar(r);
                    if (spec != null) {
                        Map<String, String> selector = spec.getWorkloadSelector() == null ? Map.of()
                                : Specs.orEmpty(spec.getWorkloadSelector().getLabels());
                        index.addSidecar(new Rules.Sc(MeshView.key(r), ns, r.getMetadata().getName(), selector, spec));
                    }
                }
                case "PeerAuthentication" -> {
                    PeerAuthentication spec = Specs.peerAuthentication(r);
                    if (spec != null) {
                        Map<String, String> selector = spec.getSelector() == null ? Map.of()
                                : Specs.orEmpty(spec.getSelector().getMatchLabels());
                        index.addPeerAuthentication(new Rules.Pa(MeshView.key(r), ns, r.getMetadata().getName(), selector, spec, false));
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void addServiceEntry(MeshIndex index, HasMetadata r) {
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
        String hint = Specs.orEmpty(r.getMetadata().getAnnotations()).get(MeshView.SERVER_ANNOTATION);
        for (String host : Specs.orEmpty(spec.getHosts())) {
            index.addService(new MeshService(Hosts.fqdn(host, ns), ns, MeshService.Kind.SERVICE_ENTRY, ports,
                    Specs.orEmpty(spec.getExportTo()), spec.getLocation() == null ? "MESH_EXTERNAL" : spec.getLocation().name(),
                    spec.getResolution() == null ? "NONE" : spec.getResolution().name(), Specs.orEmpty(spec.getAddresses()),
                    MeshView.key(r), Map.of(), null, null, hint));
        }
    }
}
