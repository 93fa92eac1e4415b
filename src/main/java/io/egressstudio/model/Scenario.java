package io.egressstudio.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Everything the user drew. Immutable: every edit makes a new Scenario. */
public record Scenario(String name, String title, String description, IstioApiVersion istioApi,
                       List<Mesh> meshes, List<Workload> workloads, List<EgressGateway> egressGateways,
                       List<ExternalService> externalServices, List<Link> links, List<Federation> federations,
                       List<CertificateSpec> certificates, List<Step> steps, Map<String, Position> layout) {
    public Scenario {
        istioApi = Copies.or(istioApi, IstioApiVersion.V1BETA1);
        meshes = Copies.list(meshes);
        workloads = Copies.list(workloads);
        egressGateways = Copies.list(egressGateways);
        externalServices = Copies.list(externalServices);
        links = Copies.list(links);
        federations = Copies.list(federations);
        certificates = Copies.list(certificates);
        steps = Copies.list(steps);
        layout = Copies.map(layout);
    }

    /** Every element, in file order. */
    public List<Element> elements() {
        List<Element> all = new ArrayList<>();
        all.addAll(meshes);
        all.addAll(workloads);
        all.addAll(egressGateways);
        all.addAll(externalServices);
        all.addAll(links);
        all.addAll(federations);
        all.addAll(certificates);
        return all;
    }

    public Optional<Element> element(String id) {
        return elements().stream().filter(e -> e.id() != null && e.id().equals(id)).findFirst();
    }

    public <T extends Element> Optional<T> element(String id, Class<T> type) {
        return element(id).filter(type::isInstance).map(type::cast);
    }

    /** The mesh whose control plane owns a namespace (its own or a member), if any. */
    public Optional<Mesh> meshOwning(String namespace) {
        return meshes.stream().filter(m -> m.owns(namespace)).findFirst();
    }

    public Optional<Mesh> meshOf(Workload workload) {
        return meshOwning(workload.namespace());
    }

    public Optional<Workload> workload(String id) {
        return element(id, Workload.class);
    }

    public Optional<ExternalService> externalService(String id) {
        return element(id, ExternalService.class);
    }

    public Optional<EgressGateway> egressGateway(String id) {
        return element(id, EgressGateway.class);
    }

    public Optional<Mesh> mesh(String id) {
        return element(id, Mesh.class);
    }

    public Optional<CertificateSpec> certificate(String id) {
        return element(id, CertificateSpec.class);
    }

    public Stream<Link> linksFrom(String workloadId) {
        return links.stream().filter(l -> workloadId.equals(l.from()));
    }

    public Scenario withLayout(Map<String, Position> newLayout) {
        return new Scenario(name, title, description, istioApi, meshes, workloads, egressGateways, externalServices,
                links, federations, certificates, steps, newLayout);
    }

    public Scenario withSteps(List<Step> newSteps) {
        return new Scenario(name, title, description, istioApi, meshes, workloads, egressGateways, externalServices,
                links, federations, certificates, newSteps, layout);
    }
}
