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
 */
public record EgressGateway(String id, String mesh, String name, String namespace, Map<String, String> selector,
                            EgressServerTls serverTls, List<AccessRule> accessRules) implements Element {
    public static final String DEFAULT_NAME = "istio-egressgateway";

    public EgressGateway {
        name = Copies.or(name, DEFAULT_NAME);
        selector = selector == null || selector.isEmpty() ? Map.of("istio", "egressgateway") : Copies.map(selector);
        accessRules = Copies.list(accessRules);
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
