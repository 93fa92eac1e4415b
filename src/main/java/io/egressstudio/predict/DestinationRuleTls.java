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

    /** The TLS settings for a port: subset port level, subset, top-level port level, top level (most specific wins). */
    static ClientTLSSettings tlsFor(Rules.Dr dr, String subset, int port, String[] where) {
        TrafficPolicy top = dr.spec().getTrafficPolicy();
        if (subset != null) {
            List<Subset> subsets = Specs.orEmpty(dr.spec().getSubsets());
            for (int i = 0; i < subsets.size(); i++) {
                if (subset.equals(subsets.get(i).getName()) && subsets.get(i).getTrafficPolicy() != null) {
                    ClientTLSSettings s = policyTls(subsets.get(i).getTrafficPolicy(), port, where,
                            "spec.subsets[" + i + "].trafficPolicy");
                    if (s != null) {
                        return s;
                    }
                }
            }
        }
        return top == null ? null : policyTls(top, port, where, "spec.trafficPolicy");
    }

    private static ClientTLSSettings policyTls(TrafficPolicy policy, int port, String[] where, String path) {
        List<TrafficPolicyPortTrafficPolicy> levels = Specs.orEmpty(policy.getPortLevelSettings());
        for (int i = 0; i < levels.size(); i++) {
            TrafficPolicyPortTrafficPolicy level = levels.get(i);
            if (level.getPort() != null && level.getPort().getNumber() != null
                    && level.getPort().getNumber().intValue() == port && level.getTls() != null) {
                where[0] = path + ".portLevelSettings[" + i + "].tls";
                return level.getTls();
            }
        }
        if (policy.getTls() != null) {
            where[0] = path + ".tls";
            return policy.getTls();
        }
        return null;
    }
}
