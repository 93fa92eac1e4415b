package io.egressstudio.predict;

import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy;
import java.util.List;

/** Which TLS block of a DestinationRule governs a port, and where it sits, so the explanation can point at it. */
final class DestinationRuleTls {
    private DestinationRuleTls() {
    }

    /**
     * The TLS settings for a port, as istiod merges a DestinationRule's policies (the same from Istio 1.16, under
     * Maistra 2.4, to today: {@code MergeTrafficPolicy} in pilot's cluster builder, later
     * {@code util.MergeSubsetTrafficPolicy} and {@code GetPortLevelTrafficPolicy}; decision 0023). A port-level entry
     * that matches the port <em>replaces</em> the policy it sits in: its TLS, or none when it has none, is not
     * inherited from above ("port level policies do not inherit and instead [fall back] to defaults if not provided").
     * A subset's policy overrides the destination's: wholesale where a subset port-level entry matches, field by field
     * (TLS only where the subset sets it) otherwise. Null: the rule gives this port no TLS settings.
     */
    static ClientTLSSettings tlsFor(Rules.Dr dr, String subset, int port, String[] where) {
        TrafficPolicy top = dr.spec().getTrafficPolicy();
        Selected destination = top == null ? new Selected(null, null, false) : select(top, port, "spec.trafficPolicy");
        if (subset != null) {
            List<Subset> subsets = Specs.orEmpty(dr.spec().getSubsets());
            for (int i = 0; i < subsets.size(); i++) {
                if (subset.equals(subsets.get(i).getName()) && subsets.get(i).getTrafficPolicy() != null) {
                    Selected own = select(subsets.get(i).getTrafficPolicy(), port,
                            "spec.subsets[" + i + "].trafficPolicy");
                    if (own.portLevel() || own.tls() != null) {
                        where[0] = own.path();
                        return own.tls();
                    }
                    break;
                }
            }
        }
        where[0] = destination.path();
        return destination.tls();
    }

    /** A policy's TLS for a port: a matching port-level entry's (even none), else the policy's own. */
    private record Selected(ClientTLSSettings tls, String path, boolean portLevel) {
    }

    private static Selected select(TrafficPolicy policy, int port, String path) {
        List<TrafficPolicyPortTrafficPolicy> levels = Specs.orEmpty(policy.getPortLevelSettings());
        for (int i = 0; i < levels.size(); i++) {
            TrafficPolicyPortTrafficPolicy level = levels.get(i);
            if (level.getPort() != null && level.getPort().getNumber() != null
                    && level.getPort().getNumber().intValue() == port) {
                return new Selected(level.getTls(), path + ".portLevelSettings[" + i + "].tls", true);
            }
        }
        return new Selected(policy.getTls(), policy.getTls() == null ? null : path + ".tls", false);
    }
}
