package io.egressstudio.model;

import java.util.Map;

/** An egress gateway deployment of a mesh, selected by {@code selector} from Gateway resources. */
public record EgressGateway(String id, String mesh, String name, String namespace, Map<String, String> selector)
        implements Element {
    public static final String DEFAULT_NAME = "istio-egressgateway";

    public EgressGateway {
        name = Copies.or(name, DEFAULT_NAME);
        selector = selector == null || selector.isEmpty() ? Map.of("istio", "egressgateway") : Copies.map(selector);
    }
}
