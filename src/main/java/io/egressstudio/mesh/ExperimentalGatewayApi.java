package io.egressstudio.mesh;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Gateway API route kinds istiod watches at all. TCPRoute, and TLSRoute before Istio 1.30, are in the Gateway
 * API's experimental channel: istiod reads them only with {@code PILOT_ENABLE_ALPHA_GATEWAY_API=true} in its
 * environment (pilot/pkg/config/kube/gateway/controller.go, docs/research/gateway-api-and-ambient-egress.md §1.7).
 * Without it such a route is ignored: no status, no routing. The environment is read where the input says it: the Sail
 * {@code Istio}'s or an {@code IstioOperator}'s {@code spec.values.pilot.env}, or the operator's
 * {@code spec.components.pilot.k8s.env}. An input with no version is taken as a current Istio (TLSRoute watched).
 */
public final class ExperimentalGatewayApi {
    public static final String ALPHA_ENV = "PILOT_ENABLE_ALPHA_GATEWAY_API";
    /** The first Istio minor release that watches TLSRoute without the flag. */
    public static final int TLS_ROUTE_STABLE_MINOR = 30;

    private ExperimentalGatewayApi() {
    }

    /** Whether a route of this kind needs the flag on this control plane. */
    static boolean needsFlag(String kind, ControlPlane cp) {
        return needsFlag(kind, cp.version() == null ? Optional.empty() : Optional.of(cp.istioMinor()));
    }

    /** Whether a route of this kind needs the flag on an Istio minor release (empty: not known, taken as current). */
    public static boolean needsFlag(String kind, Optional<Integer> istioMinor) {
        return switch (kind) {
            case "TCPRoute" -> true;
            case "TLSRoute" -> istioMinor.map(minor -> minor < TLS_ROUTE_STABLE_MINOR).orElse(false);
            default -> false;
        };
    }

    /** Why istiod ignores a route of this kind, or empty when it watches it. */
    static Optional<String> ignored(String kind, ControlPlane cp, ResourceSet resources) {
        if (!needsFlag(kind, cp) || flagSet(cp, resources)) {
            return Optional.empty();
        }
        return Optional.of("istiod of " + cp.title() + " does not watch " + kind + " unless its environment sets "
                + ALPHA_ENV + "=true (" + kind + " is in the Gateway API's experimental channel"
                + (kind.equals("TLSRoute") ? " until Istio 1." + TLS_ROUTE_STABLE_MINOR : "") + ")");
    }

    private static boolean flagSet(ControlPlane cp, ResourceSet resources) {
        // the view's keys write a cluster-scoped object's namespace as empty (Istio//default)
        Optional<ResourceSet.Entry> defining = ResourceSet.Key.parse(cp.key()).flatMap(k -> resources.get(k.kind(),
                k.namespace() == null || k.namespace().isEmpty() ? null : k.namespace(), k.name()));
        if (defining.isEmpty() || !(defining.get().resource() instanceof GenericKubernetesResource g)) {
            return false;
        }
        if (Specs.path(g, "spec.values.pilot.env") instanceof Map<?, ?> env && isTrue(env.get(ALPHA_ENV))) {
            return true;
        }
        if (Specs.path(g, "spec.components.pilot.k8s.env") instanceof List<?> env) {
            for (Object variable : env) {
                if (variable instanceof Map<?, ?> v && ALPHA_ENV.equals(v.get("name")) && isTrue(v.get("value"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTrue(Object value) {
        return value != null && "true".equalsIgnoreCase(value.toString());
    }
}
