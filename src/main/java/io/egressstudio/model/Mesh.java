package io.egressstudio.model;

import java.util.List;

/**
 * A control plane: for Maistra 2.x the SMCP {@code name} in {@code namespace} and the namespaces its member roll
 * lists; for OpenShift Service Mesh 3 the {@code Istio} resource {@code name} installing into {@code namespace} and
 * the namespaces labelled for injection; for upstream Istio the root namespace and the injection-labelled namespaces.
 *
 * @param version         the flavour's version: the SMCP {@code spec.version} ({@code v2.1}), the Sail
 *                        {@code Istio}'s {@code spec.version} ({@code v1.26.3}) or the Istio release ({@code 1.26})
 * @param mtls            STRICT mesh-wide: in Maistra {@code spec.security.dataPlane.mtls} (the control plane then
 *                        also creates a {@code *.local} ISTIO_MUTUAL DestinationRule); otherwise a PeerAuthentication
 * @param autoMtls        auto mTLS ({@code spec.security.dataPlane.automtls}, {@code meshConfig.enableAutoMtls});
 *                        the flavour's default when absent
 * @param ingressGateway  whether the mesh has its {@code istio-ingressgateway}
 * @param egressGateway   whether the mesh has its {@code istio-egressgateway}
 * @param flavour         which control plane runs the mesh; Maistra 2.x when absent (and then not written)
 * @param dataPlane       sidecars or ambient mode; null (sidecars) when absent, and then not written
 */
public record Mesh(String id, String name, String namespace, String version, OutboundPolicy outboundPolicy,
                   boolean mtls, Boolean autoMtls, List<String> members, String trustDomain,
                   Boolean ingressGateway, Boolean egressGateway, MeshFlavour flavour, DataPlane dataPlane)
        implements Element {

    public static final String DEFAULT_VERSION = MeshFlavour.MAISTRA_2.defaultVersion();

    public Mesh {
        flavour = Copies.or(flavour, MeshFlavour.MAISTRA_2);
        version = Copies.or(version, flavour.defaultVersion());
        outboundPolicy = Copies.or(outboundPolicy, OutboundPolicy.ALLOW_ANY);
        autoMtls = Copies.or(autoMtls, flavour.defaultAutoMtls());
        members = Copies.list(members);
        trustDomain = Copies.or(trustDomain, "cluster.local");
        ingressGateway = Copies.or(ingressGateway, Boolean.TRUE);
        egressGateway = Copies.or(egressGateway, Boolean.TRUE);
        dataPlane = dataPlane == DataPlane.SIDECAR ? null : dataPlane;
    }

    /** A mesh with sidecars. */
    public Mesh(String id, String name, String namespace, String version, OutboundPolicy outboundPolicy, boolean mtls,
                Boolean autoMtls, List<String> members, String trustDomain, Boolean ingressGateway,
                Boolean egressGateway, MeshFlavour flavour) {
        this(id, name, namespace, version, outboundPolicy, mtls, autoMtls, members, trustDomain, ingressGateway,
                egressGateway, flavour, null);
    }

    /** Whether its workloads run in ambient mode (ztunnel and waypoints) rather than with sidecars. */
    public boolean ambient() {
        return dataPlane == DataPlane.AMBIENT;
    }

    /** The same mesh with another data plane. */
    public Mesh withDataPlane(DataPlane other) {
        return new Mesh(id, name, namespace, version, outboundPolicy, mtls, autoMtls, members, trustDomain,
                ingressGateway, egressGateway, flavour, other);
    }

    /** A Maistra 2.x mesh, as files without a flavour describe. */
    public Mesh(String id, String name, String namespace, String version, OutboundPolicy outboundPolicy, boolean mtls,
                Boolean autoMtls, List<String> members, String trustDomain, Boolean ingressGateway,
                Boolean egressGateway) {
        this(id, name, namespace, version, outboundPolicy, mtls, autoMtls, members, trustDomain, ingressGateway,
                egressGateway, MeshFlavour.MAISTRA_2, null);
    }

    /** Whether the namespace is the mesh's own or a member (no namespace is none of them). */
    public boolean owns(String ns) {
        return ns != null && (ns.equals(namespace) || members.contains(ns));
    }

    public Mesh withOutboundPolicy(OutboundPolicy policy) {
        return new Mesh(id, name, namespace, version, policy, mtls, autoMtls, members, trustDomain, ingressGateway,
                egressGateway, flavour, dataPlane);
    }

    public Mesh withId(String newId) {
        return new Mesh(newId, name, namespace, version, outboundPolicy, mtls, autoMtls, members, trustDomain,
                ingressGateway, egressGateway, flavour, dataPlane);
    }

    public Mesh withMembers(List<String> newMembers) {
        return new Mesh(id, name, namespace, version, outboundPolicy, mtls, autoMtls, newMembers, trustDomain,
                ingressGateway, egressGateway, flavour, dataPlane);
    }

    /** The same mesh run by another control plane, at that flavour's default version. */
    public Mesh withFlavour(MeshFlavour newFlavour, boolean newAutoMtls) {
        return new Mesh(id, name, namespace, newFlavour.defaultVersion(), outboundPolicy, mtls, newAutoMtls, members,
                trustDomain, ingressGateway, egressGateway, newFlavour, dataPlane);
    }
}
