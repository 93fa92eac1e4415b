package io.egressstudio.model;

/**
 * How a sidecar gets the client certificate it originates TLS with: files mounted into istio-proxy through
 * {@code sidecar.istio.io/userVolume(Mount)} (OSSM 2.1), or {@code credentialName} with a {@code workloadSelector}
 * (Istio 1.10+). Gateways always use {@code credentialName}.
 */
public enum CredentialDelivery { FILE_MOUNT, CREDENTIAL_NAME }
