package io.egressstudio.model;

import java.util.List;

/**
 * A Maistra control plane: the SMCP {@code name} in {@code namespace}, and the namespaces its member roll lists.
 *
 * @param mtls            {@code spec.security.dataPlane.mtls}: STRICT mesh-wide PeerAuthentication plus a {@code *.local}
 *                        ISTIO_MUTUAL DestinationRule
 * @param autoMtls        {@code spec.security.dataPlane.automtls}
 * @param ingressGateway  whether the profile's {@code istio-ingressgateway} is enabled
 * @param egressGateway   whether the profile's {@code istio-egressgateway} is enabled
 */
public record Mesh(String id, String name, String namespace, String version, OutboundPolicy outboundPolicy,
                   boolean mtls, boolean autoMtls, List<String> members, String trustDomain,
                   Boolean ingressGateway, Boolean egressGateway) implements Element {

    public static final String DEFAULT_VERSION = "v2.1";

    public Mesh {
        version = Copies.or(version, DEFAULT_VERSION);
        outboundPolicy = Copies.or(outboundPolicy, OutboundPolicy.ALLOW_ANY);
        members = Copies.list(members);
        trustDomain = Copies.or(trustDomain, "cluster.local");
        ingressGateway = Copies.or(ingressGateway, Boolean.TRUE);
        egressGateway = Copies.or(egressGateway, Boolean.TRUE);
    }

    public boolean owns(String ns) {
        return namespace.equals(ns) || members.contains(ns);
    }

    public Mesh withOutboundPolicy(OutboundPolicy policy) {
        return new Mesh(id, name, namespace, version, policy, mtls, autoMtls, members, trustDomain, ingressGateway,
                egressGateway);
    }
}
