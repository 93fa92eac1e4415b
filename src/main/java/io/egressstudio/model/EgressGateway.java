package io.egressstudio.model;

import java.util.List;
import java.util.Map;

/**
 * An egress gateway deployment of a mesh, selected by {@code selector} from Gateway resources.
 *
 * @param serverTls how mesh traffic arrives at it (the Gateway server's tls mode); null: per link, ISTIO_MUTUAL when
 *                  the link's sidecarTls mode is ISTIO_MUTUAL, plain HTTP otherwise
 * @param accessRules who may leave through it to which host (AuthorizationPolicies on its pods); empty: no policy,
 *                    every caller may
 * @param api         the API that configures it; null: Istio's ({@link GatewayApi#ISTIO}), not written to files
 */
public record EgressGateway(String id, String mesh, String name, String namespace, Map<String, String> selector,
                            EgressServerTls serverTls, List<AccessRule> accessRules, GatewayApi api)
        implements Element {
    public static final String DEFAULT_NAME = "istio-egressgateway";
    /** The label istiod puts on the pods it deploys for a Gateway API gateway, with the Gateway's name. */
    public static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

    public EgressGateway {
        name = Copies.or(name, DEFAULT_NAME);
        selector = selector == null || selector.isEmpty() ? Map.of("istio", "egressgateway") : Copies.map(selector);
        accessRules = Copies.list(accessRules);
        api = api == GatewayApi.ISTIO ? null : api;
    }

    public EgressGateway(String id, String mesh, String name, String namespace, Map<String, String> selector,
                         EgressServerTls serverTls, List<AccessRule> accessRules) {
        this(id, mesh, name, namespace, selector, serverTls, accessRules, null);
    }

    /** Whether the Kubernetes Gateway API configures it. */
    public boolean usesGatewayApi() {
        return api == GatewayApi.GATEWAY_API;
    }

    /** The same gateway configured by another API. */
    public EgressGateway withApi(GatewayApi other) {
        return new EgressGateway(id, mesh, name, namespace, selector, serverTls, accessRules, other);
    }

    /** The name of its proxy's Deployment and Service: its own, or for a Gateway API gateway istiod's NAME-istio. */
    public String proxyName() {
        return usesGatewayApi() ? name + "-istio" : name;
    }

    /** The labels of its pods: the selector, or for a Gateway API gateway the label istiod puts on what it deploys. */
    public Map<String, String> podLabels() {
        return usesGatewayApi() ? Map.of(GATEWAY_NAME_LABEL, name) : selector;
    }

    /** A gateway without access rules. */
    public EgressGateway(String id, String mesh, String name, String namespace, Map<String, String> selector,
                         EgressServerTls serverTls) {
        this(id, mesh, name, namespace, selector, serverTls, List.of());
    }

    /** A gateway whose server TLS follows each link's sidecarTls. */
    public EgressGateway(String id, String mesh, String name, String namespace, Map<String, String> selector) {
        this(id, mesh, name, namespace, selector, null, List.of());
    }
}
