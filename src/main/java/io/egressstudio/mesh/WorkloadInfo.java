package io.egressstudio.mesh;

import java.util.Map;

/**
 * A workload (Deployment) as the mesh sees it.
 *
 * @param sidecar  whether its pods run an istio-proxy sidecar: the namespace is a member of a control plane and the
 *                 pod template asks for injection ({@code sidecar.istio.io/inject: "true"}); Maistra 2.x does not
 *                 inject automatically
 * @param gateway  a gateway proxy of a control plane (istio-ingressgateway, istio-egressgateway, federation gateways)
 * @param declared false when the set has no Deployment and the mesh view assumes one
 */
public record WorkloadInfo(String namespace, String name, Map<String, String> labels, boolean sidecar,
                           boolean gateway, boolean declared, String key, Map<String, String> annotations) {
    public String id() {
        return namespace + "/" + name;
    }

    public boolean selectedBy(Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
