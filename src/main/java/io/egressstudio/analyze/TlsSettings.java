package io.egressstudio.analyze;

import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every {@code tls} block of a DestinationRule, with its field path and the port it is for (null: all ports but those
 * in {@code replacedOn}, where a port-level entry of the same policy replaces it, TLS or not: decision 0023).
 */
record TlsSettings(String path, ClientTLSSettings tls, Integer port, String subset, Set<Integer> replacedOn) {
    static List<TlsSettings> of(Rules.Dr dr) {
        List<TlsSettings> out = new ArrayList<>();
        add(out, dr.spec().getTrafficPolicy(), "spec.trafficPolicy", null);
        List<Subset> subsets = Specs.orEmpty(dr.spec().getSubsets());
        for (int i = 0; i < subsets.size(); i++) {
            add(out, subsets.get(i).getTrafficPolicy(), "spec.subsets[" + i + "].trafficPolicy", subsets.get(i).getName());
        }
        return out;
    }

    private static void add(List<TlsSettings> out, TrafficPolicy policy, String path, String subset) {
        if (policy == null) {
            return;
        }
        List<TrafficPolicyPortTrafficPolicy> levels = Specs.orEmpty(policy.getPortLevelSettings());
        Set<Integer> ports = new HashSet<>();
        for (TrafficPolicyPortTrafficPolicy level : levels) {
            if (level.getPort() != null && level.getPort().getNumber() != null) {
                ports.add(level.getPort().getNumber().intValue());
            }
        }
        if (policy.getTls() != null && policy.getTls().getMode() != null) {
            out.add(new TlsSettings(path + ".tls", policy.getTls(), null, subset, Set.copyOf(ports)));
        }
        for (int i = 0; i < levels.size(); i++) {
            TrafficPolicyPortTrafficPolicy level = levels.get(i);
            if (level.getTls() != null && level.getTls().getMode() != null) {
                Integer port = level.getPort() == null || level.getPort().getNumber() == null ? null
                        : level.getPort().getNumber().intValue();
                out.add(new TlsSettings(path + ".portLevelSettings[" + i + "].tls", level.getTls(), port, subset,
                        Set.of()));
            }
        }
    }

    String mode() {
        return tls.getMode().name();
    }

    boolean originates() {
        return mode().equals("SIMPLE") || mode().equals("MUTUAL");
    }

    boolean appliesTo(int number) {
        return port == null ? !replacedOn.contains(number) : port == number;
    }
}
