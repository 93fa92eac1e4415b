package io.egressstudio.generate;

import io.egressstudio.model.IstioApiVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Factories build {@code networking.istio.io/v1beta1} objects; this gives the same object in the scenario's chosen
 * version. The spec classes are shared by every version, so only the outer resource changes.
 */
final class IstioVersions {
    private IstioVersions() {
    }

    static HasMetadata adapt(HasMetadata resource, IstioApiVersion version) {
        if (version == IstioApiVersion.V1BETA1) {
            return resource;
        }
        if (resource instanceof io.fabric8.istio.api.networking.v1beta1.ServiceEntry r) {
            var out = new io.fabric8.istio.api.networking.v1alpha3.ServiceEntry();
            out.setMetadata(r.getMetadata());
            out.setSpec(r.getSpec());
            return out;
        }
        if (resource instanceof io.fabric8.istio.api.networking.v1beta1.DestinationRule r) {
            var out = new io.fabric8.istio.api.networking.v1alpha3.DestinationRule();
            out.setMetadata(r.getMetadata());
            out.setSpec(r.getSpec());
            return out;
        }
        if (resource instanceof io.fabric8.istio.api.networking.v1beta1.VirtualService r) {
            var out = new io.fabric8.istio.api.networking.v1alpha3.VirtualService();
            out.setMetadata(r.getMetadata());
            out.setSpec(r.getSpec());
            return out;
        }
        if (resource instanceof io.fabric8.istio.api.networking.v1beta1.Gateway r) {
            var out = new io.fabric8.istio.api.networking.v1alpha3.Gateway();
            out.setMetadata(r.getMetadata());
            out.setSpec(r.getSpec());
            return out;
        }
        throw new IllegalArgumentException("not an Istio networking resource: " + resource.getKind());
    }
}
