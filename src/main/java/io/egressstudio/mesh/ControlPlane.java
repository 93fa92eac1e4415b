package io.egressstudio.mesh;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Maistra control plane as the mesh view reads it from a ServiceMeshControlPlane and its members.
 *
 * @param version            {@code spec.version}, such as {@code v2.1}
 * @param outboundPolicy     ALLOW_ANY (default) or REGISTRY_ONLY
 * @param members            member namespaces (ServiceMeshMemberRoll and ServiceMeshMembers), not the CP namespace
 * @param additionalGateways federation gateways: name to labels of their pods
 */
public record ControlPlane(String name, String namespace, String version, boolean mtls, boolean autoMtls,
                           String outboundPolicy, boolean ingressEnabled, boolean egressEnabled, String trustDomain,
                           Set<String> members, Map<String, Map<String, String>> additionalGateways,
                           String origin) {
    public static final String ALLOW_ANY = "ALLOW_ANY";
    public static final String REGISTRY_ONLY = "REGISTRY_ONLY";

    public ControlPlane {
        members = Set.copyOf(members);
        additionalGateways = Map.copyOf(additionalGateways);
    }

    public String key() {
        return "ServiceMeshControlPlane/" + namespace + "/" + name;
    }

    /** Whether the control plane reads configuration from this namespace (a member, or its own). */
    public boolean owns(String ns) {
        return namespace.equals(ns) || members.contains(ns);
    }

    public boolean registryOnly() {
        return REGISTRY_ONLY.equals(outboundPolicy);
    }

    /** The minor version of Maistra 2.x (1 for v2.1); 1 when unknown. */
    public int minor() {
        String v = version == null ? "" : version.replace("v", "");
        String[] parts = v.split("\\.");
        try {
            return parts.length >= 2 ? Integer.parseInt(parts[1]) : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The Istio release the Maistra version is built on. */
    public String istioVersion() {
        return switch (minor()) {
            case 0 -> "1.6";
            case 1 -> "1.9";
            case 2 -> "1.12";
            case 3 -> "1.14";
            case 4 -> "1.16";
            case 5 -> "1.18";
            default -> "1.20";
        };
    }

    /**
     * A DestinationRule's {@code credentialName} is honoured at a sidecar only from Istio 1.14 (Maistra 2.3), and only
     * when the rule has a {@code workloadSelector}; before that it applies at gateways only.
     */
    public boolean credentialNameAtSidecars() {
        return minor() >= 3;
    }

    public List<String> configNamespaces() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(namespace), members.stream().sorted()).toList();
    }
}
