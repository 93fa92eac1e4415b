package io.egressstudio.model;

/**
 * How a mesh's workloads join it: a sidecar proxy in each pod, or Istio's ambient mode (ztunnel on each node, a
 * waypoint proxy where L7 is needed). Ambient needs Istio 1.24 or later (OpenShift Service Mesh 3), and its egress
 * gateway is a waypoint configured by the Kubernetes Gateway API (decision 0033).
 */
public enum DataPlane {
    /** An istio-proxy sidecar injected into each pod of a member namespace. */
    SIDECAR,
    /**
     * Member namespaces labelled {@code istio.io/dataplane-mode: ambient}: ztunnel captures their pods' traffic, and a
     * waypoint (a Gateway of class {@code istio-waypoint}) is the egress gateway.
     */
    AMBIENT
}
