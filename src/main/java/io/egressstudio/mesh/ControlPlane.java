package io.egressstudio.mesh;

import io.egressstudio.model.MeshFlavour;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A control plane as the mesh view reads it: a Maistra ServiceMeshControlPlane with its members, a Sail operator
 * {@code Istio} (OpenShift Service Mesh 3), an upstream Istio mesh config, or the upstream defaults assumed for plain
 * Istio YAML. What each flavour implies is decided in {@link FlavourRules}.
 *
 * @param key                the key of the resource that defines the control plane ({@code Kind/namespace/name}), or
 *                           of the assumption standing for it
 * @param namespace          the control plane's namespace, which is also the mesh config's root namespace
 * @param version            the flavour's version ({@code v2.1}, {@code v1.26.3}, {@code 1.26}), or null when the
 *                           input does not say
 * @param mtls               Maistra's {@code dataPlane.mtls}: the control plane creates STRICT mesh-wide rules
 * @param outboundPolicy     ALLOW_ANY (default) or REGISTRY_ONLY
 * @param members            namespaces whose configuration the control plane reads, besides its own: the member
 *                           roll's in Maistra, the discovered namespaces of the input otherwise
 * @param additionalGateways federation gateways: name to labels of their pods
 * @param revision           the Istio revision namespaces select with {@code istio.io/rev}; null for Maistra
 * @param discoversUnlisted  whether namespaces the input does not list are read too (no discovery selectors)
 */
public record ControlPlane(String key, String name, String namespace, MeshFlavour flavour, String version, boolean mtls,
                           boolean autoMtls, String outboundPolicy, boolean ingressEnabled, boolean egressEnabled,
                           String trustDomain, Set<String> members, Map<String, Map<String, String>> additionalGateways,
                           String origin, String revision, boolean discoversUnlisted) {
    public static final String ALLOW_ANY = "ALLOW_ANY";
    public static final String REGISTRY_ONLY = "REGISTRY_ONLY";
    /** The Istio release assumed when the input does not name one. */
    static final int DEFAULT_ISTIO_MINOR = 26;

    public ControlPlane {
        members = Set.copyOf(members);
        additionalGateways = Map.copyOf(additionalGateways);
    }

    /** How the control plane is named to a user: {@code Maistra v2.1 (Istio 1.9)}, {@code upstream Istio 1.26}. */
    public String title() {
        return switch (flavour) {
            case MAISTRA_2 -> "Maistra " + version + " (Istio " + istioVersion() + ")";
            case OSSM_3 -> "OpenShift Service Mesh 3 (Istio " + istioVersion() + ")";
            case ISTIO -> "upstream Istio " + istioVersion();
        };
    }

    /** Whether the control plane reads configuration from this namespace. */
    public boolean owns(String ns) {
        return ns != null && (namespace.equals(ns) || members.contains(ns) || discoversUnlisted);
    }

    public boolean registryOnly() {
        return REGISTRY_ONLY.equals(outboundPolicy);
    }

    /** The Istio minor release the control plane runs (9 for Maistra v2.1); a recent one when unknown. */
    public int istioMinor() {
        MeshFlavour f = flavour;
        return f.istioMinor(version).orElse(f == MeshFlavour.MAISTRA_2 ? 9 : DEFAULT_ISTIO_MINOR);
    }

    /** The Istio release the control plane runs, such as {@code 1.9}. */
    public String istioVersion() {
        return "1." + istioMinor();
    }

    /**
     * A DestinationRule's {@code credentialName} is honoured at a sidecar only from Istio 1.14 (Maistra 2.3), and only
     * when the rule has a {@code workloadSelector}; before that it applies at gateways only.
     */
    public boolean credentialNameAtSidecars() {
        return istioMinor() >= 14;
    }

    /** The namespaces the input shows the control plane reading: its own first, then the members in order. */
    public List<String> configNamespaces() {
        return Stream.concat(Stream.of(namespace), members.stream().sorted()).toList();
    }
}
