package io.egressstudio.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRuleBuilder;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationBuilder;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import java.util.Map;

/** The configuration a Maistra 2.x control plane creates by itself, which is in a cluster though not in the set. */
final class MaistraDefaults {
    private MaistraDefaults() {
    }

    /**
     * What Maistra 2.1's charts create from the SMCP in its namespace: with {@code dataPlane.mtls} a STRICT
     * PeerAuthentication {@code default}, a DestinationRule {@code default} for {@code *.local} with ISTIO_MUTUAL and
     * a DestinationRule {@code api-server} that disables mTLS to the API server; without it a PERMISSIVE
     * PeerAuthentication {@code default}. Objects the set already holds under those names win.
     */
    static void add(ResourceSet resources, ControlPlane cp, MeshIndex index, Map<String, String> origins) {
        String ns = cp.namespace();
        String implied = "implied by " + cp.key();
        String paKey = "PeerAuthentication/" + ns + "/default";
        if (resources.get("PeerAuthentication", ns, "default").isEmpty()) {
            PeerAuthentication pa = new PeerAuthenticationBuilder().withNewMtls()
                    .withMode(cp.mtls() ? PeerAuthenticationMutualTLSMode.STRICT : PeerAuthenticationMutualTLSMode.PERMISSIVE)
                    .endMtls().build();
            index.addPeerAuthentication(new Rules.Pa(paKey, ns, "default", Map.of(), pa, true));
            origins.put(paKey, implied);
        }
        if (cp.mtls()) {
            if (resources.get("DestinationRule", ns, "default").isEmpty()) {
                DestinationRule dr = new DestinationRuleBuilder().withHost("*.local").withNewTrafficPolicy().withNewTls()
                        .withMode(ClientTLSSettingsTLSmode.ISTIO_MUTUAL).endTls().endTrafficPolicy().build();
                String key = "DestinationRule/" + ns + "/default";
                index.addDestinationRule(new Rules.Dr(key, ns, "default", "*.local", dr, true));
                origins.put(key, implied);
            }
            if (resources.get("DestinationRule", ns, "api-server").isEmpty()) {
                DestinationRule dr = new DestinationRuleBuilder().withHost("kubernetes.default.svc.cluster.local")
                        .withNewTrafficPolicy().withNewTls().withMode(ClientTLSSettingsTLSmode.DISABLE).endTls()
                        .endTrafficPolicy().build();
                String key = "DestinationRule/" + ns + "/api-server";
                index.addDestinationRule(new Rules.Dr(key, ns, "api-server", "kubernetes.default.svc.cluster.local", dr, true));
                origins.put(key, implied);
            }
        }
    }
}
