package io.egressstudio.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Sidecar;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication;
import java.util.List;
import java.util.Map;

/** Configuration objects as the mesh view indexes them, each with its {@code Kind/namespace/name} key. */
public final class Rules {
    private Rules() {
    }

    /** A DestinationRule; {@code host} is the FQDN (short names read in the rule's namespace). */
    public record Dr(String key, String namespace, String name, String host, DestinationRule spec, boolean implied) {
        public List<String> exportTo() {
            return Specs.orEmpty(spec.getExportTo());
        }

        public Map<String, String> workloadSelector() {
            return spec.getWorkloadSelector() == null ? Map.of() : Specs.orEmpty(spec.getWorkloadSelector().getMatchLabels());
        }
    }

    /**
     * A VirtualService; {@code hosts} are FQDNs; {@code gateways} are {@code mesh} or {@code namespace/name}
     * (an empty list means {@code mesh}).
     */
    public record Vs(String key, String namespace, String name, List<String> hosts, List<String> gateways,
                     VirtualService spec) {
        public List<String> exportTo() {
            return Specs.orEmpty(spec.getExportTo());
        }

        public boolean boundToMesh() {
            return gateways.contains("mesh");
        }
    }

    public record Gw(String key, String namespace, String name, Map<String, String> selector, Gateway spec) {
        public String ref() {
            return namespace + "/" + name;
        }
    }

    public record Sc(String key, String namespace, String name, Map<String, String> selector, Sidecar spec) {
    }

    public record Pa(String key, String namespace, String name, Map<String, String> selector, PeerAuthentication spec,
                     boolean implied) {
    }
}
