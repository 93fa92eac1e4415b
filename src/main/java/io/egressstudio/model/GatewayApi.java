package io.egressstudio.model;

/** Which API configures an egress gateway: Istio's Gateway and VirtualServices, or the Kubernetes Gateway API. */
public enum GatewayApi {
    /** Istio's Gateway, VirtualServices and DestinationRules, on the gateway the control plane (or injection) deploys. */
    ISTIO,
    /**
     * A Gateway of class {@code istio} (istiod deploys its proxy, {@code NAME-istio}) with HTTPRoutes, TLSRoutes or
     * TCPRoutes: one from the ServiceEntry to the gateway, one from the gateway to the external host.
     */
    GATEWAY_API
}
