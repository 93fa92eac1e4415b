package io.egressstudio.model;

/** The mesh's {@code outboundTrafficPolicy.mode}: what a sidecar does with a host it does not know. */
public enum OutboundPolicy { ALLOW_ANY, REGISTRY_ONLY }
