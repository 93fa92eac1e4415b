package io.egressstudio.generate;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.networking.v1beta1.DestinationRule;
import io.fabric8.istio.api.networking.v1beta1.VirtualService;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * The per-link resources, assembled from spec objects the factory already built. fabric8's fluent {@code with...}
 * methods copy every nested object into builders and back; for the two resources every link makes, that copying was
 * most of the generator's time (GenerateBenchmark), so they are put together directly.
 */
final class IstioObjects {
    private IstioObjects() {
    }

    static DestinationRule destinationRule(ObjectMeta meta, String host, TrafficPolicy policy, WorkloadSelector selector,
                                           List<String> exportTo) {
        var spec = new io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule();
        spec.setHost(host);
        spec.setTrafficPolicy(policy);
        spec.setWorkloadSelector(selector);
        spec.setExportTo(exportTo);
        DestinationRule rule = new DestinationRule();
        rule.setMetadata(meta);
        rule.setSpec(spec);
        return rule;
    }

    static VirtualService virtualService(ObjectMeta meta, List<String> hosts, List<HTTPRoute> http) {
        var spec = new io.fabric8.istio.api.api.networking.v1alpha3.VirtualService();
        spec.setHosts(hosts);
        spec.setHttp(http);
        VirtualService service = new VirtualService();
        service.setMetadata(meta);
        service.setSpec(spec);
        return service;
    }
}
