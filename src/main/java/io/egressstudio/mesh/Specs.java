package io.egressstudio.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.Sidecar;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;

/**
 * The spec of an Istio object whatever its API version: fabric8 has one CR class per version
 * ({@code networking.istio.io/v1alpha3}, {@code v1beta1}, {@code v1}) but they share the spec types. Objects read as
 * {@link GenericKubernetesResource} (an unknown version) are converted.
 */
public final class Specs {
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Specs() {
    }

    public static boolean isIstioNetworking(HasMetadata r) {
        return r.getApiVersion() != null && r.getApiVersion().startsWith("networking.istio.io/");
    }

    public static ServiceEntry serviceEntry(HasMetadata r) {
        if (r instanceof io.fabric8.istio.api.networking.v1alpha3.ServiceEntry s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1beta1.ServiceEntry s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1.ServiceEntry s) {
            return s.getSpec();
        }
        return generic(r, ServiceEntry.class);
    }

    public static DestinationRule destinationRule(HasMetadata r) {
        if (r instanceof io.fabric8.istio.api.networking.v1alpha3.DestinationRule s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1beta1.DestinationRule s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1.DestinationRule s) {
            return s.getSpec();
        }
        return generic(r, DestinationRule.class);
    }

    public static VirtualService virtualService(HasMetadata r) {
        if (r instanceof io.fabric8.istio.api.networking.v1alpha3.VirtualService s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1beta1.VirtualService s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1.VirtualService s) {
            return s.getSpec();
        }
        return generic(r, VirtualService.class);
    }

    public static Gateway gateway(HasMetadata r) {
        if (r instanceof io.fabric8.istio.api.networking.v1alpha3.Gateway s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1beta1.Gateway s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1.Gateway s) {
            return s.getSpec();
        }
        return generic(r, Gateway.class);
    }

    public static Sidecar sidecar(HasMetadata r) {
        if (r instanceof io.fabric8.istio.api.networking.v1alpha3.Sidecar s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1beta1.Sidecar s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.networking.v1.Sidecar s) {
            return s.getSpec();
        }
        return generic(r, Sidecar.class);
    }

    public static PeerAuthentication peerAuthentication(HasMetadata r) {
        if (r instanceof io.fabric8.istio.api.security.v1beta1.PeerAuthentication s) {
            return s.getSpec();
        }
        if (r instanceof io.fabric8.istio.api.security.v1.PeerAuthentication s) {
            return s.getSpec();
        }
        return generic(r, PeerAuthentication.class);
    }

    private static <T> T generic(HasMetadata r, Class<T> type) {
        if (r instanceof GenericKubernetesResource g && g.getAdditionalProperties().get("spec") != null) {
            try {
                return SERIALIZATION.convertValue(g.getAdditionalProperties().get("spec"), type);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** A value at a dotted path in a generic resource ({@code spec.security.dataPlane.mtls}), or null. */
    public static Object path(GenericKubernetesResource r, String dotted) {
        Object current = r.getAdditionalProperties();
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    public static String string(GenericKubernetesResource r, String dotted) {
        Object v = path(r, dotted);
        return v == null ? null : v.toString();
    }

    public static Boolean bool(GenericKubernetesResource r, String dotted) {
        Object v = path(r, dotted);
        if (v instanceof Boolean b) {
            return b;
        }
        return v == null ? null : Boolean.valueOf(v.toString());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The value as a list without null items; empty when it is not a list. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? orEmpty((List<Object>) l) : List.of();
    }

    /**
     * The list, never null and without null items: objects from a cluster or a file can have {@code [null]}, and
     * every reader of a spec's lists goes through here.
     */
    public static <T> List<T> orEmpty(List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (T item : list) {
            if (item == null) {
                return list.stream().filter(java.util.Objects::nonNull).toList();
            }
        }
        return list;
    }

    public static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
