package io.egressstudio.mesh;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of Istio's mesh config (the {@code istio} ConfigMap's {@code mesh}, an {@code Istio}'s
 * {@code spec.values.meshConfig}, an IstioOperator's {@code spec.meshConfig}) that decides what requests do.
 * Absent fields take Istio's defaults: ALLOW_ANY, auto mTLS on, trust domain {@code cluster.local}, every namespace
 * discovered.
 *
 * @param rootNamespace null when the config does not name one (the control plane's namespace then)
 */
record MeshConfig(String outboundPolicy, boolean autoMtls, String trustDomain, String rootNamespace,
                  List<LabelSelector> discoverySelectors) {
    static final MeshConfig DEFAULTS = new MeshConfig(ControlPlane.ALLOW_ANY, true, "cluster.local", null, List.of());

    MeshConfig {
        discoverySelectors = List.copyOf(discoverySelectors);
    }

    static MeshConfig of(Object yaml) {
        Map<String, Object> config = Specs.map(yaml);
        Object mode = Specs.map(config.get("outboundTrafficPolicy")).get("mode");
        Object autoMtls = config.get("enableAutoMtls");
        Object trustDomain = config.get("trustDomain");
        Object root = config.get("rootNamespace");
        return new MeshConfig(mode == null ? ControlPlane.ALLOW_ANY : mode.toString().toUpperCase(Locale.ROOT),
                autoMtls == null || Boolean.parseBoolean(autoMtls.toString()),
                trustDomain == null ? "cluster.local" : trustDomain.toString(),
                root == null ? null : root.toString(),
                Specs.list(config.get("discoverySelectors")).stream().map(LabelSelector::of).toList());
    }

    /** Whether istiod reads a namespace with these labels: any selector matches, or there are none. */
    boolean discovers(Map<String, String> namespaceLabels) {
        return discoverySelectors.isEmpty() || discoverySelectors.stream().anyMatch(s -> s.matches(namespaceLabels));
    }
}
